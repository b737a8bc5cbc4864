// What every pass of one run shares: the row table, the order index, the sink that records groups,
// the notes that explain misses, rejected pairs, and who pays for which ledger. Built once per run.
import type { ReconcileRules } from "../rules";
import type { ReconcileInput } from "../types";
import { directPayoutStores, type DirectPayoutStore } from "./direct-payouts";
import { PayerDirectory } from "./payer-directory";
import { MissNotes } from "./reasons";
import { OrderIndex } from "./order-index";
import { ProposalSink } from "./proposal-sink";
import { RejectedPairs } from "./rejected-pairs";
import { Role, RowTable } from "./row-table";

export interface RunContext {
  table: RowTable;
  rules: ReconcileRules;
  index: OrderIndex;
  sink: ProposalSink;
  notes: MissNotes;
  rejected: RejectedPairs;
  payers: PayerDirectory;
  /** Wallet account ledger → the store ledgers it serves (from ReconcileStore.walletAccountIds). */
  walletStores: ReadonlyMap<number, ReadonlySet<number>>;
  /** Rows of each ledger (store bill or wallet) in booking order: time, then sequence, then id. */
  ledgerRows(ledger: number): readonly number[];
  /** Stores paid straight into the bank, worked out once (at first use) per run. */
  directPayoutStores(): readonly DirectPayoutStore[];
}

/** Wallet accounts → the stores they serve, from ReconcileStore.walletAccountIds (absent: any store). */
function walletStoresOf(table: RowTable, input: ReconcileInput): Map<number, Set<number>> {
  const accountLedger = new Map(table.ledgers.map((ledger, index) => [`${ledger.kind}:${ledger.id}`, index]));
  const result = new Map<number, Set<number>>();
  for (const store of input.stores) {
    const storeLedger = accountLedger.get(`store:${store.id}`);
    if (storeLedger === undefined) continue;
    for (const accountId of store.walletAccountIds ?? []) {
      const account = accountLedger.get(`account:${accountId}`);
      if (account === undefined) continue;
      const set = result.get(account) ?? new Set<number>();
      set.add(storeLedger);
      result.set(account, set);
    }
  }
  return result;
}

export function createRunContext(input: ReconcileInput, rules: ReconcileRules): RunContext {
  const table = new RowTable(input, rules);
  const walletStores = walletStoresOf(table, input);
  const index = new OrderIndex(table, rules, walletStores);
  const rejected = new RejectedPairs(table, input.rejected ?? []);
  const sink = new ProposalSink(table, rules, rejected);
  const payers = new PayerDirectory(table, rules, walletStores);
  const cache = new Map<number, number[]>();
  let byLedger: number[][] | undefined;
  const ledgerRows = (ledger: number): readonly number[] => {
    const cached = cache.get(ledger);
    if (cached) return cached;
    if (!byLedger) {
      byLedger = table.ledgers.map(() => []);
      for (let row = table.settlementStart; row < table.size; row++) {
        if (table.role[row] === Role.BANK) continue;
        byLedger[table.ledgerOf[row]!]!.push(row);
      }
    }
    const rows = byLedger[ledger] ?? [];
    sortByBooking(table, rows);
    cache.set(ledger, rows);
    return rows;
  };
  let direct: DirectPayoutStore[] | undefined;
  const context: RunContext = {
    table,
    rules,
    index,
    sink,
    notes: new MissNotes(),
    rejected,
    payers,
    walletStores,
    ledgerRows,
    directPayoutStores: () => (direct ??= directPayoutStores(context)),
  };
  return context;
}

/** Booking order within a ledger; skips the sort when rows already come in it (the usual case). */
function sortByBooking(table: RowTable, rows: number[]): void {
  const before = (a: number, b: number) => table.instant[a]! - table.instant[b]! || table.sequence(a) - table.sequence(b) || a - b;
  for (let i = 1; i < rows.length; i++) {
    if (before(rows[i - 1]!, rows[i]!) > 0) {
      rows.sort(before);
      return;
    }
  }
}
