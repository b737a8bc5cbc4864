"use client";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { cancelImportAction, chooseStatementAccountAction, commitImportAction, reparseImportAction, undoImportAction } from "@/lib/actions/import/batches";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { IDLE, submittedValue, type ActionState } from "@/lib/actions/action-state";

type Option = { value: string; label: string };

/** After a successful action, the server page shows the new state (progress, result). */
function useRefreshOnSuccess(state: ActionState<unknown>, href?: string) {
  const router = useRouter();
  useEffect(() => {
    if (state.status !== "ok") return;
    if (href) router.push(href);
    router.refresh();
  }, [state, router, href]);
}

export function CommitForm({
  batchId,
  target,
  targets,
  currentTargetId,
  invalidCount,
  mismatchByTarget = {},
}: {
  batchId: string;
  target: "store" | "account";
  targets: Option[];
  currentTargetId: string | null;
  invalidCount: number;
  /** Per account: what the file says that this account contradicts, in the user's language. */
  mismatchByTarget?: Record<string, string>;
}) {
  const t = useTranslations("imports");
  const [state, formAction, pending] = useActionState(commitImportAction, IDLE);
  useRefreshOnSuccess(state);
  const field = target === "store" ? "storeId" : "fundAccountId";
  const initial = submittedValue(state, field, currentTargetId ?? "");
  const [selected, setSelected] = useState(initial);
  const mismatch = mismatchByTarget[selected];
  return (
    <form action={formAction} className="space-y-4" data-testid="commit-form">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="id" value={batchId} />
      <div className="max-w-md">
        <SelectField
          label={target === "store" ? t("chooseStore") : t("chooseAccount")}
          name={field}
          defaultValue={initial}
          onChange={(event) => setSelected(event.target.value)}
          error={state.status === "error" ? state.fieldErrors[field] : undefined}
          options={[{ value: "", label: t("chooseNone") }, ...targets]}
        />
      </div>
      {mismatch ? (
        <div data-testid="account-mismatch" className="max-w-md">
          <Alert tone="warning">{mismatch}</Alert>
        </div>
      ) : null}
      {invalidCount > 0 ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="skipInvalid" className="size-4 rounded border-slate-300" />
          {t("skipInvalid", { count: invalidCount })}
        </label>
      ) : null}
      <Button type="submit" disabled={pending || state.status === "ok"}>
        {t("commit")}
      </Button>
    </form>
  );
}

export function CancelImportButton({ batchId }: { batchId: string }) {
  const t = useTranslations("imports");
  const [state, formAction, pending] = useActionState(cancelImportAction, IDLE);
  useRefreshOnSuccess(state, "/import");
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={batchId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("cancel")}
      </Button>
    </form>
  );
}

export function UndoImportButton({ batchId, rows }: { batchId: string; rows: number }) {
  const t = useTranslations("imports");
  const [state, formAction, pending] = useActionState(undoImportAction, IDLE);
  useRefreshOnSuccess(state);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t("undoConfirm", { count: rows }))) event.preventDefault();
      }}
      className="flex items-center gap-3"
    >
      <input type="hidden" name="id" value={batchId} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t("undo")}
      </Button>
      {state.status === "error" ? (
        <span role="alert" className="text-sm text-red-600">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** A statement file of several accounts: read it again for one of the accounts it holds. */
export function StatementAccountForm({ batchId, accounts }: { batchId: string; accounts: string[] }) {
  const t = useTranslations("imports.severalAccounts");
  const [state, formAction, pending] = useActionState(chooseStatementAccountAction, IDLE);
  useRefreshOnSuccess(state);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" data-testid="statement-account-form">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="id" value={batchId} />
      <div className="w-80">
        <SelectField
          label={t("label")}
          name="account"
          defaultValue={accounts[0] ?? ""}
          error={state.status === "error" ? state.fieldErrors.account : undefined}
          options={accounts.map((account) => ({ value: account, label: account }))}
        />
      </div>
      <Button type="submit" disabled={pending || state.status === "ok"}>
        {t("submit")}
      </Button>
    </form>
  );
}

export function ReparseForm({ batchId, formats, current }: { batchId: string; formats: Option[]; current: string | null }) {
  const t = useTranslations("imports");
  const [state, formAction, pending] = useActionState(reparseImportAction, IDLE);
  useRefreshOnSuccess(state);
  return (
    <form action={formAction} className="flex items-end gap-3">
      <input type="hidden" name="id" value={batchId} />
      <div className="w-72">
        <SelectField label={t("chooseFormat")} name="format" defaultValue={current ?? "auto"} options={formats} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("reparse")}
      </Button>
    </form>
  );
}
