// The SQL 资金账户余额调节 and 结算明细 ran live over the ledger before they read their rollups
// (decision 0011), kept here only so the tests can check that the rollups the receivables job
// rebuilds (lib/reports/rollups) give the same figures. Written differently from the rebuild on
// purpose: per-payout subqueries instead of summed temporary tables, the chain walked per request.
import { countingStatusSql } from "@/lib/ledger/counting-groups";

// The balance chain of each fund account in statement order. $1 org, $2 account or null.
const LIVE_CHAIN_CTE = `
  chain_rows AS (
    SELECT t.id, t."fundAccountId", t.currency, t."batchId", t."sourceRow", t."occurredOn", t."occurredAt",
           t."amountMinor", t."balanceMinor",
           lag(t."balanceMinor") OVER wb AS lag_balance, lag(t."amountMinor") OVER wb AS lag_amount,
           -- The booking time of the batch's first and last row as printed.
           first_value(COALESCE(t."occurredAt", t."occurredOn"::timestamp)) OVER wb AS first_at,
           last_value(COALESCE(t."occurredAt", t."occurredOn"::timestamp)) OVER (wb ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_at
      FROM "BankTransaction" t
     WHERE t."orgId" = $1 AND ($2::uuid IS NULL OR t."fundAccountId" = $2::uuid)
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

// Per account and currency over the period. $1 org, $2 account or null, $3 from, $4 to.
export const LIVE_ROLLFORWARD_SQL = `
  WITH ${LIVE_CHAIN_CTE},
  period AS (SELECT * FROM chain WHERE "occurredOn" BETWEEN $3::date AND $4::date),
  per AS (
    SELECT p."fundAccountId", p.currency, count(*)::bigint AS rows,
           COALESCE(sum(p."amountMinor") FILTER (WHERE p."amountMinor" > 0), 0)::bigint AS "inMinor",
           COALESCE(-sum(p."amountMinor") FILTER (WHERE p."amountMinor" < 0), 0)::bigint AS "outMinor",
           count(*) FILTER (WHERE p.diff <> 0)::bigint AS breaks,
           (min(ARRAY[p.n, (p.run - p."amountMinor")::bigint]))[2] AS before_first,
           (max(ARRAY[p.n, p.run::bigint]))[2] AS run_last,
           (min(ARRAY[p.n, p.off::bigint]) FILTER (WHERE p.off IS NOT NULL))[2] AS first_off,
           (max(ARRAY[p.n, p.off::bigint]) FILTER (WHERE p.off IS NOT NULL))[2] AS last_off
      FROM period p GROUP BY p."fundAccountId", p.currency
  )
  SELECT per."fundAccountId", per.currency, f.name, f.type::text AS type, per.rows, per."inMinor", per."outMinor", per.breaks,
         (per.first_off + per.before_first)::bigint AS opening,
         (per.last_off + per.run_last)::bigint AS "printedClosing"
    FROM per JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = per."fundAccountId"
   ORDER BY f.name, per.currency`;

// Which rows are payouts, what the counting groups say each paid and where it arrived.
// $1 org, $2 from, $3 to, $4 withdrawal words, $5 refund words, $6 fee words (plain words, not
// patterns), $7 side or null, $8 id or null.
const COUNTING = countingStatusSql("g.status");
const HAS_WORD = (column: string, param: string) => `EXISTS (SELECT 1 FROM unnest(${param}::text[]) w WHERE strpos(${column}, w) > 0)`;

const LIVE_PAYOUTS_CTE = `
  payout_all AS (
    SELECT 'SETTLEMENT'::"MatchSide" AS side, l.id, l."storeId" AS own_store, NULL::uuid AS own_account, l."occurredOn" AS day,
           -l."amountMinor" AS amount, l.currency, COALESCE(l."payoutId", l.reference) AS reference, false AS direct
      FROM "SettlementLine" l
     WHERE l."orgId" = $1 AND l."lineType" = 'WITHDRAWAL' AND l."occurredOn" BETWEEN $2::date AND $3::date
    UNION ALL
    SELECT 'BANK'::"MatchSide", b.id, NULL::uuid, b."fundAccountId", b."occurredOn", -b."amountMinor", b.currency,
           COALESCE(b."secondaryReference", b.reference), false
      FROM "BankTransaction" b JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = b."fundAccountId"
     WHERE b."orgId" = $1 AND f.type <> 'BANK' AND b."amountMinor" < 0 AND b."occurredOn" BETWEEN $2::date AND $3::date
       AND ${HAS_WORD("b.memo", "$4")}
    UNION ALL
    SELECT 'BANK'::"MatchSide", b.id, NULL::uuid, b."fundAccountId", b."occurredOn", b."amountMinor", b.currency,
           COALESCE(b.reference, b.memo), true
      FROM "BankTransaction" b JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = b."fundAccountId"
     WHERE b."orgId" = $1 AND f.type = 'BANK' AND b."amountMinor" > 0 AND b."occurredOn" BETWEEN $2::date AND $3::date
       AND EXISTS (SELECT 1 FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
                    WHERE i.side = 'BANK' AND i."rowId" = b.id AND i."orgId" = $1 AND g.link IN ('SETTLEMENT_PAYOUT', 'ORDER_BANK') AND ${COUNTING})
  ),
  payout AS (
    SELECT * FROM payout_all WHERE $7::text IS NULL OR (side::text = $7::text AND id = $8::bigint)
  ),
  pg AS (
    SELECT p.side, p.id, g.id AS gid, g.link, i."amountMinor" AS taken
      FROM payout p
      JOIN "MatchItem" i ON i.side = p.side AND i."rowId" = p.id AND i."orgId" = $1
      JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
     WHERE ${COUNTING}
  ),
  pl AS (
    SELECT pg.side AS pside, pg.id AS pid, i.side, i."rowId", -i."amountMinor" AS flow,
           CASE WHEN i.side = 'SETTLEMENT' THEN
                  CASE WHEN l."lineType" = 'SALE' THEN 'sales' WHEN l."lineType" = 'REFUND' THEN 'refunds'
                       WHEN l."lineType" IN ('COMMISSION', 'SERVICE_FEE', 'PROMOTION') THEN 'fees' ELSE 'other' END
                WHEN ${HAS_WORD("b.memo", "$5")} THEN 'refunds'
                WHEN ${HAS_WORD("b.memo", "$6")} THEN 'fees'
                WHEN b."amountMinor" > 0 THEN 'sales' ELSE 'other' END AS kind,
           COALESCE(l."occurredOn", b."occurredOn") AS day, COALESCE(l."lineType"::text, NULL) AS type,
           COALESCE(l."orderNo", b."merchantOrderNo", l.reference, b.reference) AS reference, COALESCE(l.memo, b.memo) AS memo,
           l."storeId" AS store
      FROM pg
      JOIN "MatchItem" i ON i."orgId" = $1 AND i."groupId" = pg.gid AND i.slot = 'DOWN'
      LEFT JOIN "SettlementLine" l ON i.side = 'SETTLEMENT' AND l."orgId" = $1 AND l.id = i."rowId"
      LEFT JOIN "BankTransaction" b ON i.side = 'BANK' AND b."orgId" = $1 AND b.id = i."rowId"
     WHERE pg.link = 'SETTLEMENT_PAYOUT'
  ),
  po_ids AS (
    SELECT DISTINCT pl.pside, pl.pid, oi."rowId" AS "orderId"
      FROM pl
      JOIN "MatchItem" li ON li.side = pl.side AND li."rowId" = pl."rowId" AND li."orgId" = $1 AND li.slot = 'UP'
      JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = li."groupId" AND g.link = 'ORDER_SETTLEMENT'
      JOIN "MatchItem" oi ON oi."orgId" = $1 AND oi."groupId" = g.id AND oi.side = 'ORDER'
     WHERE ${COUNTING}
  ),
  po AS (
    SELECT x.pside, x.pid, o."storeId" AS store, btrim(o."orderNo") AS "orderNo", min(o."occurredDay") AS day, NULL::bigint AS paid
      FROM po_ids x
      JOIN (SELECT id, "storeId", "orderNo", COALESCE("paidAt", "orderedAt", "confirmedAt")::date AS "occurredDay" FROM "Order" WHERE "orgId" = $1) o ON o.id = x."orderId"
     GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT pg.side, pg.id, o."storeId", btrim(o."orderNo"), min(COALESCE(o."paidAt", o."orderedAt", o."confirmedAt")::date), sum(-oi."amountMinor")
      FROM pg
      JOIN "MatchItem" oi ON oi."orgId" = $1 AND oi."groupId" = pg.gid AND oi.side = 'ORDER'
      JOIN "Order" o ON o."orgId" = $1 AND o.id = oi."rowId"
     WHERE pg.link = 'ORDER_BANK'
     GROUP BY 1, 2, 3, 4
  ),
  pa AS (
    SELECT pg.side AS pside, pg.id AS pid, a.id, a.type::text AS type, a."amountMinor", a.note,
           CASE WHEN a.type IN ('COMMISSION', 'SERVICE_FEE', 'PROMOTION', 'FEE') THEN 'fees' WHEN a.type = 'REFUND' THEN 'refunds' ELSE 'other' END AS kind
      FROM pg JOIN "MatchAdjustment" a ON a."orgId" = $1 AND a."groupId" = pg.gid
     WHERE pg.link = 'ORDER_BANK'
  ),
  -- Each PAYOUT_BANK group of a withdrawal: what it took of it and what arrived for it (the whole
  -- receipt when the group holds only this payout; else its share less the adjustments about it).
  pb AS (
    SELECT pg.side AS pside, pg.id AS pid, pg.gid, -pg.taken AS taken,
           CASE WHEN n.payouts = 1 THEN n.bank ELSE -pg.taken - COALESCE(adj.own, 0) END AS received,
           r.day, r.account, r.account_name, r.reference
      FROM pg
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE x.slot = 'DOWN') AS payouts, COALESCE(sum(x."amountMinor") FILTER (WHERE x.side = 'BANK' AND x.slot = 'UP'), 0) AS bank
          FROM "MatchItem" x WHERE x."orgId" = $1 AND x."groupId" = pg.gid) n
      CROSS JOIN LATERAL (
        SELECT sum(a."amountMinor") AS own FROM "MatchAdjustment" a
         WHERE a."orgId" = $1 AND a."groupId" = pg.gid AND a."aboutSide" = pg.side AND a."aboutRowId" = pg.id) adj
      CROSS JOIN LATERAL (
        SELECT max(b."occurredOn") AS day, min(b."fundAccountId"::text)::uuid AS account, min(f.name) AS account_name,
               string_agg(DISTINCT COALESCE(b.reference, b.memo), '、') AS reference
          FROM "MatchItem" x
          JOIN "BankTransaction" b ON b."orgId" = $1 AND b.id = x."rowId"
          JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = b."fundAccountId"
         WHERE x."orgId" = $1 AND x."groupId" = pg.gid AND x.side = 'BANK' AND x.slot = 'UP') r
     WHERE pg.link = 'PAYOUT_BANK'
  )`;

// Each payout of the period with its figures. $9 store, $10 platform, $11 account (null: all).
export const LIVE_PAYOUTS_SQL = `
  WITH ${LIVE_PAYOUTS_CTE},
  line_sums AS (
    SELECT pside, pid, count(*)::bigint AS lines,
           COALESCE(sum(flow) FILTER (WHERE kind = 'sales'), 0) AS sales, COALESCE(-sum(flow) FILTER (WHERE kind = 'fees'), 0) AS fees,
           COALESCE(-sum(flow) FILTER (WHERE kind = 'refunds'), 0) AS refunds, COALESCE(sum(flow) FILTER (WHERE kind = 'other'), 0) AS other,
           array_agg(DISTINCT store) FILTER (WHERE store IS NOT NULL) AS stores
      FROM pl GROUP BY pside, pid
  ),
  order_sums AS (
    SELECT pside, pid, count(*)::bigint AS orders, COALESCE(sum(paid), 0) AS sales, array_agg(DISTINCT store) AS stores FROM po GROUP BY pside, pid
  ),
  adjustment_sums AS (
    SELECT pside, pid, COALESCE(sum("amountMinor") FILTER (WHERE kind = 'fees'), 0) AS fees,
           COALESCE(sum("amountMinor") FILTER (WHERE kind = 'refunds'), 0) AS refunds, COALESCE(-sum("amountMinor") FILTER (WHERE kind = 'other'), 0) AS other
      FROM pa GROUP BY pside, pid
  ),
  bank_sums AS (
    SELECT pside, pid, sum(taken) AS taken, sum(received) AS received, max(day) AS day, min(account::text)::uuid AS account, min(account_name) AS account_name
      FROM pb GROUP BY pside, pid
  ),
  rows AS (
    SELECT p.side, p.id, to_char(p.day, 'YYYY-MM-DD') AS day, p.reference, p.currency, p.amount, p.own_account AS "accountId", p.direct,
           ARRAY(SELECT DISTINCT s FROM unnest(array_remove(ARRAY[p.own_store], NULL) || COALESCE(ls.stores, '{}') || COALESCE(os.stores, '{}')) s WHERE s IS NOT NULL) AS "storeIds",
           COALESCE(os.orders, 0) AS orders, COALESCE(ls.lines, 0) AS lines,
           (COALESCE(ls.sales, 0) + COALESCE(os.sales, 0))::bigint AS sales,
           (COALESCE(ls.fees, 0) + COALESCE(ad.fees, 0))::bigint AS fees,
           (COALESCE(ls.refunds, 0) + COALESCE(ad.refunds, 0))::bigint AS refunds,
           (COALESCE(ls.other, 0) + COALESCE(ad.other, 0))::bigint AS other,
           CASE WHEN p.direct THEN to_char(p.day, 'YYYY-MM-DD') ELSE to_char(bs.day, 'YYYY-MM-DD') END AS "receivedOn",
           (CASE WHEN p.direct THEN p.amount ELSE COALESCE(bs.received, 0) END)::bigint AS received,
           CASE WHEN p.direct THEN p.own_account ELSE bs.account END AS "receivedAccountId",
           (CASE WHEN p.direct THEN p.amount ELSE COALESCE(bs.taken, 0) END)::bigint AS taken
      FROM payout p
      LEFT JOIN line_sums ls ON ls.pside = p.side AND ls.pid = p.id
      LEFT JOIN order_sums os ON os.pside = p.side AND os.pid = p.id
      LEFT JOIN adjustment_sums ad ON ad.pside = p.side AND ad.pid = p.id
      LEFT JOIN bank_sums bs ON bs.pside = p.side AND bs.pid = p.id
  )
  SELECT r.side::text AS side, r.id, r.day, r.reference, r.currency, r.amount, r.orders, r.lines, r.sales, r.fees, r.refunds, r.other,
         r."receivedOn", r.received, r.taken, r."storeIds", r."accountId", r."receivedAccountId",
         (SELECT string_agg(s.name, '、' ORDER BY s.name) FROM "Store" s WHERE s."orgId" = $1 AND s.id = ANY(r."storeIds")) AS "storeNames",
         ARRAY(SELECT DISTINCT s.platform::text FROM "Store" s WHERE s."orgId" = $1 AND s.id = ANY(r."storeIds")) AS platforms,
         (SELECT f.name FROM "FundAccount" f WHERE f."orgId" = $1 AND f.id = r."accountId") AS account,
         (SELECT f.name FROM "FundAccount" f WHERE f."orgId" = $1 AND f.id = r."receivedAccountId") AS "receivedAccount"
    FROM rows r
   WHERE ($9::uuid IS NULL OR $9::uuid = ANY(r."storeIds"))
     AND ($10::text IS NULL OR EXISTS (SELECT 1 FROM "Store" s WHERE s."orgId" = $1 AND s.id = ANY(r."storeIds") AND s.platform::text = $10::text))
     AND ($11::uuid IS NULL OR r."accountId" = $11::uuid OR r."receivedAccountId" = $11::uuid)
   ORDER BY r.day, r.reference NULLS LAST, r.side, r.id`;
