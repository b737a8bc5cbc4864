"use client";
// Ranked candidates for one row, each with why; "use" picks the pair (and books it at once when it
// balances to the cent, else opens the match form to explain the difference).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { suggestAction } from "@/lib/actions/reconcile/workspace";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { UnmatchedList, UnmatchedRow } from "@/lib/match-review/list-unmatched";
import type { CandidateReason } from "@/lib/match-review/suggest-candidates";
import { callAction } from "./call-action";
import { useMoney } from "./use-money";
import { reviveRow, type Pane } from "./selection";

type Candidate = { score: number; reasons: CandidateReason[]; row: UnmatchedRow };

export function SuggestionsDialog({ target, pane, list, otherList, onAccept, onClose }: { target: UnmatchedRow; pane: Pane; list: UnmatchedList; otherList: UnmatchedList; onAccept: (row: UnmatchedRow) => void; onClose: () => void }) {
  const t = useTranslations("workspace");
  const { money } = useMoney();
  const [candidates, setCandidates] = useState<Candidate[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void callAction(suggestAction, { side: target.side, id: target.id, list, pane, otherList }).then((state) => {
      if (!live) return;
      if (state.status === "ok") setCandidates(state.data.candidates.map((candidate) => ({ ...candidate, row: reviveRow(candidate.row) })));
      else if (state.status === "error") setError(state.message);
    });
    return () => {
      live = false;
    };
  }, [target, pane, list, otherList]);

  const reason = (item: CandidateReason) =>
    t(`candidateReasons.${item.code}`, { ...item.params, difference: item.params.differenceMinor ? money(BigInt(item.params.differenceMinor)) : "" });

  return (
    <Modal title={t("suggestionsFor", { ref: target.ref ?? target.detail ?? t("noReference") })} onClose={onClose} wide>
      {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
      {!candidates && !error ? <p className="text-sm text-slate-500">…</p> : null}
      {candidates && candidates.length === 0 ? <p className="text-sm text-slate-500">{t("noSuggestions")}</p> : null}
      {candidates && candidates.length > 0 ? (
        <table className="w-full text-sm" data-testid="suggestions">
          <tbody className="divide-y divide-slate-100">
            {candidates.map((candidate, index) => (
              <tr key={`${candidate.row.side}:${candidate.row.id}`}>
                <td className="py-1.5 font-mono text-xs">{candidate.row.ref ?? candidate.row.detail ?? t("noReference")}</td>
                <td className="num py-1.5 text-xs text-slate-500">{candidate.row.day}</td>
                <td className="py-1.5 text-xs text-slate-500">{candidate.row.owner}</td>
                <td className="num py-1.5 text-right">{money(candidate.row.flowMinor)}</td>
                <td className="py-1.5 text-xs text-slate-600">{candidate.reasons.map(reason).join("，")}</td>
                <td className="py-1.5 text-right">
                  <Button className="py-1 text-xs" data-autofocus={index === 0 ? true : undefined} onClick={() => onAccept(candidate.row)}>
                    {t("accept")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Modal>
  );
}
