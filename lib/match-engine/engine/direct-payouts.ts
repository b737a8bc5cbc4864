// Stores whose platform pays the bank directly (JD, Douyin here: no bill or wallet lines in the data).
// Their orders can only be tied to a payout by when they settle (确认收货 + 账期) and by amounts, so
// passes 2–4 need, per store: the open orders in settlement order with what each should bring, and
// the bank receipts from that platform's paying entity.
import { expectedOrderNet, orderFacts } from "./explain-difference";
import type { ReconcileRules } from "../rules";
import type { OrderIndex } from "./order-index";
import type { PayerDirectory } from "./payer-directory";
import { NO_DAY, Role, type RowTable } from "./row-table";

export interface DirectPayoutStore {
  ledger: number;
  /** Open order groups that settle (instant known, something to receive), by settlement time. */
  groups: number[];
  /** Per position in groups: settlement time (seconds) and expected net. */
  instants: Float64Array;
  nets: Float64Array;
  /** Open positive bank receipts from this store's paying entity only, by day then id. */
  receipts: number[];
  /**
   * Every positive receipt from that entity, open or placed by an earlier pass, by day, booking time,
   * id: each one is a payout, and payouts bound one another's windows whoever placed them.
   */
  payouts: number[];
  /** The first day of the bank statements those payouts are on (the latest such first day). */
  statementFromDay: number;
}

/** A store is paid directly when it has no bill, no wallet tied to it, and none of its orders has a wallet line. */
/** What the finding needs of a run (not the whole run context, which caches the answer). */
export type DirectPayoutFacts = {
  table: RowTable;
  index: OrderIndex;
  rules: ReconcileRules;
  payers: PayerDirectory;
  walletStores: ReadonlyMap<number, ReadonlySet<number>>;
};

export function directPayoutStores(context: DirectPayoutFacts): DirectPayoutStore[] {
  const { table, index, payers } = context;
  const hasLines = new Set<number>();
  const hasOrders = new Set<number>();
  for (let row = table.settlementStart; row < table.bankStart; row++) hasLines.add(table.ledgerOf[row]!);
  for (const stores of context.walletStores.values()) for (const store of stores) hasLines.add(store);
  for (let group = 0; group < index.groupCount; group++) {
    hasOrders.add(index.groupLedger[group]!);
    if (index.lineHead[group] !== -1) hasLines.add(index.groupLedger[group]!);
  }
  const ledgers = table.ledgers
    .map((ledger, position) => ({ ledger, position }))
    .filter(({ ledger, position }) => ledger.kind === "store" && hasOrders.has(position) && !hasLines.has(position))
    .map(({ position }) => position);
  if (ledgers.length === 0) return [];

  // A receipt belongs to a store only when its payer pays for no other direct-payout store.
  const receiptsOf = new Map<number, number[]>(ledgers.map((ledger) => [ledger, []]));
  const payoutsOf = new Map<number, number[]>(ledgers.map((ledger) => [ledger, []]));
  /** Per bank account: the first day its statement shows. */
  const firstDayOf = new Map<number, number>();
  for (let row = table.bankStart; row < table.size; row++) {
    if (table.role[row] !== Role.BANK) continue;
    const account = table.ledgerOf[row]!;
    const first = firstDayOf.get(account);
    if (first === undefined || table.day[row]! < first) firstDayOf.set(account, table.day[row]!);
    if (table.amount[row]! <= 0) continue;
    const counterparty = table.bankRow(row).counterparty;
    const paying = ledgers.filter((ledger) => payers.paysFor(counterparty, ledger));
    if (paying.length !== 1) continue;
    payoutsOf.get(paying[0]!)!.push(row);
    if (table.up[row]! > 0) receiptsOf.get(paying[0]!)!.push(row);
  }

  const candidatesOf = new Map<number, { group: number; instant: number; net: number }[]>(ledgers.map((ledger) => [ledger, []]));
  for (let group = 0; group < index.groupCount; group++) {
    const candidates = candidatesOf.get(index.groupLedger[group]!);
    if (!candidates) continue;
    const first = index.firstRow[group]!;
    const instant = table.instant[first]!;
    if (Number.isNaN(instant)) continue;
    let open = true;
    for (let row = first; row !== -1; row = index.nextRow[row]!) if (table.down[row] !== Math.abs(table.amount[row]!) || table.down[row] === 0) open = false;
    if (!open) continue;
    const net = expectedOrderNet(orderFacts(table, index, context.rules, group));
    if (net > 0) candidates.push({ group, instant, net });
  }

  const stores: DirectPayoutStore[] = [];
  for (const ledger of ledgers) {
    const candidates = candidatesOf.get(ledger)!.sort((a, b) => a.instant - b.instant || a.group - b.group);
    const payouts = payoutsOf.get(ledger)!.sort((a, b) => table.day[a]! - table.day[b]! || table.instant[a]! - table.instant[b]! || a - b);
    let statementFromDay = NO_DAY;
    for (const payout of payouts) statementFromDay = Math.max(statementFromDay, firstDayOf.get(table.ledgerOf[payout]!)!);
    stores.push({
      ledger,
      groups: candidates.map((entry) => entry.group),
      instants: Float64Array.from(candidates, (entry) => entry.instant),
      nets: Float64Array.from(candidates, (entry) => entry.net),
      receipts: receiptsOf.get(ledger)!.sort((a, b) => table.day[a]! - table.day[b]! || a - b),
      payouts,
      statementFromDay,
    });
  }
  return stores;
}

/** How many of the store's orders settle before `seconds` (binary search over the sorted instants). */
export function settledBefore(store: DirectPayoutStore, seconds: number): number {
  let low = 0;
  let high = store.instants.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (store.instants[middle]! < seconds) low = middle + 1;
    else high = middle;
  }
  return low;
}
