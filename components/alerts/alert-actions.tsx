"use client";
// Handling one alert in its drawer: take it (我来处理) or assign it to a member with an optional
// note, resolve it with a note, ignore it with a reason; a closed one is reopened with a note.
// Each button calls its server action; the page refreshes with the new status and history.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { callAction, type FormAction } from "@/components/reconcile/call-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { assignAlertAction, ignoreAlertAction, reopenAlertAction, resolveAlertAction } from "@/lib/actions/alerts/alerts";
import type { AlertStatus } from "@/lib/alerts/alert-types";

type Member = { id: string; name: string };
type Mode = "assign" | "resolve" | "ignore" | null;

const TEXTAREA = "block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500";

export function AlertActions({ alertId, status, assigneeId, currentUserId, members }: { alertId: string; status: AlertStatus; assigneeId: string | null; currentUserId: string; members: Member[] }) {
  const t = useTranslations("alerts.actions");
  const router = useRouter();
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState("");
  const [assignee, setAssignee] = useState(assigneeId ?? currentUserId);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, startTransition] = useTransition();
  const open = status === "NEW" || status === "IN_PROGRESS";

  const run = <T,>(action: FormAction<T>, fields: Record<string, string>, doneKey: string) =>
    startTransition(async () => {
      const state = await callAction(action, { id: alertId, ...fields });
      if (state.status === "ok") {
        setError(undefined);
        setMode(null);
        setText("");
        setDone(t(doneKey));
        router.refresh();
      } else if (state.status === "error") setError(Object.values(state.fieldErrors)[0] ?? state.message);
    });

  const noteBox = (label: string, required: boolean) => (
    <label className="block text-sm">
      <span className="mb-1 block text-xs text-slate-600">{label}</span>
      <textarea name="note" rows={3} maxLength={1000} required={required} value={text} onChange={(event) => setText(event.target.value)} className={TEXTAREA} data-testid="alert-note" />
    </label>
  );

  return (
    <div className="space-y-3" data-testid="alert-actions">
      {done ? <Alert tone="success">{done}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {open ? (
        <>
          <div className="flex flex-wrap gap-2">
            {assigneeId !== currentUserId || status === "NEW" ? (
              <Button type="button" disabled={pending} onClick={() => run(assignAlertAction, {}, "started")} data-testid="alert-start">
                {t("start")}
              </Button>
            ) : null}
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setMode(mode === "assign" ? null : "assign")} data-testid="alert-assign-open">
              {t("assign")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setMode(mode === "resolve" ? null : "resolve")} data-testid="alert-resolve-open">
              {t("resolve")}
            </Button>
            <Button type="button" variant="ghost" disabled={pending} onClick={() => setMode(mode === "ignore" ? null : "ignore")} data-testid="alert-ignore-open">
              {t("ignore")}
            </Button>
          </div>
          {mode === "assign" ? (
            <div className="space-y-2 rounded-md bg-slate-50 p-3">
              <label className="block text-sm">
                <span className="mb-1 block text-xs text-slate-600">{t("assignTo")}</span>
                <select value={assignee} onChange={(event) => setAssignee(event.target.value)} className="rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-slate-300" data-testid="alert-assignee">
                  {members.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.name}
                    </option>
                  ))}
                </select>
              </label>
              {noteBox(t("noteOptional"), false)}
              <div className="flex gap-2">
                <Button type="button" disabled={pending} onClick={() => run(assignAlertAction, { assigneeId: assignee, note: text }, "assigned")} data-testid="alert-assign">
                  {t("assign")}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setMode(null)}>
                  {t("cancel")}
                </Button>
              </div>
            </div>
          ) : null}
          {mode === "resolve" || mode === "ignore" ? (
            <div className="space-y-2 rounded-md bg-slate-50 p-3">
              {noteBox(mode === "resolve" ? t("resolveNote") : t("ignoreReason"), true)}
              <div className="flex gap-2">
                <Button
                  type="button"
                  disabled={pending}
                  onClick={() => (mode === "resolve" ? run(resolveAlertAction, { note: text }, "resolved") : run(ignoreAlertAction, { reason: text }, "ignored"))}
                  data-testid={mode === "resolve" ? "alert-resolve" : "alert-ignore"}
                >
                  {mode === "resolve" ? t("resolve") : t("ignore")}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setMode(null)}>
                  {t("cancel")}
                </Button>
              </div>
            </div>
          ) : null}
        </>
      ) : (
        <div className="space-y-2 rounded-md bg-slate-50 p-3">
          {noteBox(t("reopenNote"), true)}
          <Button type="button" variant="secondary" disabled={pending} onClick={() => run(reopenAlertAction, { note: text }, "reopened")} data-testid="alert-reopen">
            {t("reopen")}
          </Button>
        </div>
      )}
    </div>
  );
}
