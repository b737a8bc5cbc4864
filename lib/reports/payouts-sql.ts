// The SQL behind 结算明细 (payouts): which rows are payouts, and what the counting groups (lib/ledger/
// counting-groups.ts) say each one paid and where it arrived. Following the chain of
// lib/match-engine/README.md:
//   a payout is a bill's WITHDRAWAL line (PDD 提现), a wallet row taking money out whose memo says
//   提现 (the engine's isWalletWithdrawal, with the company's words), or a bank receipt that a
//   counting group ties straight to bill lines (SETTLEMENT_PAYOUT) or orders (ORDER_BANK): platforms
//   that pay the bank themselves (JD, Douyin);
//   what it paid: the DOWN end of its SETTLEMENT_PAYOUT groups (the lines it swept, each by the part
//   the group took), their orders through the lines' ORDER_SETTLEMENT groups; for ORDER_BANK, the
//   orders of the group and its adjustments (commission kept back …);
//   where it arrived: the bank rows of its PAYOUT_BANK groups (a payout straight to the bank is its
//   own receipt). What no PAYOUT_BANK group took yet is in transit.
// A payout's reference is its number: the bill's payout id, the wallet's 业务流水号, or for a receipt
// its bank serial, else its memo (where the platforms write their 结算单号).
//
// The parts: PAYOUTS_SELECT_CTE picks every payout of the company and SWEPT_KIND classifies what a
// payout swept, for the rollup's rebuild (rollups/payout-rollup.ts, which follows every payout at
// once in temporary tables); PAYOUT_FOLLOW_CTE follows the rows of a CTE named `payout` through the
// groups the same way, for one payout (the drill-down, which takes it from ReportPayout). The
// rollup's test checks the two ways give the same figures.
// Parameters: PAYOUTS_SELECT_CTE $1 org, $2 withdrawal words; PAYOUT_FOLLOW_CTE $1 org, $2 refund
// words, $3 fee words (wallet lines carry no type: their memo says it, as the engine reads it).
import { orderBusinessDaySql } from "@/lib/ledger/business-day";
import { countingStatusSql } from "@/lib/ledger/counting-groups";
import type { ReconcileRules } from "@/lib/match-engine";

export const COUNTING = countingStatusSql("g.status");
// A word list is passed as LIKE patterns (payoutWordsOf): one array operator, no subquery per row.
const HAS_WORD = (column: string, param: string) => `${column} LIKE ANY (${param}::text[])`;

/** `payout`: every payout of the company (side, id, own_store, own_account, day, amount, currency, reference, direct). */
export const PAYOUTS_SELECT_CTE = `
  payout AS (
    SELECT 'SETTLEMENT'::"MatchSide" AS side, l.id, l."storeId" AS own_store, NULL::uuid AS own_account, l."occurredOn" AS day,
           -l."amountMinor" AS amount, l.currency, COALESCE(l."payoutId", l.reference) AS reference, false AS direct
      FROM "SettlementLine" l
     WHERE l."orgId" = $1 AND l."lineType" = 'WITHDRAWAL'
    UNION ALL
    SELECT 'BANK'::"MatchSide", b.id, NULL::uuid, b."fundAccountId", b."occurredOn", -b."amountMinor", b.currency,
           COALESCE(b."secondaryReference", b.reference), false
      FROM "BankTransaction" b JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = b."fundAccountId"
     WHERE b."orgId" = $1 AND f.type <> 'BANK' AND b."amountMinor" < 0
       AND ${HAS_WORD("b.memo", "$2")}
    UNION ALL
    SELECT 'BANK'::"MatchSide", b.id, NULL::uuid, b."fundAccountId", b."occurredOn", b."amountMinor", b.currency,
           COALESCE(b.reference, b.memo), true
      FROM "BankTransaction" b JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = b."fundAccountId"
     WHERE b."orgId" = $1 AND f.type = 'BANK' AND b."amountMinor" > 0
       AND EXISTS (SELECT 1 FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
                    WHERE i.side = 'BANK' AND i."rowId" = b.id AND i."orgId" = $1 AND g.link IN ('SETTLEMENT_PAYOUT', 'ORDER_BANK') AND ${COUNTING})
  )`;

/**
 * What a swept row counts as in the payout — sales, fees, refunds or other — by its bill line's type
 * (`i` its match item, `l` its SettlementLine), or for a wallet row (`b`) by the words of its memo.
 * $2 refund words, $3 fee words.
 */
export const SWEPT_KIND = `CASE WHEN i.side = 'SETTLEMENT' THEN
                  CASE WHEN l."lineType" = 'SALE' THEN 'sales' WHEN l."lineType" = 'REFUND' THEN 'refunds'
                       WHEN l."lineType" IN ('COMMISSION', 'SERVICE_FEE', 'PROMOTION') THEN 'fees' ELSE 'other' END
                WHEN ${HAS_WORD("b.memo", "$2")} THEN 'refunds'
                WHEN ${HAS_WORD("b.memo", "$3")} THEN 'fees'
                WHEN b."amountMinor" > 0 THEN 'sales' ELSE 'other' END`;

/** Follows `payout` (side, id, …) through the counting groups: pg, pl, po, pa, pb below. */
export const PAYOUT_FOLLOW_CTE = `
  pg AS (
    SELECT p.side, p.id, g.id AS gid, g.link, i."amountMinor" AS taken
      FROM payout p
      JOIN "MatchItem" i ON i.side = p.side AND i."rowId" = p.id AND i."orgId" = $1
      JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
     WHERE ${COUNTING}
  ),
  pl AS (
    SELECT pg.side AS pside, pg.id AS pid, i.side, i."rowId", -i."amountMinor" AS flow,
           ${SWEPT_KIND} AS kind,
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
      JOIN (SELECT r.id, r."storeId", r."orderNo", ${orderBusinessDaySql("r")}::date AS "occurredDay" FROM "Order" r WHERE r."orgId" = $1) o ON o.id = x."orderId"
     GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT pg.side, pg.id, o."storeId", btrim(o."orderNo"), min(${orderBusinessDaySql("o")}::date), sum(-oi."amountMinor")
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
  -- The groups' facts are summed per group first (joins, not a lookup per payout).
  pb_groups AS (SELECT DISTINCT pg.gid FROM pg WHERE pg.link = 'PAYOUT_BANK'),
  pb_items AS (
    SELECT x."groupId" AS gid, count(*) FILTER (WHERE x.slot = 'DOWN') AS payouts,
           COALESCE(sum(x."amountMinor") FILTER (WHERE x.side = 'BANK' AND x.slot = 'UP'), 0) AS bank
      FROM pb_groups pbg JOIN "MatchItem" x ON x."orgId" = $1 AND x."groupId" = pbg.gid
     GROUP BY x."groupId"
  ),
  pb_adjustments AS (
    SELECT a."groupId" AS gid, a."aboutSide", a."aboutRowId", sum(a."amountMinor") AS own
      FROM pb_groups pbg JOIN "MatchAdjustment" a ON a."orgId" = $1 AND a."groupId" = pbg.gid
     GROUP BY a."groupId", a."aboutSide", a."aboutRowId"
  ),
  pb_receipts AS (
    SELECT x."groupId" AS gid, max(b."occurredOn") AS day, min(b."fundAccountId"::text)::uuid AS account, min(f.name) AS account_name,
           string_agg(DISTINCT COALESCE(b.reference, b.memo), '、') AS reference
      FROM pb_groups pbg
      JOIN "MatchItem" x ON x."orgId" = $1 AND x."groupId" = pbg.gid AND x.side = 'BANK' AND x.slot = 'UP'
      JOIN "BankTransaction" b ON b."orgId" = $1 AND b.id = x."rowId"
      JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = b."fundAccountId"
     GROUP BY x."groupId"
  ),
  pb AS (
    SELECT pg.side AS pside, pg.id AS pid, pg.gid, -pg.taken AS taken,
           CASE WHEN n.payouts = 1 THEN n.bank ELSE -pg.taken - COALESCE(adj.own, 0) END AS received,
           r.day, r.account, r.account_name, r.reference
      FROM pg
      JOIN pb_items n ON n.gid = pg.gid
      LEFT JOIN pb_adjustments adj ON adj.gid = pg.gid AND adj."aboutSide" = pg.side AND adj."aboutRowId" = pg.id
      LEFT JOIN pb_receipts r ON r.gid = pg.gid
     WHERE pg.link = 'PAYOUT_BANK'
  )`;

/**
 * The company's wallet words the payouts read (lib/match-rules): which wallet rows are withdrawals,
 * refunds, fees. Each word as a LIKE pattern matching a memo that contains it.
 */
export type PayoutWords = { withdrawal: string[]; refund: string[]; fee: string[] };

const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function payoutWordsOf(rules: ReconcileRules): PayoutWords {
  const words = rules.walletKeywords;
  return {
    withdrawal: words.WITHDRAWAL.map(containing),
    refund: words.REFUND.map(containing),
    fee: [...words.COMMISSION, ...words.SERVICE_FEE, ...words.PROMOTION].map(containing),
  };
}
