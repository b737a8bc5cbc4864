"use client";
// Starts a reconciliation run, for everything or narrowed to one month, one store and/or one fund
// account (lib/match-runs/run-scope.ts): a scoped run redoes only the open proposals inside it and
// leaves everyone's other pending proposals alone.
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startReconciliationAction } from "@/lib/actions/reconcile/runs";
import { Button } from "@/components/ui/button";
import { IDLE, submittedValue } from "@/lib/actions/action-state";

type Option = { id: string; name: string };

const CONTROL = "h-8 rounded-md border-0 bg-white px-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 disabled:bg-slate-50";

export function StartRunButton({ disabled, stores = [], accounts = [], defaultMonth = "" }: { disabled: boolean; stores?: Option[]; accounts?: Option[]; defaultMonth?: string }) {
  const t = useTranslations("reconcile");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(startReconciliationAction, IDLE);
  useEffect(() => {
    if (state.status === "ok") router.refresh();
  }, [state, router]);
  const fieldError = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={t("scope.label")} data-testid="run-form">
      <label className="flex flex-col text-xs text-slate-600">
        {t("scope.month")}
        <input
          type="month"
          name="month"
          defaultValue={submittedValue(state, "month", defaultMonth)}
          disabled={disabled}
          aria-invalid={fieldError("month") ? true : undefined}
          className={`${CONTROL} w-36`}
        />
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        {t("scope.store")}
        <select key={submittedValue(state, "storeId", "")} name="storeId" defaultValue={submittedValue(state, "storeId", "")} disabled={disabled} className={`${CONTROL} max-w-44`}>
          <option value="">{t("scope.allStores")}</option>
          {stores.map((store) => (
            <option key={store.id} value={store.id}>
              {store.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        {t("scope.account")}
        <select key={submittedValue(state, "accountId", "")} name="accountId" defaultValue={submittedValue(state, "accountId", "")} disabled={disabled} className={`${CONTROL} max-w-44`}>
          <option value="">{t("scope.allAccounts")}</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" className="h-8 py-0" disabled={disabled || pending}>
        {pending ? t("starting") : t("start")}
      </Button>
      {state.status === "error" ? (
        <span role="alert" className="basis-full text-sm text-red-600">
          {[state.message, ...Object.values(state.fieldErrors)].join(" ")}
        </span>
      ) : null}
    </form>
  );
}
