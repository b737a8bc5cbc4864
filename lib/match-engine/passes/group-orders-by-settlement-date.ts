// Pass 2, platforms that pay the bank directly (no bill in the data): a payout pays the orders that
// settled (确认收货 + 账期) since the previous payout. In settlement order the orders of one payout are a
// contiguous run whose end lies on the payout's bank day or the days the bank may lag behind; its start
// is where the previous payout's run ended (or, after a payout that could not be placed, somewhere in
// that payout's window). A run is taken only when exactly one (start, end) makes the sum exact (to the
// rounding limit).
// No number ties these rows, so the groups are proposals unless the rules say otherwise.
import { type DirectPayoutStore, settledBefore } from "../engine/direct-payouts";
import { dateOfDay, SECONDS_PER_DAY } from "../engine/local-date";
import { draftOrdersToBank } from "../engine/orders-to-bank";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import type { Reason } from "../types";

export function groupOrdersBySettlementDate(context: RunContext, stores: readonly DirectPayoutStore[]): void {
  for (const store of stores) if (store.groups.length > 0 && store.receipts.length > 0) groupStore(context, store);
}

function groupStore(context: RunContext, store: DirectPayoutStore): void {
  const { table, rules, sink, notes } = context;
  const count = store.groups.length;
  // Nets are positive, so prefix sums rise with the position and the starts that fit one end are a
  // contiguous range: two binary searches per end instead of a scan.
  const prefix = new Float64Array(count + 1);
  for (let k = 0; k < count; k++) prefix[k + 1] = prefix[k]! + store.nets[k]!;
  const taken = new Uint8Array(count);

  /** Where the next payout's run starts, when the previous one was placed (or at the first payout). */
  let anchor: number | undefined = 0;
  let previousWindow: [number, number] | undefined;
  for (const receipt of store.receipts) {
    const day = table.day[receipt]!;
    const low = settledBefore(store, (day - rules.bookingLagDays) * SECONDS_PER_DAY);
    const high = settledBefore(store, (day + 1) * SECONDS_PER_DAY);
    const [firstStart, lastStart] = anchor !== undefined ? [anchor, anchor] : previousWindow ? previousWindow : [1, 0];
    previousWindow = [low, high];
    if (!(table.up[receipt]! > 0)) {
      // Placed by an earlier pass: where its orders ended is not known here.
      anchor = undefined;
      continue;
    }
    const amount = table.up[receipt]!;
    // Exact to the rounding limit: with nothing but dates to place the cut, an exact sum is the only
    // evidence that the cut is right (a looser tolerance lets small orders slip across it).
    const tolerance = Number(rules.autoConfirm.maxRoundingMinor);
    const solutions: [number, number][] = [];
    for (let end = Math.max(low, firstStart + 1); end <= high && solutions.length < 2; end++) {
      const from = Math.max(firstStart, firstPrefixAtLeast(prefix, prefix[end]! - amount - tolerance));
      const to = Math.min(lastStart, end - 1, firstPrefixAtLeast(prefix, prefix[end]! - amount + tolerance + 0.5) - 1);
      for (let start = from; start <= to && solutions.length < 2; start++) solutions.push([start, end]);
    }
    if (solutions.length !== 1) {
      anchor = undefined;
      if (solutions.length > 1) notes.add(receipt, "upstream", reason("AMBIGUOUS_CANDIDATES", { count: solutions.length }));
      continue;
    }
    const [start, end] = solutions[0]!;
    let overlaps = false;
    for (let k = start; k < end; k++) if (taken[k]) overlaps = true;
    if (overlaps) {
      anchor = undefined;
      continue;
    }
    const groups = store.groups.slice(start, end);
    const draft = draftOrdersToBank(context, groups, [receipt], true);
    const blockers: Reason[] = [...draft.blockers];
    if (!rules.autoConfirm.settlementDateGroups) blockers.push(reason("INFERRED_FROM_SETTLEMENT_DATES"));
    const platform = table.ledgers[store.ledger]!.platform ?? "";
    const committed = sink.commit({
      pass: 2,
      rule: "SETTLEMENT_DATE_PAYOUT",
      link: "ORDER_BANK",
      rows: draft.rows,
      adjustments: draft.adjustments,
      reasons: [
        reason("COUNTERPARTY_IS_PLATFORM", { counterparty: table.bankRow(receipt).counterparty ?? "", platform }),
        reason("SETTLEMENT_DATES_IN_WINDOW", { orders: groups.length, fromDate: dateOf(store.instants[start]!), toDate: dateOf(store.instants[end - 1]!) }),
        sumReason(draft.expected, amount, tolerance),
        ...draft.notes,
      ],
      blockers,
      confidence: 80,
    });
    if (!committed) {
      anchor = undefined;
      continue;
    }
    for (let k = start; k < end; k++) taken[k] = 1;
    anchor = end;
  }
}

function firstPrefixAtLeast(prefix: Float64Array, value: number): number {
  let low = 0;
  let high = prefix.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (prefix[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const dateOf = (seconds: number): string => dateOfDay(Math.floor(seconds / SECONDS_PER_DAY));

function sumReason(expected: number, received: number, tolerance: number): Reason {
  return expected === received
    ? reason("SUM_EXACT", { amountMinor: received })
    : reason("SUM_WITHIN_TOLERANCE", { expectedMinor: expected, actualMinor: received, differenceMinor: received - expected, toleranceMinor: tolerance });
}
