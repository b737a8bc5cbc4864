// Withdrawal and payout numbers: where a withdrawal row carries its id (PDD 提现 line: payoutId;
// Alipay 提现: 业务流水号 as secondaryReference, 账务流水号 as reference) and where a bank row may quote
// one (its reference, or a token of its memo: "支付宝提现 2025030220004…").
import { memoTokens, MIN_TOKEN_LENGTH, normalizeKey } from "./keys";
import { Role, type RowTable } from "./row-table";

export const AMBIGUOUS_PAYOUT = -2;

export interface BankKey {
  key: string;
  via: "REFERENCE" | "MEMO";
}

/** The ids a withdrawal row is known by. */
export function withdrawalKeys(table: RowTable, row: number): string[] {
  const raw = table.isSettlement(row)
    ? [table.settlementLine(row).payoutId, table.settlementLine(row).reference]
    : [table.bankRow(row).secondaryReference, table.bankRow(row).reference];
  const keys: string[] = [];
  for (const value of raw) {
    const key = normalizeKey(value);
    if (key.length >= MIN_TOKEN_LENGTH && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

const keysOfTable = new WeakMap<RowTable, (readonly BankKey[] | undefined)[]>();

/** The ids a bank row may quote: its own references first, then tokens of its memo (worked out once per row and run). */
export function bankKeys(table: RowTable, row: number): readonly BankKey[] {
  let cache = keysOfTable.get(table);
  if (!cache) keysOfTable.set(table, (cache = new Array<readonly BankKey[] | undefined>(table.bank.length)));
  const at = row - table.bankStart;
  return (cache[at] ??= readBankKeys(table, row));
}

function readBankKeys(table: RowTable, row: number): BankKey[] {
  const bankRow = table.bankRow(row);
  const keys: BankKey[] = [];
  for (const value of [bankRow.reference, bankRow.secondaryReference]) {
    const key = normalizeKey(value);
    if (key.length >= MIN_TOKEN_LENGTH && !keys.some((other) => other.key === key)) keys.push({ key, via: "REFERENCE" });
  }
  for (const key of memoTokens(bankRow.memo)) if (!keys.some((other) => other.key === key)) keys.push({ key, via: "MEMO" });
  return keys;
}

/** id → withdrawal row (AMBIGUOUS_PAYOUT when two different withdrawals share an id). */
export function indexWithdrawals(table: RowTable): Map<string, number> {
  const index = new Map<string, number>();
  for (let row = table.settlementStart; row < table.size; row++) {
    if (table.role[row] !== Role.WITHDRAWAL) continue;
    for (const key of withdrawalKeys(table, row)) {
      const existing = index.get(key);
      index.set(key, existing === undefined || existing === row ? row : AMBIGUOUS_PAYOUT);
    }
  }
  return index;
}
