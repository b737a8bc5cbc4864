// The balance chain of each fund account, in statement order: walked once per ledger change into
// ReportBankRow (rollups/bank-chain-rollup.ts), which the roll-forward report and its drill-down
// read. A printed balance (BankTransaction.balanceMinor) is the balance after its row, so
// along the statement's own order each printed balance must equal the previous one plus the
// movements since. Statement order is the file's: batches of an account one after the other (by
// their days, then when they were imported), and inside a batch the rows as printed — oldest first,
// or newest first (BOC lists that way): a batch is read newest first when its printed balances
// chain that way more often than the other (as the importer's balance check decides), or, when
// they say nothing, when its first row is later than its last. Dates alone cannot order the rows:
// many statements print only the day, and the chain runs through dozens of rows a day.
//
// Batch facts are kept per account and batch: a batch holds one account's file, but nothing in
// the table says so.
//
// Each row gets: n (its place in the chain of its account and currency), run (the running sum of
// amounts up to and including it) and, for a row that prints a balance, off = balance − run. Two
// printed balances agree exactly when their offs are equal, so a break is a row whose off differs
// from the previous printed row's, by `diff` = printed balance − (previous printed + movements).
//
// Only the columns the chain needs are carried (its sorts stay narrow); readers join the row's
// text by id for the rows they show.
//
// Parameters: $1 orgId, $2 the accounts (uuid[]): the rollup rebuilds those whose rows changed.

export const ACCOUNT_CHAIN_CTE = `
  chain_rows AS (
    SELECT t.id, t."fundAccountId", t.currency, t."batchId", t."sourceRow", t."occurredOn", t."occurredAt",
           t."amountMinor", t."balanceMinor",
           lag(t."balanceMinor") OVER wb AS lag_balance, lag(t."amountMinor") OVER wb AS lag_amount,
           -- The booking time of the batch's first and last row as printed.
           first_value(COALESCE(t."occurredAt", t."occurredOn"::timestamp)) OVER wb AS first_at,
           last_value(COALESCE(t."occurredAt", t."occurredOn"::timestamp)) OVER (wb ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_at
      FROM "BankTransaction" t
     WHERE t."orgId" = $1 AND t."fundAccountId" = ANY($2::uuid[])
    WINDOW wb AS (PARTITION BY t."fundAccountId", t."batchId" ORDER BY t."sourceRow")
  ),
  chain_batches AS (
    SELECT r."fundAccountId", r."batchId",
           min(r."occurredOn") AS first_day, max(r."occurredOn") AS last_day,
           count(*) FILTER (WHERE r.lag_balance + r."amountMinor" = r."balanceMinor") AS oldest_first_links,
           count(*) FILTER (WHERE r.lag_balance - r.lag_amount = r."balanceMinor") AS newest_first_links,
           min(r.first_at) AS first_at, min(r.last_at) AS last_at
      FROM chain_rows r GROUP BY r."fundAccountId", r."batchId"
  ),
  chain_order AS (
    SELECT c."fundAccountId", c."batchId", c.first_day, c.last_day, ib."createdAt" AS imported_at,
           (c.newest_first_links > c.oldest_first_links OR (c.newest_first_links = c.oldest_first_links AND c.first_at > c.last_at)) AS newest_first
      FROM chain_batches c
      LEFT JOIN "ImportBatch" ib ON ib."orgId" = $1 AND ib.id = c."batchId"
  ),
  chain_seq AS (
    SELECT r.*,
           row_number() OVER wa AS n,
           sum(r."amountMinor") OVER (wa ROWS UNBOUNDED PRECEDING) AS run
      FROM chain_rows r JOIN chain_order o ON o."fundAccountId" = r."fundAccountId" AND o."batchId" = r."batchId"
    WINDOW wa AS (PARTITION BY r."fundAccountId", r.currency
                  ORDER BY o.first_day, o.last_day, o.imported_at, r."batchId",
                           CASE WHEN o.newest_first THEN -r."sourceRow" ELSE r."sourceRow" END)
  ),
  -- Partitioned also by whether a row prints a balance, lag() finds the previous printed row.
  chain AS (
    SELECT s.*,
           CASE WHEN s."balanceMinor" IS NOT NULL THEN s."balanceMinor" - s.run END AS off,
           CASE WHEN s."balanceMinor" IS NOT NULL
                THEN s."balanceMinor" - s.run - lag(s."balanceMinor" - s.run) OVER (PARTITION BY s."fundAccountId", s.currency, s."balanceMinor" IS NULL ORDER BY s.n) END AS diff
      FROM chain_seq s
  )`;
