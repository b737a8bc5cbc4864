// Pass 4, partial payments: receipts naming orders in their memo whose sums did not agree in pass 1.
// Paid less: every receipt is taken and the orders are allocated, in order, only up to what arrived
// (the rest stays open on the last one). Paid more: the orders are taken in full and the receipts only
// up to what was due. Buyers' transfers only — a platform payout that does not add up is not "partial".
import { availableOrderRows } from "../engine/orders-to-bank";
import { orderFacts } from "../engine/explain-difference";
import { reason } from "../engine/reasons";
import type { DraftAdjustment } from "../engine/proposal-sink";
import type { RunContext } from "../engine/run-context";
import type { Reason } from "../types";
import { MAX_MEMO_SET, memoSets, paidByPlatform } from "./match-order-numbers-in-bank";

export function suggestPartialPayments(context: RunContext): void {
  const { table, index, rules, sink } = context;
  for (const set of memoSets(context)) {
    if (set.receipts.length + set.groups.length > MAX_MEMO_SET || paidByPlatform(context, set)) continue;
    const orderRows = set.groups.flatMap((group) => availableOrderRows(context, group));
    const receipts = set.receipts.filter((receipt) => table.up[receipt]! > 0);
    if (orderRows.length === 0 || receipts.length === 0) continue;
    let due = 0;
    const refundAdjustments: DraftAdjustment[] = [];
    for (const group of set.groups) {
      const facts = orderFacts(table, index, rules, group);
      const refund = Math.min(facts.paid, facts.refund);
      due += facts.paid - refund;
      if (refund > 0) refundAdjustments.push({ type: "REFUND", amount: refund, ...(set.groups.length > 1 ? { aboutRow: index.firstRow[group]! } : {}) });
    }
    const received = receipts.reduce((sum, receipt) => sum + table.up[receipt]!, 0);
    // Nothing due (refunded in full) or exactly due (pass 1's business): not a partial payment.
    if (due <= 0 || received === due) continue;
    const reasons: Reason[] = set.groups.map((group) => reason("ORDER_NO_IN_MEMO", { orderNo: index.groupKey[group]! }));
    const rows: number[] = [];
    const allocations: number[] = [];
    let adjustments: DraftAdjustment[] = [];
    if (received < due) {
      // Gross for gross: a transfer pays the order's face value; refunds stay with the open rest.
      let left = received;
      for (const row of orderRows) {
        if (left <= 0) break;
        const take = Math.min(left, table.down[row]!);
        rows.push(row);
        allocations.push(take);
        left -= take;
      }
      for (const receipt of receipts) {
        rows.push(receipt);
        allocations.push(table.up[receipt]!);
      }
      reasons.push(reason("PARTIAL_PAYMENT", { expectedMinor: due, receivedMinor: received, outstandingMinor: due - received }));
    } else {
      let left = due;
      for (const row of orderRows) {
        rows.push(row);
        allocations.push(table.down[row]!);
      }
      for (const receipt of receipts) {
        if (left <= 0) break;
        const take = Math.min(left, table.up[receipt]!);
        rows.push(receipt);
        allocations.push(take);
        left -= take;
      }
      adjustments = refundAdjustments;
      reasons.push(reason("OVERPAYMENT", { expectedMinor: due, receivedMinor: received, excessMinor: received - due }));
    }
    if (set.groups.length > 1) reasons.push(reason("SEVERAL_ORDERS_ONE_RECEIPT", { orders: set.groups.length }));
    if (receipts.length > 1) reasons.push(reason("SEVERAL_RECEIPTS_ONE_ORDER", { receipts: receipts.length }));
    sink.commit({ pass: 4, rule: "PARTIAL_PAYMENT", link: "ORDER_BANK", rows, allocations, adjustments, reasons, blockers: [], confidence: 60 });
  }
}
