"use client";
// The three group lists of the workspace as one dense table each: one row per group (date, store,
// rule, rows, amount, difference, reason in words, status), expandable to its rows and adjustments.
// Proposals: select one or many (checkbox, X, A) and confirm (C) or reject (R) after seeing the
// count and total. Approvals: approve or send back others' manual matches. Matched: unmatch with a
// reason. Notes on any group.
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
import { DataTable } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import type { GroupPage } from "@/lib/match-review/list-groups";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import { groupReasonLine } from "@/lib/match-engine/reason-messages";
import { GroupDetail } from "./group-detail";
import { useMoney } from "./use-money";
import { ReasonDialog } from "./reason-dialog";
import { useListKeys } from "./use-list-keys";

export type GroupNote = { id: string; body: string; author: string; at: string };

/** Actions inside a dense row: links in size, so the row stays one line high. */
const ROW_BUTTON = "text-brand-700 hover:underline disabled:text-slate-400";

type Mode = "proposals" | "approvals" | "matched";
type Dialog = { kind: "confirm" | "reject" } | { kind: "decline" | "unmatch" | "note"; ids: string[] } | null;
type Message = { tone: "success" | "error" | "warning"; text: string } | null;

export function GroupList({
  mode,
  page,
  preference,
  emptyText,
  canAct,
  canNote,
  currentUserId,
  people,
  notes,
  lockedMonths = [],
}: {
  mode: Mode;
  page: GroupPage;
  preference: TablePreference;
  /** Shown instead of the list when it is empty (the outcome message of the last action stays). */
  emptyText: string;
  canAct: boolean;
  canNote: boolean;
  currentUserId: string;
  people: Record<string, string>;
  notes: Record<string, GroupNote[]>;
  /** Locked months ("YYYY-MM"): their groups cannot be confirmed, rejected or unmatched, so they say so up front. */
  lockedMonths?: string[];
}) {
  const t = useTranslations("workspace");
  const tc = useTranslations("common");
  const router = useRouter();
  const { locale, money } = useMoney();
  const groups = page.groups;
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

  const tm = useTranslations("workspace.monthState");
  const monthOf = (group: GroupView) => group.day?.slice(0, 7);
  const isLocked = (group: GroupView) => Boolean(group.day && lockedMonths.includes(group.day.slice(0, 7)));
  const canSelect = (group: GroupView) => canAct && mode !== "matched" && !isLocked(group) && !(mode === "approvals" && group.createdById === currentUserId);
  const rowActions = (group: GroupView) => (
    <span className="flex gap-2">
      {mode === "approvals" && canAct ? (
        group.createdById === currentUserId ? (
          <span className="text-amber-700">{t("ownMatch")}</span>
        ) : (
          <>
            <button type="button" className={ROW_BUTTON} disabled={pending} onClick={() => run(() => callAction(approveMatchesAction, { payload: payload([group.id]) }), (data: { count: number }) => ({ tone: "success", text: t("approved", { count: data.count }) }))}>
              {t("approve")}
            </button>
            <button type="button" className={ROW_BUTTON} disabled={pending} onClick={() => setDialog({ kind: "decline", ids: [group.id] })}>
              {t("decline")}
            </button>
          </>
        )
      ) : null}
      {mode === "matched" && canAct && isLocked(group) ? (
        <span className="whitespace-nowrap text-slate-500" title={tm("lockedRowHint", { month: monthOf(group) ?? "" })}>
          {tm("lockedRow")}
        </span>
      ) : mode === "matched" && canAct ? (
        <button type="button" className={ROW_BUTTON} disabled={pending} onClick={() => setDialog({ kind: "unmatch", ids: [group.id] })}>
          {t("unmatch")}
        </button>
      ) : null}
      {canNote ? (
        <button type="button" className="text-slate-500 hover:underline" onClick={() => setDialog({ kind: "note", ids: [group.id] })}>
          {t("addNote")}
        </button>
      ) : null}
    </span>
  );
  /** The reason in words: the engine's, or for a person's match how its difference was explained. */
  const reasonText = (group: GroupView) => groupReasonLine(group.reasons, group.adjustments, locale, money);
  const ruleLabel = (group: GroupView) => (t.has(`rules.${group.rule}`) ? t(`rules.${group.rule}`) : group.rule);
  const showActions = canNote || (canAct && mode !== "proposals");
  const columns: DataColumn<GroupView>[] = [
    { id: "day", header: t("groupColumns.day"), type: "date", value: (group) => group.day, sortable: true, size: 88 },
    { id: "owner", header: t("groupColumns.owner"), type: "text", value: (group) => (group.ownerMixed ? t("severalOwners") : group.owner), sortable: true, size: 120 },
    { id: "rule", header: t("groupColumns.rule"), type: "text", value: ruleLabel, sortable: true, size: 110, title: (group) => `${ruleLabel(group)} · ${t(`links.${group.link}`)}` },
    { id: "rows", header: t("groupColumns.rows"), type: "integer", value: (group) => group.rows.length, sortable: true, size: 56 },
    { id: "amount", header: t("groupColumns.amount"), type: "money", value: (group) => group.amountMinor, sortable: true, size: 112 },
    { id: "difference", header: t("groupColumns.difference"), type: "money", value: (group) => group.differenceMinor, sortable: true, size: 100 },
    { id: "reasons", header: t("groupColumns.reasons"), type: "text", value: reasonText, size: 230 },
    { id: "confidence", header: t("groupColumns.confidence"), type: "integer", value: (group) => group.confidence, sortable: true, size: 60 },
    {
      id: "status",
      header: t("groupColumns.status"),
      type: "text",
      // Every row of a list has the same status: a locked month's group says that instead, the reason it cannot be picked.
      value: (group) => (isLocked(group) ? tm("lockedRow") : t(`statuses.${group.status}`)),
      title: (group) => (isLocked(group) ? tm("lockedRowHint", { month: monthOf(group) ?? "" }) : t(`statuses.${group.status}`)),
      size: groups.some(isLocked) ? 100 : 72,
    },
    ...(showActions ? [{ id: "actions", header: t("groupColumns.actions"), type: "text" as const, value: () => "", cell: rowActions, hideable: false, size: mode === "approvals" ? 170 : 130 }] : []),
  ];
  const sums = (label: string, values: { count: number; rows: number; amountMinor: bigint; differenceMinor: bigint }) => ({ label, values: { rows: values.rows, amount: values.amountMinor, difference: values.differenceMinor } });

  return (
    <div className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {groups.length === 0 && page.total === 0 ? <EmptyState>{emptyText}</EmptyState> : null}
      {page.total > 0 ? (
        <DataTable
          tableKey={`groups.${mode}`}
          testId="group"
          columns={columns}
          rows={groups}
          rowId={(group) => group.id}
          paging={{ page: page.page, pages: page.pages, total: page.total, pageSize: page.pageSize }}
          preference={preference}
          totals={sums(t("groupsTotalRow", { count: page.totals.count }), page.totals)}
          subtotals={page.subtotals.length > 1 ? page.subtotals.map((sub) => sums(t("subtotalRow", { owner: sub.mixed ? t("severalOwners") : sub.owner || t("noOwner") }), sub)) : []}
          emptyText={emptyText}
          selection={canAct && mode !== "matched" ? { selected, onChange: setSelected, canSelect, label: (group) => `${ruleLabel(group)} ${money(group.amountMinor)}` } : undefined}
          focus={{ index: focus, onChange: setFocus, active: true }}
          renderExpanded={(group) => <GroupDetail group={group} makerName={group.createdById ? people[group.createdById] : undefined} notes={notes[group.id] ?? []} />}
          rowAttributes={(group) => ({ "data-testid": "group-row", "data-group-id": group.id, "data-selected": selected.has(group.id) ? "true" : undefined })}
          toolbar={
            canAct && mode !== "matched" ? (
              <>
                <span className="num text-xs text-slate-600" data-testid="selection-summary">
                  {t("selected", { count: chosen.length, amount: money(chosenTotal) })}
                </span>
                {mode === "proposals" ? (
                  <>
                    <Button className="px-2 py-0.5 text-xs" disabled={chosen.length === 0 || pending} onClick={() => setDialog({ kind: "confirm" })} title="C">
                      {t("confirmSelected")}
                    </Button>
                    <Button className="px-2 py-0.5 text-xs" variant="danger" disabled={chosen.length === 0 || pending} onClick={() => setDialog({ kind: "reject" })} title="R">
                      {t("rejectSelected")}
                    </Button>
                  </>
                ) : (
                  <Button
                    className="px-2 py-0.5 text-xs"
                    disabled={chosen.length === 0 || pending || chosen.some((group) => group.createdById === currentUserId)}
                    onClick={() => run(() => callAction(approveMatchesAction, { payload: payload(ids) }), (data: { count: number }) => ({ tone: "success", text: t("approved", { count: data.count }) }))}
                  >
                    {t("approve")}
                  </Button>
                )}
              </>
            ) : (
              <span className="text-xs text-slate-500">{t("expandHint")}</span>
            )
          }
        />
      ) : null}

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
