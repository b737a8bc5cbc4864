"use client";
// The manual match form: the picked rows with the part of each to use (split a receipt, record a
// partial payment), the running difference, and the adjustments (reason + amount + note) that must
// explain it to the cent before the match can be saved. Each wrong amount says what is wrong on its
// field, and what still stops the save is listed next to the button (match-form-check.ts).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { ADJUSTMENT_LABELS } from "@/lib/match-engine/reason-messages";
import { ADJUSTMENT_TYPES, type AdjustmentType } from "@/lib/match-engine/types";
import { useMoney } from "./use-money";
import { minorToDecimalString } from "@/lib/money";
import { checkMatchForm, readAdjustmentAmount, type AdjustmentDraft, type AmountProblem } from "./match-form-check";
import { pickKey, type Picked } from "./selection";
import { suggestAdjustmentType } from "./suggest-adjustment";

export type MatchPayload = {
  upstream: { side: string; id: string; amountMinor: string }[];
  downstream: { side: string; id: string; amountMinor: string }[];
  adjustments: { type: AdjustmentType; amountMinor: string; note?: string }[];
  note?: string;
};

const CELL_INPUT = "w-32 rounded-md px-2 py-1 text-right text-sm ring-1";
const BLOCKERS_ID = "match-blockers";

export function MatchDialog({ picks, onClose, onSubmit, pending, error }: { picks: Picked[]; onClose: () => void; onSubmit: (payload: MatchPayload) => void; pending: boolean; error?: string }) {
  const t = useTranslations("workspace");
  const tf = useTranslations("workspace.matchForm");
  const tc = useTranslations("common");
  const { locale, money } = useMoney();
  const [amounts, setAmounts] = useState<Record<string, string>>(() => Object.fromEntries(picks.map((pick) => [pickKey(pick.row), minorToDecimalString(pick.useMinor)])));
  // Left (money leaves) first, as on the page.
  const ordered = [...picks.filter((pick) => pick.pane === "left"), ...picks.filter((pick) => pick.pane === "right")];
  const leftSides = ordered.filter((pick) => pick.pane === "left").map((pick) => pick.row.side);

  // Until the person edits the adjustments, the suggested one follows the difference as amounts
  // change; from the first edit on, the list is theirs.
  const [edited, setEdited] = useState<AdjustmentDraft[] | null>(null);
  const suggestedFor = (difference: bigint): AdjustmentDraft[] => (difference === 0n ? [] : [{ type: suggestAdjustmentType(difference, leftSides) ?? "", amount: minorToDecimalString(difference), note: "" }]);
  const draftDifference = checkMatchForm(ordered, amounts, [], "").sums.difference;
  const adjustments = edited ?? suggestedFor(draftDifference);
  const [note, setNote] = useState("");
  const check = checkMatchForm(ordered, amounts, adjustments, note);
  const { sums, unexplained, blockers } = check;
  const ready = blockers.length === 0;

  const change = (next: (list: AdjustmentDraft[]) => AdjustmentDraft[]) => setEdited(next(adjustments));
  const update = (index: number, patch: Partial<AdjustmentDraft>) => change((list) => list.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  const problemText = (problem: AmountProblem, remaining?: bigint) => tf(`amountProblems.${problem}`, { remaining: remaining === undefined ? "" : money(remaining) });

  const submit = () => {
    if (!ready) return;
    const side = (pane: "left" | "right") => check.picks.filter((pick) => pick.pane === pane).map((pick) => ({ side: pick.row.side, id: pick.row.id, amountMinor: pick.useMinor.toString() }));
    const adjustmentsOut: MatchPayload["adjustments"] = [];
    for (const adjustment of adjustments) {
      const read = readAdjustmentAmount(adjustment.amount);
      // `ready` already holds both; this keeps the types honest without a non-null assertion.
      if (!("value" in read) || adjustment.type === "") return;
      adjustmentsOut.push({ type: adjustment.type, amountMinor: read.value.toString(), note: adjustment.note.trim() || undefined });
    }
    onSubmit({ upstream: side("left"), downstream: side("right"), adjustments: adjustmentsOut, note: note.trim() || undefined });
  };

  return (
    <Modal title={t("matchTitle")} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        className="space-y-4"
      >
        <section>
          <h3 className="mb-1 text-xs font-semibold text-slate-600">{t("matchRows")}</h3>
          {/* One line per row on a wide screen; on a phone the amount field wraps below its row
              instead of being cut off by a sideways-scrolling table. */}
          <ul className="divide-y divide-slate-100">
            {ordered.map((pick) => {
              const key = pickKey(pick.row);
              const problem = check.pickProblems[key];
              const errorId = `match-amount-error-${key.replace(/[^a-zA-Z0-9-]/g, "-")}`;
              return (
                <li key={key} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-1.5 text-xs">
                  <span className="w-28 shrink-0 pt-1.5 text-slate-500">
                    {pick.pane === "left" ? t("left") : t("right")} · {t(`sides.${pick.row.side}`)}
                  </span>
                  <span className="min-w-0 flex-1 basis-40 truncate pt-1.5 font-mono text-slate-800" title={pick.row.ref ?? pick.row.detail ?? undefined}>
                    {pick.row.ref ?? pick.row.detail ?? t("noReference")}
                  </span>
                  <span className="num pt-1.5 text-slate-500">{pick.row.day}</span>
                  <span className="num w-24 pt-1.5 text-right text-slate-500">{money(pick.row.flowMinor)}</span>
                  <span className="ml-auto w-44 text-right">
                    <input
                      aria-label={`${t("thisAmount")} ${pick.row.ref ?? pick.row.id}`}
                      value={amounts[key] ?? ""}
                      onChange={(event) => setAmounts((current) => ({ ...current, [key]: event.target.value }))}
                      className={`${CELL_INPUT} ${problem ? "ring-red-400" : "ring-slate-300"}`}
                      inputMode="decimal"
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? errorId : undefined}
                    />
                    {problem ? (
                      <span id={errorId} className="mt-0.5 block text-left text-red-600">
                        {problemText(problem, pick.row.remainingMinor)}
                      </span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="num mt-2 text-sm text-slate-700">
            {t("leftTotal")} {money(sums.left)} · {t("rightTotal")} {money(sums.right)} · {t("difference")} <strong>{money(sums.difference)}</strong>
          </p>
          {sums.difference < 0n ? <p className="mt-1 text-xs text-slate-500">{tf("receivedMore", { amount: money(-sums.difference) })}</p> : null}
        </section>

        <section>
          <div className="mb-1 flex items-center justify-between">
            <h3 className="text-xs font-semibold text-slate-600">{t("adjustments")}</h3>
            <Button
              type="button"
              variant="ghost"
              className="py-1 text-xs"
              onClick={() => change((list) => [...list, { type: suggestAdjustmentType(unexplained, leftSides) ?? "", amount: minorToDecimalString(unexplained), note: "" }])}
            >
              {t("addAdjustment")}
            </Button>
          </div>
          {adjustments.map((adjustment, index) => {
            const problem = check.adjustmentProblems[index];
            const errorId = `match-adjustment-error-${index}`;
            return (
              <div key={index} className="mb-2">
                <div className="flex flex-wrap items-center gap-2">
                  <select
                    aria-label={t("adjustmentType")}
                    value={adjustment.type}
                    onChange={(event) => update(index, { type: event.target.value as AdjustmentType | "" })}
                    className={`rounded-md px-2 py-1 text-sm ring-1 ${adjustment.type === "" ? "ring-amber-400" : "ring-slate-300"}`}
                  >
                    {adjustment.type === "" ? (
                      <option value="" disabled>
                        {tf("chooseType")}
                      </option>
                    ) : null}
                    {ADJUSTMENT_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {ADJUSTMENT_LABELS[type][locale]}
                      </option>
                    ))}
                  </select>
                  <input
                    aria-label={t("adjustmentAmount")}
                    value={adjustment.amount}
                    onChange={(event) => update(index, { amount: event.target.value })}
                    className={`${CELL_INPUT} ${problem ? "ring-red-400" : "ring-slate-300"}`}
                    inputMode="decimal"
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? errorId : undefined}
                  />
                  <input
                    aria-label={t("adjustmentNote")}
                    placeholder={t("adjustmentNote")}
                    value={adjustment.note}
                    onChange={(event) => update(index, { note: event.target.value })}
                    maxLength={500}
                    className="min-w-40 flex-1 rounded-md px-2 py-1 text-sm ring-1 ring-slate-300"
                  />
                  <Button type="button" variant="ghost" className="py-1 text-xs" onClick={() => change((list) => list.filter((_, i) => i !== index))}>
                    {t("removeAdjustment")}
                  </Button>
                </div>
                {problem ? (
                  <p id={errorId} className="mt-0.5 text-xs text-red-600">
                    {problemText(problem)}
                  </p>
                ) : null}
              </div>
            );
          })}
          <p className={`text-sm ${unexplained === 0n ? "text-emerald-700" : "text-amber-700"}`} data-testid="unexplained">
            {unexplained === 0n ? t("balanced") : t("unexplained", { amount: money(unexplained) })}
          </p>
        </section>

        <label className="block text-sm">
          <span className="mb-1 block text-xs font-semibold text-slate-600">{t("groupNote")}</span>
          <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} className="block w-full rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300" />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start justify-end gap-2">
          {/* Why the button is not available yet, next to it, in words (not only a greyed button). */}
          {blockers.length > 0 ? (
            <ul id={BLOCKERS_ID} data-testid="match-blockers" aria-live="polite" className="mr-auto list-disc space-y-0.5 pl-5 text-xs text-amber-800">
              {blockers.map((blocker) => (
                <li key={blocker}>{tf(`blockers.${blocker}`, { amount: money(unexplained) })}</li>
              ))}
            </ul>
          ) : null}
          <Button type="button" variant="ghost" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" disabled={!ready || pending} aria-describedby={blockers.length > 0 ? BLOCKERS_ID : undefined}>
            {t("submitMatch")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
