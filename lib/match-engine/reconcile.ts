// The engine's one door: plain rows + confirmed and rejected history + rules in, proposals and the
// explained rest out. Pure: no database, no clock, no randomness; the same input and rules give the
// same result, byte for byte (see serializeResult).
import { applyConfirmed, applySpent } from "./engine/apply-confirmed";
import { explainUnmatched } from "./engine/explain-unmatched";
import { createRunContext, type RunContext } from "./engine/run-context";
import { matchAmountAndDate } from "./passes/amount-date";
import { runExactKeys } from "./passes/exact-keys";
import { runManyToOne } from "./passes/many-to-one";
import { runSuggestions } from "./passes/suggestions";
import type { PassKind, ReconcileRules } from "./rules";
import { MATCH_RULES, type ReconcileInput, type ReconcileResult, type ReconcileStats } from "./types";

const PASSES: Record<PassKind, (context: RunContext) => void> = {
  EXACT_KEYS: runExactKeys,
  MANY_TO_ONE: runManyToOne,
  AMOUNT_DATE: matchAmountAndDate,
  SUGGESTIONS: runSuggestions,
};

/** `onProgress` hears the share of the work done (0…1) between passes: the engine keeps no clock, the caller throttles. */
export type ReconcileOptions = { onProgress?: (fraction: number) => void };

export function reconcile(input: ReconcileInput, rules: ReconcileRules, options: ReconcileOptions = {}): ReconcileResult {
  const { onProgress } = options;
  const context = createRunContext(input, rules);
  onProgress?.(0.2);
  const confirmedOverAllocated = applyConfirmed(context.table, input.confirmed ?? []) + (input.spent ? applySpent(context.table, input.spent) : 0);
  onProgress?.(0.3);
  rules.passes.forEach((pass, done) => {
    PASSES[pass](context);
    onProgress?.(0.3 + (0.6 * (done + 1)) / rules.passes.length);
  });
  context.sink.finishKeys();
  const unmatched = explainUnmatched(context);
  const proposals = context.sink.proposals;
  const byRule: ReconcileStats["byRule"] = {};
  for (const rule of MATCH_RULES) {
    const stats = context.sink.byRule.get(rule);
    if (stats) byRule[rule] = stats;
  }
  const stats: ReconcileStats = {
    rulesVersion: rules.version,
    rows: { orders: context.table.orders.length, settlement: context.table.settlement.length, bank: context.table.bank.length },
    proposals: proposals.length,
    autoConfirmed: proposals.reduce((count, proposal) => count + (proposal.autoConfirm ? 1 : 0), 0),
    byRule,
    unmatched: { orders: unmatched.orders.length, settlement: unmatched.settlement.length, bank: unmatched.bank.length },
    confirmedOverAllocated,
  };
  return { rulesVersion: rules.version, proposals, unmatched, stats };
}
