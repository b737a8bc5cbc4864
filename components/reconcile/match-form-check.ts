// What the match form holds and what stops it from being saved, worked out in one pure place so the
// form can say it on each field and next to the button (and a test can read it without a browser).
// Amounts are read by lib/money (readYuanInput): "abc", "1e9" or 20 digits are a message on the
// field, never a silent ¥0.00.
import type { AdjustmentType } from "@/lib/match-engine/types";
import { readYuanInput, type YuanInputProblem } from "@/lib/money";
import { pickKey, totals, type Picked } from "./selection";

export type AmountProblem = YuanInputProblem | "ZERO" | "OVER_REMAINING";
/** Why the form cannot be saved yet, in the order a person fixes them. */
export type MatchBlocker = "AMOUNTS" | "TYPE_MISSING" | "UNEXPLAINED" | "NOTE_REQUIRED";

/** An adjustment as typed; type "" until the person chooses one (nothing fitted to suggest). */
export type AdjustmentDraft = { type: AdjustmentType | ""; amount: string; note: string };

export type MatchFormCheck = {
  picks: Picked[];
  pickProblems: Record<string, AmountProblem>;
  adjustmentProblems: (AmountProblem | null)[];
  sums: { left: bigint; right: bigint; difference: bigint };
  unexplained: bigint;
  blockers: MatchBlocker[];
};

function readPart(text: string, remaining: bigint): { value: bigint } | { problem: AmountProblem } {
  const read = readYuanInput(text);
  if (!read.ok) return { problem: read.problem };
  if (read.value === 0n) return { problem: "ZERO" };
  if (read.value > remaining) return { problem: "OVER_REMAINING" };
  return { value: read.value };
}

export function readAdjustmentAmount(text: string): { value: bigint } | { problem: AmountProblem } {
  const read = readYuanInput(text, { allowNegative: true });
  if (!read.ok) return { problem: read.problem };
  if (read.value === 0n) return { problem: "ZERO" };
  return { value: read.value };
}

export function checkMatchForm(picks: readonly Picked[], amounts: Record<string, string>, adjustments: readonly AdjustmentDraft[], note: string): MatchFormCheck {
  const pickProblems: Record<string, AmountProblem> = {};
  const parsed = picks.map((pick) => {
    const key = pickKey(pick.row);
    const part = readPart(amounts[key] ?? "", pick.row.remainingMinor);
    if ("problem" in part) {
      pickProblems[key] = part.problem;
      // A row whose amount is wrong adds nothing to the sums: the difference shown stays honest
      // about what the valid rows say, and the field carries the message.
      return { ...pick, useMinor: 0n };
    }
    return { ...pick, useMinor: part.value };
  });
  const sums = totals(parsed);
  const adjustmentAmounts = adjustments.map((adjustment) => readAdjustmentAmount(adjustment.amount));
  const adjustmentProblems = adjustmentAmounts.map((read) => ("problem" in read ? read.problem : null));
  const explained = adjustmentAmounts.reduce((sum, read) => sum + ("value" in read ? read.value : 0n), 0n);
  const unexplained = sums.difference - explained;

  const blockers: MatchBlocker[] = [];
  if (Object.keys(pickProblems).length > 0 || adjustmentProblems.some(Boolean)) blockers.push("AMOUNTS");
  if (adjustments.some((adjustment) => adjustment.type === "")) blockers.push("TYPE_MISSING");
  if (unexplained !== 0n) blockers.push("UNEXPLAINED");
  // The server holds the same rule (lib/match-review/manual-match.ts): a write-off needs a why.
  if (adjustments.some((adjustment) => !adjustment.note.trim()) && !note.trim()) blockers.push("NOTE_REQUIRED");
  return { picks: parsed, pickProblems, adjustmentProblems, sums, unexplained, blockers };
}
