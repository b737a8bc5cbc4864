"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createStoreAction, updateStoreAction } from "@/lib/actions/settings/stores";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, submittedValue } from "@/lib/actions/action-state";
import { DEFAULT_AUTO_CONFIRM_DAYS } from "@/lib/receivables/expected-date";
import { MAX_AUTO_CONFIRM_DAYS, PLATFORMS, type PlatformId } from "@/lib/stores/store-schema";
import { FormActions } from "./form-actions";

export type StoreFormValues = {
  id?: string;
  name: string;
  platform: string;
  currency: string;
  settlementTermsDays: number;
  feeRatePercent: string;
  /** "" when the store uses its platform's default. */
  autoConfirmDays: string;
};

function defaultAutoConfirmDays(platform: string): number {
  return DEFAULT_AUTO_CONFIRM_DAYS[(PLATFORMS as readonly string[]).includes(platform) ? (platform as PlatformId) : "OTHER"];
}

export function StoreForm({ initial }: { initial: StoreFormValues }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(initial.id ? updateStoreAction : createStoreAction, IDLE);
  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  const value = (name: string, initialValue: string) => submittedValue(state, name, initialValue);
  // The empty automatic-confirmation field shows the default of the platform chosen right now.
  const [platform, setPlatform] = useState(initial.platform);

  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <TextField label={t("stores.name")} name="name" defaultValue={value("name", initial.name)} error={error("name")} maxLength={60} />
      <SelectField
        label={t("stores.platform")}
        name="platform"
        defaultValue={value("platform", initial.platform)}
        error={error("platform")}
        onChange={(event) => setPlatform(event.target.value)}
        options={PLATFORMS.map((p) => ({ value: p, label: t(`platforms.${p}`) }))}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label={t("stores.currency")}
          name="currency"
          defaultValue={value("currency", initial.currency)}
          error={error("currency")}
          maxLength={3}
        />
        <TextField
          label={t("stores.feeRate")}
          name="feeRatePercent"
          inputMode="decimal"
          defaultValue={value("feeRatePercent", initial.feeRatePercent)}
          error={error("feeRatePercent")}
        />
        <TextField
          label={t("stores.termsShort")}
          name="settlementTermsDays"
          inputMode="numeric"
          defaultValue={value("settlementTermsDays", String(initial.settlementTermsDays))}
          error={error("settlementTermsDays")}
          hint={t("stores.terms")}
        />
        <TextField
          label={t("stores.autoConfirm")}
          name="autoConfirmDays"
          inputMode="numeric"
          defaultValue={value("autoConfirmDays", initial.autoConfirmDays)}
          placeholder={t("stores.autoConfirmDefault", { days: defaultAutoConfirmDays(platform) })}
          error={error("autoConfirmDays")}
          hint={t("stores.autoConfirmHint", { max: MAX_AUTO_CONFIRM_DAYS })}
        />
      </div>
      <FormActions pending={pending} cancelHref="/settings/stores" />
    </form>
  );
}
