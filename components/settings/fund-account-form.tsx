"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createFundAccountAction, updateFundAccountAction } from "@/lib/actions/settings/fund-accounts";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, submittedValue } from "@/lib/actions/action-state";
import { FUND_ACCOUNT_TYPES } from "@/lib/fund-accounts/fund-account-schema";
import { FormActions } from "./form-actions";

export type FundAccountFormValues = {
  id?: string;
  name: string;
  type: string;
  institution: string;
  /** Edit forms get only the masked number; the full one never travels back to the browser. */
  maskedAccountNumber?: string;
  currency: string;
};

export function FundAccountForm({ initial }: { initial: FundAccountFormValues }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(
    initial.id ? updateFundAccountAction : createFundAccountAction,
    IDLE,
  );
  const error = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  const value = (name: string, initialValue: string) => submittedValue(state, name, initialValue);

  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <TextField label={t("accounts.name")} name="name" defaultValue={value("name", initial.name)} error={error("name")} maxLength={60} />
      <SelectField
        label={t("accounts.type")}
        name="type"
        defaultValue={value("type", initial.type)}
        error={error("type")}
        options={FUND_ACCOUNT_TYPES.map((type) => ({ value: type, label: t(`accountTypes.${type}`) }))}
      />
      <TextField
        label={t("accounts.institution")}
        name="institution"
        defaultValue={value("institution", initial.institution)}
        error={error("institution")}
        maxLength={60}
      />
      <div className="grid gap-5 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <TextField
            label={t("accounts.accountNumber")}
            name="accountNumber"
            autoComplete="off"
            defaultValue={value("accountNumber", "")}
            error={error("accountNumber")}
            hint={
              initial.maskedAccountNumber
                ? t("accounts.accountNumberKept", { masked: initial.maskedAccountNumber })
                : t("accounts.accountNumberHint")
            }
          />
        </div>
        <TextField
          label={t("accounts.currency")}
          name="currency"
          defaultValue={value("currency", initial.currency)}
          error={error("currency")}
          maxLength={3}
        />
      </div>
      <FormActions pending={pending} cancelHref="/settings/accounts" />
    </form>
  );
}
