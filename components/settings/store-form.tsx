"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createStoreAction, updateStoreAction } from "@/lib/actions/settings/stores";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, submittedValue } from "@/lib/actions/action-state";
import { PLATFORMS } from "@/lib/stores/store-schema";
import { FormActions } from "./form-actions";

export type StoreFormValues = {
  id?: string;
  name: string;
  platform: string;
  currency: string;
  settlementTermsDays: number;
  feeRatePercent: string;
};

export function StoreForm({ initial }: { initial: StoreFormValues }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(initial.id ? updateStoreAction : createStoreAction, IDLE);
  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  const value = (name: string, initialValue: string) => submittedValue(state, name, initialValue);

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
        options={PLATFORMS.map((p) => ({ value: p, label: t(`platforms.${p}`) }))}
      />
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          label={t("stores.currency")}
          name="currency"
          defaultValue={value("currency", initial.currency)}
          error={error("currency")}
          maxLength={3}
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
          label={t("stores.feeRate")}
          name="feeRatePercent"
          inputMode="decimal"
          defaultValue={value("feeRatePercent", initial.feeRatePercent)}
          error={error("feeRatePercent")}
        />
      </div>
      <FormActions pending={pending} cancelHref="/settings/stores" />
    </form>
  );
}
