// Pass 2, platforms that pay the bank directly, when no cut adds up exactly (orders of the previous
// period that are not in the export, refunds deducted from a later payout, discounts the export does
// not show): a payout pays what settled (确认收货 + 账期) since the payer's previous payout. Amounts
// cannot place the cut then, but dates bound it: the bank books a payout on the day it was sent or up
// to `bookingLagDays` later, at an hour the statement may not show. So an order due to settle after the
// previous payout was certainly sent (its bank time, else the end of its bank day) and before this one
// can have been sent (the start of its bank day less the lag) was paid by this payout, whatever the
// amounts say. Only those orders are grouped:
// - orders due on the days around a payout could belong to it or to the next one: they stay open,
//   noted SETTLES_NEAR_PAYOUT, for a person (pass 4 suggests them with the rest of the receipt);
// - orders whose status or refund amount says refunded stay open too: refunded before settling, no
//   payout includes them, and the export cannot say which happened;
// - two payouts whose sending days may overlap leave their order unknown: neither takes a window.
// The receipt gives the group what its orders are expected to bring (net of the contracted commission)
// and keeps the rest open; orders that expect more than arrived mean a payout is missing from the
// statement, and no group is made. The groups are proposals: nothing but dates ties these rows.
import { type DirectPayoutStore, settledBefore } from "../engine/direct-payouts";
import { SECONDS_PER_DAY } from "../engine/local-date";
import { toleranceFor } from "../engine/money";
import { draftOrdersToBank } from "../engine/orders-to-bank";
import { dayText, reason, sharedReason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { NO_DAY } from "../engine/row-table";
import type { Reason } from "../types";

export function groupOrdersBetweenPayouts(context: RunContext, stores: readonly DirectPayoutStore[]): void {
  for (const store of stores) if (store.groups.length > 0 && store.payouts.length > 0) groupStore(context, store);
}

function groupStore(context: RunContext, store: DirectPayoutStore): void {
  const { table, rules, notes, index } = context;
  const lagDays = rules.bookingLagDays;
  const payouts = store.payouts;
  /** The latest moment the payout can have been sent: its bank time, else the end of its bank day. */
  const latestOf = (payout: number): number => {
    const timed = table.bankRow(payout).occurredAt !== undefined;
    return timed ? table.instant[payout]! : (table.day[payout]! + 1) * SECONDS_PER_DAY;
  };
  /** The earliest: the start of its bank day less the booking lag. */
  const earliestOf = (payout: number): number => (table.day[payout]! - lagDays) * SECONDS_PER_DAY;

  // Orders due before the statement begins may have been paid by a payout it does not show.
  let certainlyAfter = store.statementFromDay === NO_DAY ? Number.POSITIVE_INFINITY : store.statementFromDay * SECONDS_PER_DAY;
  let previous = -1;
  for (let k = 0; k < payouts.length; k++) {
    const payout = payouts[k]!;
    const earliest = earliestOf(payout);
    const latest = latestOf(payout);
    const from = settledBefore(store, certainlyAfter);
    const to = settledBefore(store, earliest);
    noteOrdersNearPayout(context, store, Math.max(from, to), settledBefore(store, latest), payout);
    // Sent before the next payout for certain? Otherwise the orders before it went to whichever was first.
    const next = payouts[k + 1];
    const ordered = next === undefined || latest <= earliestOf(next);
    const open = table.up[payout]! > 0 && table.up[payout] === Math.abs(table.amount[payout]!);
    if (ordered && open && from < to) {
      const groups: number[] = [];
      let expected = 0;
      let firstDue = 0;
      let lastDue = 0;
      for (let position = from; position < to; position++) {
        const group = store.groups[position]!;
        const first = index.firstRow[group]!;
        if (!(table.down[first]! > 0)) continue;
        if (refunded(context, first)) {
          notes.add(first, "downstream", sharedReason("REFUND_MAY_PRECEDE_SETTLEMENT"));
          continue;
        }
        if (groups.length === 0) firstDue = store.instants[position]!;
        lastDue = store.instants[position]!;
        groups.push(group);
        expected += store.nets[position]!;
      }
      if (groups.length > 0) proposeWindow(context, store, payout, { groups, expected, firstDue, lastDue }, previous);
    }
    certainlyAfter = Math.max(certainlyAfter, latest);
    previous = payout;
  }
}

interface Window {
  /** Order groups, in settlement order, and what they should bring together. */
  groups: number[];
  expected: number;
  /** When the first and the last of them were due to settle (seconds). */
  firstDue: number;
  lastDue: number;
}

function proposeWindow(context: RunContext, store: DirectPayoutStore, payout: number, window: Window, previous: number): void {
  const { table, rules, sink, notes } = context;
  const { groups, expected } = window;
  const received = table.up[payout]!;
  const rounding = Number(rules.autoConfirm.maxRoundingMinor);
  const tolerance = toleranceFor(received, Number(rules.toleranceMinor), rules.tolerancePercentBps);
  if (expected > received + tolerance) {
    // More is due than arrived: a payout between the two is probably missing from the statement.
    notes.add(payout, "upstream", reason("SUM_MISMATCH", { expectedMinor: expected, actualMinor: received, differenceMinor: received - expected }));
    return;
  }
  const partial = received - expected > rounding;
  const draft = draftOrdersToBank(context, groups, [payout], true, partial ? expected : undefined);
  const blockers: Reason[] = [...draft.blockers];
  if (!rules.autoConfirm.settlementDateGroups) blockers.push(sharedReason("INFERRED_FROM_SETTLEMENT_DATES"));
  if (partial) blockers.push(reason("RECEIPT_PARTLY_EXPLAINED", { explainedMinor: expected, receivedMinor: received, restMinor: received - expected }));
  const fromDate = dayText(Math.floor(window.firstDue / SECONDS_PER_DAY));
  const toDate = dayText(Math.floor(window.lastDue / SECONDS_PER_DAY));
  const earliestOn = dayText(table.day[payout]! - rules.bookingLagDays);
  const platform = table.ledgers[store.ledger]!.platform ?? "";
  const reasons: Reason[] = [
    reason("COUNTERPARTY_IS_PLATFORM", { counterparty: table.bankRow(payout).counterparty ?? "", platform }),
    previous === -1
      ? reason("SETTLED_SINCE_STATEMENT_START", { orders: groups.length, fromDate, toDate, statementFrom: dayText(store.statementFromDay), earliestOn })
      : reason("SETTLED_BETWEEN_PAYOUTS", { orders: groups.length, fromDate, toDate, previousOn: dayText(table.day[previous]!), earliestOn }),
  ];
  if (!partial) {
    reasons.push(
      expected === received
        ? reason("SUM_EXACT", { amountMinor: received })
        : reason("SUM_WITHIN_TOLERANCE", { expectedMinor: expected, actualMinor: received, differenceMinor: received - expected, toleranceMinor: tolerance }),
    );
  }
  reasons.push(...draft.notes);
  sink.commit({
    pass: 2,
    rule: "ORDERS_BETWEEN_PAYOUTS",
    link: "ORDER_BANK",
    rows: draft.rows,
    ...(draft.allocations ? { allocations: draft.allocations } : {}),
    adjustments: draft.adjustments,
    reasons,
    blockers,
    confidence: partial ? 65 : 75,
  });
}

/** Does any row of the order say it was refunded (status words or a refund amount)? */
function refunded(context: RunContext, first: number): boolean {
  const { table, index } = context;
  for (let row = first; row !== -1; row = index.nextRow[row]!) if (table.orderRefundByStatus[row] === 1 || table.orderRefund[row]! > 0) return true;
  return false;
}

/** Orders due between the earliest and the latest moment a payout can have been sent: either payout's. */
function noteOrdersNearPayout(context: RunContext, store: DirectPayoutStore, from: number, to: number, payout: number): void {
  const { table, index, notes } = context;
  const payoutOn = dayText(table.day[payout]!);
  // Orders come by due time, so one reason serves each due day (no key built per order).
  let day = Number.NaN;
  let note: Reason | undefined;
  for (let position = from; position < to; position++) {
    const first = index.firstRow[store.groups[position]!]!;
    if (!(table.down[first]! > 0)) continue;
    const dueDay = Math.floor(store.instants[position]! / SECONDS_PER_DAY);
    if (dueDay !== day || !note) {
      day = dueDay;
      note = sharedReason("SETTLES_NEAR_PAYOUT", { expectedOn: dayText(dueDay), payoutOn });
    }
    notes.add(first, "downstream", note);
  }
}
