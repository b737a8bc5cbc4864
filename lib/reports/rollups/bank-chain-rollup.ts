// Rebuilds ReportBankRow and ReportBankDay, 资金账户余额调节's rollups (decision 0011): every bank and
// wallet row of the company with its place in its account's statement chain (account-chain-sql.ts),
// its running sum and its break, and those rows summed per account and day. Walking the chain sorts
// every row of an account several times (seconds at a million orders); done here once per ledger
// change, the report sums a period's days and reads its first and last rows by position.
// Run by the receivables rebuild inside its transaction (refresh-report-rollups.ts).
//
// An account's chain depends on its own rows only (and their batches' import times), and bank rows
// are never edited, only imported or undone, while most ledger changes (runs, matches) leave them
// alone. So an account is rebuilt only when its rows are not those the rollup holds: another count
// or another sum of row ids (ids only grow, so rows swapped for as many new ones change the sum),
// as ReportBankDay keeps them per day (a few rows per account and day to read, not every row).
// The changed accounts are rebuilt in one INSERT … SELECT (window functions and hash joins, no
// lookup per row), and their days from those rows.
import type pg from "pg";
import { ACCOUNT_CHAIN_CTE } from "../account-chain-sql";

// The accounts whose rows differ from the rollup's (a vanished account included). $1 org.
const CHANGED_ACCOUNTS = `
  WITH base AS (
    SELECT "fundAccountId", count(*) AS n, sum(id) AS ids FROM "BankTransaction" WHERE "orgId" = $1 GROUP BY 1
  ),
  rolled AS (
    SELECT "fundAccountId", sum(rows) AS n, sum("rowIdSum") AS ids FROM "ReportBankDay" WHERE "orgId" = $1 GROUP BY 1
  )
  SELECT COALESCE(b."fundAccountId", r."fundAccountId") AS id
    FROM base b FULL JOIN rolled r ON r."fundAccountId" = b."fundAccountId"
   WHERE b.n IS DISTINCT FROM r.n OR b.ids IS DISTINCT FROM r.ids`;

// $1 org, $2 the accounts to rebuild.
const INSERT_BANK_ROWS = `
  INSERT INTO "ReportBankRow" ("orgId", "fundAccountId", currency, position, "bankTransactionId", day, "amountMinor", "balanceMinor", "runMinor", "breakMinor")
  WITH ${ACCOUNT_CHAIN_CTE}
  SELECT $1, c."fundAccountId", c.currency, c.n, c.id, c."occurredOn", c."amountMinor", c."balanceMinor", c.run, c.diff
    FROM chain c`;

// $1 org, $2 the accounts to rebuild.
const INSERT_BANK_DAYS = `
  INSERT INTO "ReportBankDay" ("orgId", "fundAccountId", currency, day, rows, "inMinor", "outMinor", breaks, "breakSumMinor",
                               "firstPosition", "lastPosition", "firstPrintedPosition", "lastPrintedPosition", "rowIdSum")
  SELECT $1, r."fundAccountId", r.currency, r.day, count(*),
         COALESCE(sum(r."amountMinor") FILTER (WHERE r."amountMinor" > 0), 0), COALESCE(-sum(r."amountMinor") FILTER (WHERE r."amountMinor" < 0), 0),
         count(*) FILTER (WHERE r."breakMinor" <> 0), COALESCE(sum(r."breakMinor"), 0), min(r.position), max(r.position),
         min(r.position) FILTER (WHERE r."balanceMinor" IS NOT NULL), max(r.position) FILTER (WHERE r."balanceMinor" IS NOT NULL),
         sum(r."bankTransactionId")
    FROM "ReportBankRow" r
   WHERE r."orgId" = $1 AND r."fundAccountId" = ANY($2::uuid[])
   GROUP BY r."fundAccountId", r.currency, r.day`;

export async function rebuildBankChainRollup(client: pg.PoolClient, orgId: string): Promise<void> {
  const changed = (await client.query<{ id: string }>(CHANGED_ACCOUNTS, [orgId])).rows.map((row) => row.id);
  if (changed.length === 0) return;
  await client.query(`DELETE FROM "ReportBankRow" WHERE "orgId" = $1 AND "fundAccountId" = ANY($2::uuid[])`, [orgId, changed]);
  await client.query(`DELETE FROM "ReportBankDay" WHERE "orgId" = $1 AND "fundAccountId" = ANY($2::uuid[])`, [orgId, changed]);
  await client.query(INSERT_BANK_ROWS, [orgId, changed]);
  await client.query(INSERT_BANK_DAYS, [orgId, changed]);
}
