// A statement file may hold several accounts (MT940 messages with different :25:, camt with several
// Stmt/Rpt/Ntfctn, OFX with several STMTRS/CCSTMTRS). One import goes into one fund account, so such a
// file is never merged silently: it is refused, naming the accounts found, unless the caller chose
// one of them — then only that account's transactions are read.
import type { ImportError } from "../types";
import type { StatementFormat, StatementTransaction } from "./statement-table";

/** "DE89 3704 0044 0532 0130 00" and "de89370400440532013000" are one account. */
export const accountKey = (account: string | undefined) => (account ?? "").replace(/\s+/g, "").toUpperCase();

/** The accounts the transactions are on, as first printed, in file order ("" for a statement without one). */
export function accountsIn(transactions: readonly StatementTransaction[]): string[] {
  const seen = new Map<string, string>();
  for (const t of transactions) {
    const key = accountKey(t.account);
    if (!seen.has(key)) seen.set(key, (t.account ?? "").trim());
  }
  return [...seen.values()];
}

/** Separates the accounts in the error's `accounts` parameter (account ids hold no line breaks). */
export const ACCOUNT_LIST_SEPARATOR = "\n";

export type AccountSelection =
  | { ok: true; transactions: StatementTransaction[]; account: string | undefined }
  | { ok: false; error: ImportError };

/**
 * The refusal of a file of several accounts (or without the chosen one), naming them; "?" stands for
 * one without a number. `source` is a statement's standard ({ format: "MT940" }) or a table layout's
 * id ({ formatId }) for a corporate export with an own-account column (normalize/own-accounts.ts).
 */
export function severalAccountsError(source: { format: string } | { formatId: string }, accounts: readonly string[], chosen?: string): ImportError {
  const named = accounts.map((account) => account || "?");
  const params: Record<string, string | number> = { ...source, count: named.length, accounts: named.join(ACCOUNT_LIST_SEPARATOR) };
  if (chosen !== undefined) params.chosen = chosen;
  return { row: null, column: null, code: "STATEMENT_SEVERAL_ACCOUNTS", params, severity: "error" };
}

function severalAccounts(format: StatementFormat, accounts: string[], chosen?: string): AccountSelection {
  return { ok: false, error: severalAccountsError({ format }, accounts, chosen) };
}

/**
 * One account number holding several currencies (a camt Stmt per currency of a multi-currency account,
 * MT940 messages whose balances are in different currencies) is as many fund accounts: each such
 * transaction's account becomes "number currency", so those too are told apart and never merged.
 */
export function splitByCurrency(transactions: readonly StatementTransaction[]): void {
  const currencies = new Map<string, Set<string>>();
  for (const t of transactions) {
    if (!t.currency) continue;
    const key = accountKey(t.account);
    if (!currencies.has(key)) currencies.set(key, new Set());
    currencies.get(key)!.add(t.currency);
  }
  for (const t of transactions) {
    if (t.currency && (currencies.get(accountKey(t.account))?.size ?? 0) > 1) t.account = `${(t.account ?? "").trim()} ${t.currency}`.trim();
  }
}

/**
 * The transactions of the one account the file holds, or of the chosen account; a file of several
 * accounts without a choice, or a choice the file does not hold, is refused whole.
 */
export function selectAccount(format: StatementFormat, transactions: StatementTransaction[], chosen?: string): AccountSelection {
  splitByCurrency(transactions);
  const accounts = accountsIn(transactions);
  if (chosen !== undefined && chosen.trim() !== "") {
    const key = accountKey(chosen);
    const kept = transactions.filter((t) => accountKey(t.account) === key);
    if (kept.length === 0) return severalAccounts(format, accounts, chosen.trim());
    return { ok: true, transactions: kept, account: kept[0]?.account?.trim() || undefined };
  }
  if (accounts.length > 1) return severalAccounts(format, accounts);
  return { ok: true, transactions, account: accounts[0] || undefined };
}
