// The last word on a bank or wallet file's signs: when its printed balances move by a row's amount
// but the other way, the direction was misread, and the whole file is refused (SIGN_CONTRADICTS_BALANCE,
// a file refusal: nothing is stored). Rows pass through untouched; the verdict comes after the last.
import type { ImportBatch } from "../normalize/normalize-rows";
import type { BankTransactionRow, NormalizedRow } from "../types";
import { BalanceChains } from "./balance-chains";

export async function* refuseSignsAgainstBalances(parts: AsyncIterable<ImportBatch<NormalizedRow>>, fileName: string): AsyncGenerator<ImportBatch<NormalizedRow>> {
  // Balances are kept per currency: a multi-currency statement prints one chain for each.
  const chains = new Map<string, BalanceChains>();
  for await (const part of parts) {
    for (const row of part.rows as BankTransactionRow[]) {
      let chain = chains.get(row.currency);
      if (!chain) chains.set(row.currency, (chain = new BalanceChains()));
      chain.add(row);
    }
    yield part;
  }
  const reversed = [...chains.values()]
    .map((chain) => chain.chosen().signReversedAtRow)
    .filter((row): row is number => row !== null)
    .sort((a, b) => a - b)[0];
  if (reversed !== undefined) {
    yield { rows: [], errors: [{ row: reversed, column: null, code: "SIGN_CONTRADICTS_BALANCE", params: { fileName }, severity: "error" }] };
  }
}
