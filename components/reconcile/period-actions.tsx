"use client";
// The buttons of one month's close, by role: submit (ACCOUNTANT), approve-and-lock or send back
// (REVIEWER), reopen with a reason (OWNER). Submitting and locking first show the close checklist
// (close-checklist-dialog.tsx). The server checks each again.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { lockMonthAction, reopenMonthAction, returnMonthAction, submitMonthAction } from "@/lib/actions/reconcile/workspace";
import { Button } from "@/components/ui/button";
import type { PeriodView } from "@/lib/match-review/list-periods";
import { callAction, type FormAction } from "./call-action";
import { CloseChecklistDialog } from "./close-checklist-dialog";
import { ReasonDialog } from "./reason-dialog";

export function PeriodActions({ month, status, canSubmit, canLock, canReopen }: { month: string; status: PeriodView["status"]; canSubmit: boolean; canLock: boolean; canReopen: boolean }) {
  const t = useTranslations("workspace");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const [reopening, setReopening] = useState(false);
  const [reopenError, setReopenError] = useState<string>();
  const [closing, setClosing] = useState<"submit" | "lock" | null>(null);
  const [closeError, setCloseError] = useState<string>();

  const run = (action: FormAction<{ month: string }>, fields: Record<string, string>, done: string) =>
    startTransition(async () => {
      const state = await callAction(action, { month, ...fields });
      if (state.status === "ok") {
        setMessage({ error: false, text: t(done, { month }) });
        setReopening(false);
        setClosing(null);
        router.refresh();
      } else if (state.status === "error") {
        if (reopening) setReopenError(state.message);
        else if (closing) setCloseError(state.message);
        else setMessage({ error: true, text: state.message });
      }
    });

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      {message ? (
        <span role={message.error ? "alert" : "status"} className={`text-xs ${message.error ? "text-red-600" : "text-slate-600"}`}>
          {message.text}
        </span>
      ) : null}
      {status === "OPEN" && canSubmit ? (
        <Button className="py-1 text-xs" disabled={pending} onClick={() => setClosing("submit")}>
          {t("submitMonth")}
        </Button>
      ) : null}
      {status === "SUBMITTED" && canLock ? (
        <>
          <Button className="py-1 text-xs" disabled={pending} onClick={() => setClosing("lock")}>
            {t("lockMonth")}
          </Button>
          <Button className="py-1 text-xs" variant="secondary" disabled={pending} onClick={() => run(returnMonthAction, {}, "monthReturned")}>
            {t("returnMonth")}
          </Button>
        </>
      ) : null}
      {status === "LOCKED" && canReopen ? (
        <Button className="py-1 text-xs" variant="secondary" disabled={pending} onClick={() => setReopening(true)}>
          {t("reopenMonth")}
        </Button>
      ) : null}
      {closing ? (
        <CloseChecklistDialog
          month={month}
          step={closing}
          pending={pending}
          error={closeError}
          onClose={() => setClosing(null)}
          onConfirm={(confirmOpenItems) =>
            run(closing === "submit" ? submitMonthAction : lockMonthAction, confirmOpenItems ? { confirmOpenItems: "1" } : {}, closing === "submit" ? "monthSubmitted" : "monthLockedDone")
          }
        />
      ) : null}
      {reopening ? (
        <ReasonDialog title={`${t("reopenMonth")} ${month}`} label={t("reopenReason")} submitLabel={t("reopenMonth")} error={reopenError} onClose={() => setReopening(false)} onSubmit={(reason) => run(reopenMonthAction, { reason }, "monthReopened")} />
      ) : null}
    </div>
  );
}
