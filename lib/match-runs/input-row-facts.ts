// A run's rows by id, for the facts it stores on each group it writes (lib/ledger/group-facts.ts):
// the loader already read every row the proposals use, so no second trip to the database.
import { orderBusinessDay } from "@/lib/ledger/business-day";
import type { RowFacts } from "@/lib/ledger/group-facts";
import type { BankTransactionInput, OrderInput, ReconcileInput, SettlementLineInput } from "@/lib/match-engine";

export type RowFactsLookup = (item: { side: string; id: string }) => RowFacts | undefined;

export function inputRowFacts(input: ReconcileInput): RowFactsLookup {
  // Maps to the rows themselves (no object per row): a month holds millions of them.
  const orders = new Map<string, OrderInput>(input.orders.map((row) => [row.id, row]));
  const lines = new Map<string, SettlementLineInput>(input.settlementLines.map((row) => [row.id, row]));
  const bank = new Map<string, BankTransactionInput>(input.bankTransactions.map((row) => [row.id, row]));
  return (item) => {
    if (item.side === "order") {
      const row = orders.get(item.id);
      return row && { day: orderBusinessDay(row), storeId: row.storeId };
    }
    if (item.side === "settlement") {
      const row = lines.get(item.id);
      return row && { day: row.occurredOn, storeId: row.storeId };
    }
    const row = bank.get(item.id);
    return row && { day: row.occurredOn, accountId: row.accountId };
  };
}
