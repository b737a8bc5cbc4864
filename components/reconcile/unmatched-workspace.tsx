"use client";
// The unmatched workspace: two panes (money leaves on the left, arrives on the right), the rows a
// person picked on both, the running difference, and the ways to act on them — match (with a
// difference explained), candidates for one row, undo — all reachable from the keyboard.
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { addNoteAction, manualMatchAction } from "@/lib/actions/reconcile/workspace";
import { Alert } from "@/components/ui/alert";
import { LEFT_LISTS, RIGHT_LISTS, type UnmatchedList, type UnmatchedPage, type UnmatchedRow } from "@/lib/match-review/list-unmatched";
import { callAction } from "./call-action";
import { MatchDialog, type MatchPayload } from "./match-dialog";
import { ReasonDialog } from "./reason-dialog";
import { pickKey, totals, type Pane, type Picked } from "./selection";
import { SelectionBar } from "./selection-bar";
import { SuggestionsDialog } from "./suggestions-dialog";
import { UnmatchedPane } from "./unmatched-pane";
import { useListKeys } from "./use-list-keys";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";

type PaneData = { list: UnmatchedList; page: UnmatchedPage; owners: { id: string; name: string }[]; preference: TablePreference };

export function UnmatchedWorkspace({ left, right, canMatch, canNote, notes }: { left: PaneData; right: PaneData; canMatch: boolean; canNote: boolean; notes: Record<string, string[]> }) {
  const t = useTranslations("workspace");
  const router = useRouter();
  const [picks, setPicks] = useState<Map<string, Picked>>(new Map());
  const [activePane, setActivePane] = useState<Pane>("left");
  const [focus, setFocus] = useState({ left: 0, right: 0 });
  const [dialog, setDialog] = useState<{ kind: "match" } | { kind: "suggest" | "note"; row: UnmatchedRow; pane: Pane } | null>(null);
  const [noteError, setNoteError] = useState<string>();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const [matchError, setMatchError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const picked = [...picks.values()];
  const selectedKeys = useMemo(() => new Set(picks.keys()), [picks]);
  const panes = { left, right };

  const toggle = (row: UnmatchedRow, pane: Pane) =>
    setPicks((current) => {
      const next = new Map(current);
      const key = pickKey(row);
      if (next.has(key)) next.delete(key);
      else next.set(key, { row, pane, useMinor: row.remainingMinor });
      return next;
    });

  const saveMatch = (payload: MatchPayload) =>
    startTransition(async () => {
      const state = await callAction(manualMatchAction, { payload: JSON.stringify(payload) });
      if (state.status === "ok") {
        setDialog(null);
        setMatchError(undefined);
        setPicks(new Map());
        setMessage({ tone: "success", text: state.data.status === "PENDING_APPROVAL" ? t("matchedPending") : t("matched") });
        router.refresh();
      } else if (state.status === "error") {
        setMatchError(state.message);
        setMessage(dialog?.kind === "match" ? undefined : { tone: "error", text: state.message });
      }
    });

  const payloadOf = (rows: Picked[]): MatchPayload => ({
    upstream: rows.filter((pick) => pick.pane === "left").map((pick) => ({ side: pick.row.side, id: pick.row.id, amountMinor: pick.useMinor.toString() })),
    downstream: rows.filter((pick) => pick.pane === "right").map((pick) => ({ side: pick.row.side, id: pick.row.id, amountMinor: pick.useMinor.toString() })),
    adjustments: [],
  });

  /** A candidate taken from the suggestions: pick the pair; book it when it balances, else explain. */
  const accept = (target: UnmatchedRow, pane: Pane, candidate: UnmatchedRow) => {
    const pair: Picked[] = [
      { row: target, pane, useMinor: target.remainingMinor },
      { row: candidate, pane: pane === "left" ? "right" : "left", useMinor: candidate.remainingMinor },
    ];
    setPicks(new Map(pair.map((pick) => [pickKey(pick.row), pick])));
    if (totals(pair).difference === 0n && canMatch) {
      setDialog(null);
      saveMatch(payloadOf(pair));
    } else setDialog(canMatch ? { kind: "match" } : null);
  };

  const keys = useMemo(() => {
    const rows = panes[activePane].page.rows;
    const index = focus[activePane];
    const move = (delta: number) => setFocus((current) => ({ ...current, [activePane]: Math.max(0, Math.min(rows.length - 1, current[activePane] + delta)) }));
    return {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      ArrowLeft: () => setActivePane("left"),
      h: () => setActivePane("left"),
      ArrowRight: () => setActivePane("right"),
      l: () => setActivePane("right"),
      " ": () => rows[index] && toggle(rows[index], activePane),
      x: () => rows[index] && toggle(rows[index], activePane),
      s: () => rows[index] && setDialog({ kind: "suggest", row: rows[index], pane: activePane }),
      m: () => canMatch && picked.length > 0 && setDialog({ kind: "match" }),
      Escape: () => setPicks(new Map()),
    } as Record<string, () => void>;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the handlers read the current render's state
  }, [activePane, focus, left, right, picks, canMatch]);
  useListKeys(keys);

  const paneProps = (pane: Pane) => ({
    pane,
    list: panes[pane].list,
    data: panes[pane].page,
    owners: panes[pane].owners,
    selected: selectedKeys,
    focusIndex: focus[pane],
    active: activePane === pane,
    preference: panes[pane].preference,
    // The table reports the whole selection; picks of rows on other pages or filters stay.
    onSelect: (rows: UnmatchedRow[], keys: ReadonlySet<string>) => rows.forEach((row) => keys.has(pickKey(row)) !== picks.has(pickKey(row)) && toggle(row, pane)),
    onFocus: (index: number) => {
      setActivePane(pane);
      setFocus((current) => ({ ...current, [pane]: index }));
    },
    onSuggest: (row: UnmatchedRow) => setDialog({ kind: "suggest", row, pane }),
    onNote: canNote ? (row: UnmatchedRow) => setDialog({ kind: "note", row, pane }) : undefined,
    notes,
  });

  const saveNote = (row: UnmatchedRow, body: string) =>
    startTransition(async () => {
      const state = await callAction(addNoteAction, { target: row.side.toUpperCase(), targetId: row.id, body });
      if (state.status === "ok") {
        setDialog(null);
        setNoteError(undefined);
        setMessage({ tone: "success", text: t("noteSaved") });
        router.refresh();
      } else if (state.status === "error") setNoteError(state.message);
    });

  return (
    <div className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-4 xl:grid-cols-2">
        <UnmatchedPane {...paneProps("left")} lists={LEFT_LISTS} />
        <UnmatchedPane {...paneProps("right")} lists={RIGHT_LISTS} />
      </div>

      <SelectionBar picked={picked} canMatch={canMatch} pending={pending} onClear={() => setPicks(new Map())} onMatch={() => setDialog({ kind: "match" })} onMessage={setMessage} />

      {dialog?.kind === "match" ? <MatchDialog picks={picked} pending={pending} error={matchError} onClose={() => setDialog(null)} onSubmit={saveMatch} /> : null}
      {dialog?.kind === "note" ? (
        <ReasonDialog title={`${t("addNote")} · ${dialog.row.ref ?? dialog.row.detail ?? t("noReference")}`} label={t("notes")} submitLabel={t("addNote")} error={noteError} onClose={() => setDialog(null)} onSubmit={(body) => saveNote(dialog.row, body)} />
      ) : null}
      {dialog?.kind === "suggest" ? (
        <SuggestionsDialog
          target={dialog.row}
          pane={dialog.pane}
          list={panes[dialog.pane].list}
          otherList={panes[dialog.pane === "left" ? "right" : "left"].list}
          onAccept={(candidate) => accept(dialog.row, dialog.pane, candidate)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
