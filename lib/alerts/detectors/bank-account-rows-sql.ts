// The company's bank accounts (FundAccount type BANK, not wallets) and, in SQL, their rows read
// through the balance-chain rollup's key (ReportBankRow: orgId, fundAccountId, … — rebuilt with the
// receivables, as every alert is computed after that rebuild): a few hundred statement rows found by
// index instead of a scan of every wallet line of the company.
import type { Tx } from "@/lib/db/client";

export async function bankAccountIds(tx: Tx, orgId: string): Promise<string[]> {
  const accounts = await tx.fundAccount.findMany({ where: { orgId, type: "BANK" }, select: { id: true } });
  return accounts.map((account) => account.id);
}

/** SQL (FROM): `t`, the BankTransaction rows, through `chain`, the rollup's rows; $1 is the org. */
export const BANK_ACCOUNT_ROWS_FROM = `"ReportBankRow" chain JOIN "BankTransaction" t ON t."orgId" = $1 AND t.id = chain."bankTransactionId"`;

/** SQL (WHERE): only the accounts bound at `accounts` (a uuid[] placeholder). */
export function bankAccountRowsWhere(accounts: string): string {
  return `chain."orgId" = $1 AND chain."fundAccountId" = ANY(${accounts}::uuid[])`;
}
