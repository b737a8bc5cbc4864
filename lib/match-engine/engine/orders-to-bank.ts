// Orders paid straight into the bank (platforms without a wallet export, transfers that name the
// order): what each order should bring, and the group of orders + receipts with its adjustments.
// A platform pays net of its commission; a buyer's own transfer pays the order in full.
import type { Reason } from "../types";
import { closeRemainder, expectOrderNet, orderFacts } from "./explain-difference";
import type { DraftAdjustment } from "./proposal-sink";
import type { RunContext } from "./run-context";

export interface OrdersToBankDraft {
  rows: number[];
  adjustments: DraftAdjustment[];
  blockers: Reason[];
  /** What the reader should know about how it was expected (a learned rather than contracted rate). */
  notes: Reason[];
  /** What the orders should bring, and what the receipts brought (or, capped, what was taken of them). */
  expected: number;
  received: number;
  /** Per row, the magnitude taken (only when the receipts were capped). */
  allocations?: number[];
}

/** What one order group should bring into the bank, and why (adjustments about its first row). */
export function expectedFromOrder(context: RunContext, group: number, viaPlatform: boolean) {
  const { table, index, rules } = context;
  const facts = orderFacts(table, index, rules, group);
  const first = index.firstRow[group]!;
  if (viaPlatform) return expectOrderNet(rules, facts, first);
  // A buyer's transfer: the order in full, less what was refunded.
  const refund = Math.min(facts.paid, facts.refund);
  return {
    net: facts.paid - refund,
    adjustments: refund > 0 ? [{ type: "REFUND" as const, amount: refund, aboutRow: first }] : [],
    blockers: [] as Reason[],
    reasons: [] as Reason[],
  };
}

/** Available rows of an order group, in id order. */
export function availableOrderRows(context: RunContext, group: number): number[] {
  const { table, index } = context;
  const rows: number[] = [];
  for (let row = index.firstRow[group]!; row !== -1; row = index.nextRow[row]!) if (table.down[row]! > 0) rows.push(row);
  return rows;
}

/**
 * Orders (all their rows) against receipts (all that is left of them): per-order adjustments from
 * the expectation, and the rest of the difference as rounding or OTHER. With `receiveAtMost`, the
 * receipts are taken, in order, only up to that much (the rest of them stays open).
 */
export function draftOrdersToBank(context: RunContext, groups: readonly number[], receipts: readonly number[], viaPlatform: boolean, receiveAtMost?: number): OrdersToBankDraft {
  const { sink, rules } = context;
  const rows: number[] = [];
  const allocations: number[] | undefined = receiveAtMost === undefined ? undefined : [];
  const adjustments: DraftAdjustment[] = [];
  const blockers: Reason[] = [];
  const notes: Reason[] = [];
  let expected = 0;
  let sum = 0;
  for (const group of groups) {
    const expectation = expectedFromOrder(context, group, viaPlatform);
    expected += expectation.net;
    for (const row of availableOrderRows(context, group)) {
      rows.push(row);
      allocations?.push(sink.available(row, "ORDER_BANK"));
      sum += sink.signedAvailable(row, "ORDER_BANK");
    }
    for (const adjustment of expectation.adjustments) {
      adjustments.push(groups.length > 1 ? adjustment : { ...adjustment, aboutRow: undefined });
      sum += adjustment.amount;
    }
    for (const blocker of expectation.blockers) if (!blockers.some((other) => other.code === blocker.code)) blockers.push(blocker);
    for (const note of expectation.reasons) if (!notes.some((other) => other.code === note.code)) notes.push(note);
  }
  let received = 0;
  let budget = receiveAtMost ?? Number.POSITIVE_INFINITY;
  for (const receipt of receipts) {
    const left = sink.available(receipt, "ORDER_BANK");
    const take = Math.max(0, Math.min(left, budget));
    budget -= take;
    rows.push(receipt);
    allocations?.push(take);
    const amount = sink.signedAvailable(receipt, "ORDER_BANK") < 0 ? -take : take;
    received += amount;
    sum += amount;
  }
  closeRemainder(rules, adjustments, blockers, -sum);
  const draft: OrdersToBankDraft = { rows, adjustments: adjustments.map(({ aboutRow, ...rest }) => (aboutRow === undefined ? rest : { ...rest, aboutRow })), blockers, notes, expected, received };
  if (allocations) draft.allocations = allocations;
  return draft;
}
