// Rebuilds ReportPayout, 结算明细's rollup (decision 0011): one row per payout of the company with
// every figure the report shows — what it paid (orders, bill lines; sales, fees, refunds, the rest),
// the bank receipt it arrived as, what those took of it — following the chain payouts-sql.ts
// describes. Following a month's payouts down to their orders joins millions of match items (tens
// of seconds per request if done live at a million orders); here it is done once per ledger change
// by the receivables rebuild, inside its transaction (refresh-report-rollups.ts), over the whole
// company at once: a few temporary tables, each ANALYZEd so the planner knows its size and hashes
// the big joins (no lookup per line or order), then one INSERT … SELECT. The report filters and
// pages these rows; names are joined when reading. The drill-down follows one payout with
// PAYOUT_FOLLOW_CTE, which must classify and sum the rows the same way (the tests compare both).
import type pg from "pg";
import { defaultRules, parseRules } from "@/lib/match-engine";
import { COUNTING, PAYOUTS_SELECT_CTE, SWEPT_KIND, payoutWordsOf, type PayoutWords } from "../payouts-sql";

/** A step; `hashJoins` where the planner, guessing the rows a semi-join or a group yields, would rather look rows up one by one. */
type Step = { sql: string; params: (words: PayoutWords) => unknown[]; hashJoins?: true };
const org: Step["params"] = () => [];

// Each step's parameters follow $1 org.
const STEPS: Step[] = [
  // Every payout of the company. $2 withdrawal words.
  {
    sql: `CREATE TEMP TABLE rpt_payout ON COMMIT DROP AS WITH ${PAYOUTS_SELECT_CTE} SELECT * FROM payout`,
    params: (words) => [words.withdrawal],
    hashJoins: true,
  },
  // Its counting groups, and what each took of it.
  {
    sql: `CREATE TEMP TABLE rpt_payout_group ON COMMIT DROP AS
      SELECT p.side, p.id, g.id AS gid, g.link, i."amountMinor" AS taken
        FROM rpt_payout p
        JOIN "MatchItem" i ON i."orgId" = $1 AND i.side = p.side AND i."rowId" = p.id
        JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
       WHERE ${COUNTING}`,
    params: org,
  },
  // The rows each payout swept: the DOWN end of its SETTLEMENT_PAYOUT groups, by the part the group took.
  {
    sql: `CREATE TEMP TABLE rpt_swept ON COMMIT DROP AS
      SELECT pg.side AS pside, pg.id AS pid, i.side, i."rowId", -i."amountMinor" AS flow
        FROM rpt_payout_group pg
        JOIN "MatchItem" i ON i."orgId" = $1 AND i."groupId" = pg.gid AND i.slot = 'DOWN'
       WHERE pg.link = 'SETTLEMENT_PAYOUT'`,
    params: org,
  },
  // Per payout, the swept rows by kind and their stores (summed per kind and store first: a hash of
  // a few groups, no sort of every row). $2 refund words, $3 fee words.
  {
    sql: `CREATE TEMP TABLE rpt_line_sums ON COMMIT DROP AS
      SELECT x.pside, x.pid, sum(x.n)::bigint AS lines,
             COALESCE(sum(x.flow) FILTER (WHERE x.kind = 'sales'), 0) AS sales, COALESCE(-sum(x.flow) FILTER (WHERE x.kind = 'fees'), 0) AS fees,
             COALESCE(-sum(x.flow) FILTER (WHERE x.kind = 'refunds'), 0) AS refunds, COALESCE(sum(x.flow) FILTER (WHERE x.kind = 'other'), 0) AS other,
             array_agg(DISTINCT x.store) FILTER (WHERE x.store IS NOT NULL) AS stores
        FROM (SELECT i.pside, i.pid, ${SWEPT_KIND} AS kind, l."storeId" AS store, count(*) AS n, sum(i.flow) AS flow
                FROM rpt_swept i
                LEFT JOIN "SettlementLine" l ON i.side = 'SETTLEMENT' AND l."orgId" = $1 AND l.id = i."rowId"
                LEFT JOIN "BankTransaction" b ON i.side = 'BANK' AND b."orgId" = $1 AND b.id = i."rowId"
               GROUP BY 1, 2, 3, 4) x
       GROUP BY x.pside, x.pid`,
    params: (words) => [words.refund, words.fee],
    hashJoins: true,
  },
  // The order rows each payout paid: through the swept rows' ORDER_SETTLEMENT groups, or in its own
  // ORDER_BANK groups (with the part the group took). `via` keeps the two apart, as the drill-down
  // lists them.
  {
    sql: `CREATE TEMP TABLE rpt_order_row ON COMMIT DROP AS
      SELECT DISTINCT s.pside, s.pid, 'S' AS via, oi."rowId" AS "orderId", NULL::numeric AS paid
        FROM rpt_swept s
        JOIN "MatchItem" li ON li."orgId" = $1 AND li.side = s.side AND li."rowId" = s."rowId" AND li.slot = 'UP'
        JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = li."groupId" AND g.link = 'ORDER_SETTLEMENT'
        JOIN "MatchItem" oi ON oi."orgId" = $1 AND oi."groupId" = g.id AND oi.side = 'ORDER'
       WHERE ${COUNTING}
      UNION ALL
      SELECT pg.side, pg.id, 'B', oi."rowId", sum(-oi."amountMinor")
        FROM rpt_payout_group pg
        JOIN "MatchItem" oi ON oi."orgId" = $1 AND oi."groupId" = pg.gid AND oi.side = 'ORDER'
       WHERE pg.link = 'ORDER_BANK'
       GROUP BY 1, 2, 4`,
    params: org,
  },
  // Per payout, its orders (store + trimmed order number, as the receivables count them) and stores
  // (counted per store first, so the last step hashes a few groups).
  {
    sql: `CREATE TEMP TABLE rpt_order_sums ON COMMIT DROP AS
      SELECT pside, pid, sum(n)::bigint AS orders, COALESCE(sum(paid), 0) AS sales, array_agg(store) AS stores
        FROM (SELECT pside, pid, store, count(*) AS n, sum(paid) AS paid
                FROM (SELECT r.pside, r.pid, r.via, o."storeId" AS store, btrim(o."orderNo"), sum(r.paid) AS paid
                        FROM rpt_order_row r JOIN "Order" o ON o."orgId" = $1 AND o.id = r."orderId"
                       GROUP BY 1, 2, 3, 4, 5) po
               GROUP BY 1, 2, 3) per_store
       GROUP BY pside, pid`,
    params: org,
    hashJoins: true,
  },
  // The adjustments of its ORDER_BANK groups (commission kept back …).
  {
    sql: `CREATE TEMP TABLE rpt_adjustment_sums ON COMMIT DROP AS
      SELECT pg.side AS pside, pg.id AS pid, count(*) AS adjustments,
             COALESCE(sum(a."amountMinor") FILTER (WHERE a.type IN ('COMMISSION', 'SERVICE_FEE', 'PROMOTION', 'FEE')), 0) AS fees,
             COALESCE(sum(a."amountMinor") FILTER (WHERE a.type = 'REFUND'), 0) AS refunds,
             COALESCE(-sum(a."amountMinor") FILTER (WHERE a.type NOT IN ('COMMISSION', 'SERVICE_FEE', 'PROMOTION', 'FEE', 'REFUND')), 0) AS other
        FROM rpt_payout_group pg JOIN "MatchAdjustment" a ON a."orgId" = $1 AND a."groupId" = pg.gid
       WHERE pg.link = 'ORDER_BANK'
       GROUP BY 1, 2`,
    params: org,
  },
  // Its PAYOUT_BANK groups: what they took of it and what arrived (the whole receipt when the group
  // holds only this payout; else its share less the adjustments about it), on which day, where.
  {
    sql: `CREATE TEMP TABLE rpt_bank_sums ON COMMIT DROP AS
      WITH groups AS (SELECT DISTINCT gid FROM rpt_payout_group WHERE link = 'PAYOUT_BANK'),
      items AS (
        SELECT x."groupId" AS gid, count(*) FILTER (WHERE x.slot = 'DOWN') AS payouts,
               COALESCE(sum(x."amountMinor") FILTER (WHERE x.side = 'BANK' AND x.slot = 'UP'), 0) AS bank
          FROM groups JOIN "MatchItem" x ON x."orgId" = $1 AND x."groupId" = groups.gid
         GROUP BY 1
      ),
      adjustments AS (
        SELECT a."groupId" AS gid, a."aboutSide", a."aboutRowId", sum(a."amountMinor") AS own
          FROM groups JOIN "MatchAdjustment" a ON a."orgId" = $1 AND a."groupId" = groups.gid
         GROUP BY 1, 2, 3
      ),
      receipts AS (
        SELECT x."groupId" AS gid, max(b."occurredOn") AS day, min(b."fundAccountId"::text)::uuid AS account
          FROM groups
          JOIN "MatchItem" x ON x."orgId" = $1 AND x."groupId" = groups.gid AND x.side = 'BANK' AND x.slot = 'UP'
          JOIN "BankTransaction" b ON b."orgId" = $1 AND b.id = x."rowId"
         GROUP BY 1
      )
      SELECT pg.side AS pside, pg.id AS pid, count(*) AS receipts, sum(-pg.taken) AS taken,
             sum(CASE WHEN n.payouts = 1 THEN n.bank ELSE -pg.taken - COALESCE(adj.own, 0) END) AS received,
             max(r.day) AS day, min(r.account::text)::uuid AS account
        FROM rpt_payout_group pg
        JOIN items n ON n.gid = pg.gid
        LEFT JOIN adjustments adj ON adj.gid = pg.gid AND adj."aboutSide" = pg.side AND adj."aboutRowId" = pg.id
        LEFT JOIN receipts r ON r.gid = pg.gid
       WHERE pg.link = 'PAYOUT_BANK'
       GROUP BY 1, 2`,
    params: org,
  },
];

const INSERT_PAYOUTS = `
  INSERT INTO "ReportPayout" ("orgId", side, "payoutId", day, reference, currency, direct, "accountId", "storeIds", "amountMinor", orders, lines,
                              "salesMinor", "feesMinor", "refundsMinor", "otherMinor", "receivedOn", "receivedMinor", "receivedAccountId", "takenMinor", "detailRows")
  SELECT $1, p.side, p.id, p.day, p.reference, p.currency, p.direct, p.own_account,
         ARRAY(SELECT DISTINCT s FROM unnest(array_remove(ARRAY[p.own_store], NULL) || COALESCE(ls.stores, '{}') || COALESCE(os.stores, '{}')) s WHERE s IS NOT NULL),
         p.amount, COALESCE(os.orders, 0), COALESCE(ls.lines, 0),
         COALESCE(ls.sales, 0) + COALESCE(os.sales, 0),
         COALESCE(ls.fees, 0) + COALESCE(ad.fees, 0),
         COALESCE(ls.refunds, 0) + COALESCE(ad.refunds, 0),
         COALESCE(ls.other, 0) + COALESCE(ad.other, 0),
         CASE WHEN p.direct THEN p.day ELSE bs.day END,
         CASE WHEN p.direct THEN p.amount ELSE COALESCE(bs.received, 0) END,
         CASE WHEN p.direct THEN p.own_account ELSE bs.account END,
         CASE WHEN p.direct THEN p.amount ELSE COALESCE(bs.taken, 0) END,
         CASE WHEN p.direct THEN 1 ELSE 0 END + COALESCE(bs.receipts, 0) + COALESCE(ls.lines, 0) + COALESCE(os.orders, 0) + COALESCE(ad.adjustments, 0)
    FROM rpt_payout p
    LEFT JOIN rpt_line_sums ls ON ls.pside = p.side AND ls.pid = p.id
    LEFT JOIN rpt_order_sums os ON os.pside = p.side AND os.pid = p.id
    LEFT JOIN rpt_adjustment_sums ad ON ad.pside = p.side AND ad.pid = p.id
    LEFT JOIN rpt_bank_sums bs ON bs.pside = p.side AND bs.pid = p.id`;

/** The company's wallet words, read on the rebuild's own connection and snapshot. */
async function wordsOf(client: pg.PoolClient, orgId: string): Promise<PayoutWords> {
  const { rows } = await client.query<{ rules: object; version: number }>(`SELECT rules, version FROM "ReconcileRuleSet" WHERE "orgId" = $1`, [orgId]);
  const stored = rows[0];
  return payoutWordsOf(stored ? parseRules({ ...stored.rules, version: `org-v${stored.version}` }) : defaultRules());
}

export async function rebuildPayoutRollup(client: pg.PoolClient, orgId: string): Promise<void> {
  const words = await wordsOf(client, orgId);
  for (const step of STEPS) {
    if (step.hashJoins) await client.query("SET LOCAL enable_nestloop = off");
    await client.query(step.sql, [orgId, ...step.params(words)]);
    if (step.hashJoins) await client.query("SET LOCAL enable_nestloop = on");
    await client.query(`ANALYZE ${/CREATE TEMP TABLE (\w+)/.exec(step.sql)![1]}`);
  }
  await client.query(`DELETE FROM "ReportPayout" WHERE "orgId" = $1`, [orgId]);
  await client.query(INSERT_PAYOUTS, [orgId]);
  // Dropped now, not at commit: the rebuild goes on in this transaction.
  await client.query(`DROP TABLE ${STEPS.map((step) => /CREATE TEMP TABLE (\w+)/.exec(step.sql)![1]).join(", ")}`);
}
