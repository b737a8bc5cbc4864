"use client";
// The three group lists of the workspace. Proposals: select one or many (checkbox, X, A) and
// confirm (C) or reject (R) after seeing the count and total. Approvals: approve or send back
// others' manual matches. Matched: unmatch with a reason. Notes on any group.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import {
  addNoteAction,
  approveMatchesAction,
  confirmProposalsAction,
  declineMatchesAction,
  rejectProposalsAction,
  reverseMatchesAction,
} from "@/lib/actions/reconcile/workspace";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Modal } from "@/components/ui/modal";
import type { GroupView } from "@/lib/match-review/list-groups";
import { callAction } from "./call-action";
import { GroupCard, useMoney } from "./group-card";
import { ReasonDialog } from "./reason-dialog";
import { useListKeys } from "./use-list-keys";

export type GroupNote = { id: string; body: string; author: string; at: string };

type Mode = "proposals" | "approvals" | "matched";
type Dialog = { kind: "confirm" | "reject" } | { kind: "decline" | "unmatch" | "note"; ids: string[] } | null;
type Message = { tone: "success" | "error" | "warning"; text: string } | null;

export function GroupList({
  mode,
  groups,
  emptyText,
  canAct,
  canNote,
  currentUserId,
  people,
  notes,
}: {
  mode: Mode;
  groups: GroupView[];
  /** Shown instead of the list when it is empty (the outcome message of the last action stays). */
  emptyText: string;
  canAct: boolean;
  canNote: boolean;
  currentUserId: string;
  people: Record<string, string>;
  notes: Record<string, GroupNote[]>;
}) {
  const t = useTranslations("workspace");
  const tc = useTranslations("common");
  const router = useRouter();
  const { money } = useMoney();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<Message>(null);
  const [dialogError, setDialogError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const chosen = useMemo(() => groups.filter((group) => selected.has(group.id)), [groups, selected]);
  const chosenTotal = chosen.reduce((sum, group) => sum + group.amountMinor, 0n);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function run<T>(work: () => Promise<{ status: string; message?: string; data?: T }>, onOk: (data: T) => Message) {
    startTransition(async () => {
      const state = await work();
      if (state.status === "ok") {
        setDialog(null);
        setDialogError(undefined);
        setSelected(new Set());
        setMessage(onOk(state.data as T));
        router.refresh();
      } else if (dialog && dialog.kind !== "confirm" && dialog.kind !== "reject") {
        setDialogError(state.message);
      } else {
        setDialog(null);
        setMessage({ tone: "error", text: state.message ?? "" });
      }
    });
  }

  const decided = (key: "confirmed" | "rejected") => (data: { done: string[]; skipped: { reason: string }[] }): Message => {
    const text = t(key, { count: data.done.length });
    if (data.skipped.length === 0) return { tone: "success", text };
    const reasons = [...new Set(data.skipped.map((skip) => t(`skipReasons.${skip.reason}`)))].join("；");
    return { tone: "warning", text: `${text} ${t("skipped", { count: data.skipped.length, reasons })}` };
  };

  const payload = (ids: string[]) => JSON.stringify(ids);
  const ids = chosen.map((group) => group.id);

  const keys = useMemo(() => {
    const focused = groups[focus];
    return {
      j: () => setFocus((index) => Math.min(groups.length - 1, index + 1)),
      ArrowDown: () => setFocus((index) => Math.min(groups.length - 1, index + 1)),
      k: () => setFocus((index) => Math.max(0, index - 1)),
      ArrowUp: () => setFocus((index) => Math.max(0, index - 1)),
      x: () => focused && toggle(focused.id),
      " ": () => focused && toggle(focused.id),
      a: () => setSelected(new Set(groups.map((group) => group.id))),
      Escape: () => setSelected(new Set()),
      ...(mode === "proposals" && canAct
        ? { c: () => (selected.size > 0 ? setDialog({ kind: "confirm" }) : undefined), r: () => (selected.size > 0 ? setDialog({ kind: "reject" }) : undefined) }
        : {}),
    } as Record<string, () => void>;
  }, [groups, focus, mode, canAct, selected.size]);
  useListKeys(keys);

  return (
    <div className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {groups.length === 0 ? <EmptyState>{emptyText}</EmptyState> : null}
      {canAct && mode !== "matched" && groups.length > 0 ? (
        <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg bg-white/95 px-4 py-2.5 shadow-xs ring-1 ring-slate-200 backdrop-blur">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300"
              checked={groups.length > 0 && selected.size === groups.length}
              onChange={(event) => setSelected(event.target.checked ? new Set(groups.map((group) => group.id)) : new Set())}
            />
            {t("selectAll")}
          </label>
          <span className="num text-sm text-slate-600" data-testid="selection-summary">
            {t("selected", { count: chosen.length, amount: money(chosenTotal) })}
          </span>
          <span className="ml-auto flex gap-2">
            {mode === "proposals" ? (
              <>
                <Button disabled={chosen.length === 0 || pending} onClick={() => setDialog({ kind: "confirm" })}>
                  {t("confirmSelected")}
                </Button>
                <Button variant="danger" disabled={chosen.length === 0 || pending} onClick={() => setDialog({ kind: "reject" })}>
                  {t("rejectSelected")}
                </Button>
              </>
            ) : (
              <Button
                disabled={chosen.length === 0 || pending || chosen.some((group) => group.createdById === currentUserId)}
                onClick={() => run(() => callAction(approveMatchesAction, { payload: payload(ids) }), (data: { count: number }) => ({ tone: "success", text: t("approved", { count: data.count }) }))}
              >
                {t("approve")}
              </Button>
            )}
          </span>
        </div>
      ) : null}

      {groups.map((group, index) => {
        const own = group.createdById === currentUserId;
        const groupNotes = notes[group.id] ?? [];
        return (
          <div key={group.id} onClick={() => setFocus(index)}>
            <GroupCard
              group={group}
              selected={selected.has(group.id)}
              focused={index === focus}
              onToggle={canAct && mode !== "matched" && !(mode === "approvals" && own) ? () => toggle(group.id) : undefined}
              makerName={group.createdById ? people[group.createdById] : undefined}
              actions={
                <>
                  {mode === "approvals" && canAct ? (
                    own ? (
                      <span className="text-xs text-amber-700">{t("ownMatch")}</span>
                    ) : (
                      <>
                        <Button className="py-1 text-xs" disabled={pending} onClick={() => run(() => callAction(approveMatchesAction, { payload: payload([group.id]) }), (data: { count: number }) => ({ tone: "success", text: t("approved", { count: data.count }) }))}>
                          {t("approve")}
                        </Button>
                        <Button className="py-1 text-xs" variant="secondary" disabled={pending} onClick={() => setDialog({ kind: "decline", ids: [group.id] })}>
                          {t("decline")}
                        </Button>
                      </>
                    )
                  ) : null}
                  {mode === "matched" && canAct ? (
                    <Button className="py-1 text-xs" variant="secondary" disabled={pending} onClick={() => setDialog({ kind: "unmatch", ids: [group.id] })}>
                      {t("unmatch")}
                    </Button>
                  ) : null}
                  {canNote ? (
                    <Button className="py-1 text-xs" variant="ghost" onClick={() => setDialog({ kind: "note", ids: [group.id] })}>
                      {t("addNote")}
                    </Button>
                  ) : null}
                  {groupNotes.length > 0 ? (
                    <ul className="w-full space-y-0.5 text-xs text-slate-600" aria-label={t("notes")}>
                      {groupNotes.map((note) => (
                        <li key={note.id}>
                          <span className="text-slate-400">{note.at} {note.author}：</span>
                          {note.body}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              }
            />
          </div>
        );
      })}

      {dialog?.kind === "confirm" || dialog?.kind === "reject" ? (
        <Modal title={t(dialog.kind === "confirm" ? "confirmBulkTitle" : "rejectBulkTitle", { count: chosen.length })} onClose={() => setDialog(null)}>
          <p className="mb-4 text-sm text-slate-600">{dialog.kind === "confirm" ? t("confirmBulkBody", { amount: money(chosenTotal) }) : t("rejectBulkBody")}</p>
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setDialog(null)}>
              {tc("cancel")}
            </Button>
            <Button
              data-autofocus
              variant={dialog.kind === "confirm" ? "primary" : "danger"}
              disabled={pending}
              onClick={() =>
                dialog.kind === "confirm"
                  ? run(() => callAction(confirmProposalsAction, { payload: payload(ids) }), decided("confirmed"))
                  : run(() => callAction(rejectProposalsAction, { payload: payload(ids) }), decided("rejected"))
              }
            >
              {t(dialog.kind === "confirm" ? "confirmSelected" : "rejectSelected")}
            </Button>
          </div>
        </Modal>
      ) : null}
      {dialog?.kind === "decline" ? (
        <ReasonDialog
          title={t("decline")}
          label={t("declineReason")}
          submitLabel={t("decline")}
          error={dialogError}
          onClose={() => setDialog(null)}
          onSubmit={(reason) => run(() => callAction(declineMatchesAction, { payload: payload(dialog.ids), reason }), () => ({ tone: "success", text: t("declined") }))}
        />
      ) : null}
      {dialog?.kind === "unmatch" ? (
        <ReasonDialog
          title={t("unmatch")}
          label={t("unmatchReason")}
          submitLabel={t("unmatch")}
          error={dialogError}
          onClose={() => setDialog(null)}
          onSubmit={(reason) => run(() => callAction(reverseMatchesAction, { payload: payload(dialog.ids), reason }), () => ({ tone: "success", text: t("unmatched") }))}
        />
      ) : null}
      {dialog?.kind === "note" ? (
        <ReasonDialog
          title={t("addNote")}
          label={t("notes")}
          submitLabel={t("addNote")}
          error={dialogError}
          onClose={() => setDialog(null)}
          onSubmit={(body) => run(() => callAction(addNoteAction, { target: "GROUP", targetId: dialog.ids[0]!, body }), () => ({ tone: "success", text: t("noteSaved") }))}
        />
      ) : null}
    </div>
  );
}
