// The SQL that rebuilds an organization's OrderReceivable rows from the ledger: the same chain
// traceOrderChains (lib/match-engine/order-chain.ts) walks in memory, as set operations over the
// counting groups, so it runs over millions of orders in a few statements. Steps, each a temporary
// table the next one joins (ANALYZEd, so the planner knows their sizes):
//   rcv_order  one row per order (store + trimmed order number): its rows, dates, paid, refunded
//   rcv_item   its rows' items in counting order → bill and order → bank groups
//   rcv_gk     group × order: the order's items in the group, and whether the group is its alone
//   rcv_adj    the groups' adjustments that are the order's (about one of its rows, or in its own group)
//   rcv_line   the bill / wallet lines of its order → bill groups
//   rcv_payout counting payout groups: whether they reached the bank, and the day
// and one INSERT … SELECT that sums them and says the stage (see stageSql).
import { countingStatusSql } from "@/lib/ledger/counting-groups";
import { closedOrderSql } from "./closed-orders";
import { autoConfirmDaysSql } from "./expected-date";

const COUNTING = countingStatusSql("g.status");

export const RECEIVABLE_TEMP_TABLES: readonly string[] = [
  `CREATE TEMP TABLE rcv_order ON COMMIT DROP AS
   SELECT o."storeId", btrim(o."orderNo") AS "orderNo",
          min(o.id) AS "firstOrderId", count(*)::int AS "orderRows",
          min(o."orderedAt") AS "orderedAt", min(o."paidAt") AS "paidAt", max(o."confirmedAt") AS "confirmedAt",
          min(COALESCE(o."paidAt", o."orderedAt", o."confirmedAt"))::date AS day,
          sum(o."paidAmountMinor") AS paid, sum(o."refundMinor") AS "exportRefund", min(o.currency) AS currency,
          -- Marked 不参与对账 (an order closed without money), or closed by the platform: nothing to collect.
          bool_and(x."rowId" IS NOT NULL OR ${closedOrderSql("o")}) AS closed
     FROM "Order" o
     LEFT JOIN "ExcludedRow" x ON x."orgId" = $1 AND x.side = 'ORDER' AND x."rowId" = o.id
    WHERE o."orgId" = $1
    GROUP BY 1, 2`,
  `CREATE TEMP TABLE rcv_item ON COMMIT DROP AS
   SELECT i."groupId", g.link, o."storeId", btrim(o."orderNo") AS "orderNo", o.id AS "orderId", i."amountMinor"
     FROM "MatchItem" i
     JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
     JOIN "Order" o ON o."orgId" = $1 AND o.id = i."rowId"
    WHERE i."orgId" = $1 AND i.side = 'ORDER' AND ${COUNTING} AND g.link IN ('ORDER_SETTLEMENT', 'ORDER_BANK')`,
  `CREATE TEMP TABLE rcv_gk ON COMMIT DROP AS
   SELECT "groupId", link, "storeId", "orderNo", sum("amountMinor") AS "orderItems",
          count(*) OVER (PARTITION BY "groupId") = 1 AS single
     FROM rcv_item GROUP BY 1, 2, 3, 4`,
  // An adjustment about one of the order's rows is the order's; one about no row is the order's
  // when the group holds no other order's rows (as traceOrderChains decides).
  `CREATE TEMP TABLE rcv_adj ON COMMIT DROP AS
   SELECT k."storeId", k."orderNo", k."groupId", k.link, a.type, a."amountMinor"
     FROM "MatchAdjustment" a JOIN rcv_gk k ON k."groupId" = a."groupId"
    WHERE a."orgId" = $1 AND a."aboutSide" IS NULL AND k.single
   UNION ALL
   SELECT it."storeId", it."orderNo", it."groupId", it.link, a.type, a."amountMinor"
     FROM "MatchAdjustment" a
     JOIN (SELECT DISTINCT "groupId", link, "orderId", "storeId", "orderNo" FROM rcv_item) it
       ON it."groupId" = a."groupId" AND it."orderId" = a."aboutRowId"
    WHERE a."orgId" = $1 AND a."aboutSide" = 'ORDER'`,
  `CREATE TEMP TABLE rcv_line ON COMMIT DROP AS
   SELECT k."storeId", k."orderNo", i.side, i."rowId", i."amountMinor",
          COALESCE(s."occurredOn", b."occurredOn") AS day
     FROM rcv_gk k
     JOIN "MatchItem" i ON i."orgId" = $1 AND i."groupId" = k."groupId" AND i.side <> 'ORDER'
     LEFT JOIN "SettlementLine" s ON i.side = 'SETTLEMENT' AND s."orgId" = $1 AND s.id = i."rowId"
     LEFT JOIN "BankTransaction" b ON i.side = 'BANK' AND b."orgId" = $1 AND b.id = i."rowId"
    WHERE k.link = 'ORDER_SETTLEMENT'`,
  // A payout reached the bank when its receiving row is a bank account's, or is a withdrawal that a
  // withdrawal → bank group took; its day is that bank row's.
  `CREATE TEMP TABLE rcv_payout ON COMMIT DROP AS
   WITH bank_rows AS (
     SELECT b.id, b."occurredOn" FROM "BankTransaction" b
       JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = b."fundAccountId" AND f.type = 'BANK'
      WHERE b."orgId" = $1
   ), payout_items AS (
     SELECT i."groupId", i.side, i."rowId" FROM "MatchItem" i
       JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
      WHERE i."orgId" = $1 AND g.link = 'SETTLEMENT_PAYOUT' AND ${COUNTING}
   ), to_bank AS (
     SELECT i.side, i."rowId", max(br."occurredOn") AS day
       FROM "MatchItem" i
       JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
       LEFT JOIN "MatchItem" bi ON bi."orgId" = $1 AND bi."groupId" = g.id AND bi.side = 'BANK'
       LEFT JOIN bank_rows br ON br.id = bi."rowId"
      WHERE i."orgId" = $1 AND g.link = 'PAYOUT_BANK' AND ${COUNTING}
      GROUP BY 1, 2
   )
   SELECT p."groupId",
          bool_or((p.side = 'BANK' AND br.id IS NOT NULL) OR tb."rowId" IS NOT NULL) AS reached,
          max(COALESCE(CASE WHEN p.side = 'BANK' THEN br."occurredOn" END, tb.day)) AS day
     FROM payout_items p
     LEFT JOIN bank_rows br ON p.side = 'BANK' AND br.id = p."rowId"
     LEFT JOIN to_bank tb ON tb.side = p.side AND tb."rowId" = p."rowId"
    GROUP BY 1`,
  `CREATE TEMP TABLE rcv_line_payout ON COMMIT DROP AS
   SELECT l."storeId", l."orderNo", l."rowId", l.side, l."amountMinor", l.day,
          bool_or(po."groupId" IS NOT NULL) AS withdrawn, bool_or(COALESCE(po.reached, false)) AS reached, max(po.day) AS "bankDay"
     FROM rcv_line l
     LEFT JOIN "MatchItem" pi ON pi."orgId" = $1 AND pi.side = l.side AND pi."rowId" = l."rowId"
     LEFT JOIN rcv_payout po ON po."groupId" = pi."groupId"
    GROUP BY l."storeId", l."orderNo", l."rowId", l.side, l."amountMinor", l.day`,
  `CREATE TEMP TABLE rcv_direct ON COMMIT DROP AS
   SELECT k."storeId", k."orderNo", k."groupId", -k."orderItems" AS paid, max(br."occurredOn") AS day
     FROM rcv_gk k
     LEFT JOIN "MatchItem" bi ON bi."orgId" = $1 AND bi."groupId" = k."groupId" AND bi.side = 'BANK'
     LEFT JOIN "BankTransaction" br ON br."orgId" = $1 AND br.id = bi."rowId"
    WHERE k.link = 'ORDER_BANK'
    GROUP BY 1, 2, 3, 4`,
];

/**
 * The stage of an order, from its sums (see ReceivableStage in prisma/schema.prisma):
 * nothing to collect → REFUNDED; no counting group → OPEN (未到期 / 逾期未结算 by the as-of day);
 * a difference booked as OTHER → DIFFERENCE; less settled than expected, or part of it in the bank
 * → PARTIAL; all of it in the bank → RECEIVED; else SETTLED (in the wallet, not yet in the bank).
 */
const STAGE = `CASE
      WHEN t.closed OR t.paid - t.refunds <= 0 THEN 'REFUNDED'
      WHEN t."groupCount" = 0 THEN 'OPEN'
      WHEN t.difference <> 0 THEN 'DIFFERENCE'
      WHEN t.received >= t.expected AND t.received > 0 THEN 'RECEIVED'
      WHEN t.settled < t.expected OR t.received > 0 THEN 'PARTIAL'
      ELSE 'SETTLED' END::"ReceivableStage"`;

export const INSERT_RECEIVABLES = `
  INSERT INTO "OrderReceivable" ("orgId", "storeId", "orderNo", platform, currency, "firstOrderId", "orderRows",
    "orderedAt", "paidAt", "confirmedAt", day, "paidMinor", "refundMinor", "commissionMinor", "serviceFeeMinor",
    "promotionMinor", "otherFeesMinor", "badDebtMinor", "settledMinor", "withdrawnMinor", "receivedMinor",
    "differenceMinor", "outstandingMinor", stage, "expectedOn", "expectedBasis", "settledOn", "receivedOn", "groupCount")
  WITH adj AS (
    SELECT "storeId", "orderNo",
           sum(CASE WHEN type = 'REFUND' THEN "amountMinor" ELSE 0 END) AS refund,
           sum(CASE WHEN type = 'COMMISSION' THEN "amountMinor" ELSE 0 END) AS commission,
           sum(CASE WHEN type = 'SERVICE_FEE' THEN "amountMinor" ELSE 0 END) AS "serviceFee",
           sum(CASE WHEN type = 'PROMOTION' THEN "amountMinor" ELSE 0 END) AS promotion,
           sum(CASE WHEN type IN ('FEE', 'ROUNDING', 'FX') THEN "amountMinor" ELSE 0 END) AS "otherFees",
           sum(CASE WHEN type = 'BAD_DEBT' THEN "amountMinor" ELSE 0 END) AS "badDebt",
           sum(CASE WHEN type = 'OTHER' THEN "amountMinor" ELSE 0 END) AS other,
           sum(CASE WHEN link = 'ORDER_BANK' THEN "amountMinor" ELSE 0 END) AS kept
      FROM rcv_adj GROUP BY 1, 2
  ), lines AS (
    SELECT "storeId", "orderNo", sum("amountMinor") AS net,
           sum(CASE WHEN withdrawn THEN "amountMinor" ELSE 0 END) AS withdrawn,
           sum(CASE WHEN reached THEN "amountMinor" ELSE 0 END) AS "inBank",
           max(day) AS "settledOn", max("bankDay") AS "bankDay"
      FROM rcv_line_payout GROUP BY 1, 2
  ), direct AS (
    SELECT "storeId", "orderNo", sum(paid) AS paid, max(day) AS day FROM rcv_direct GROUP BY 1, 2
  ), groups AS (
    SELECT "storeId", "orderNo", count(*)::int AS n FROM rcv_gk GROUP BY 1, 2
  ), totals AS (
    SELECT o.*, s.platform, s."settlementTermsDays" AS terms, ${autoConfirmDaysSql("s")} AS "autoDays",
           COALESCE(a.commission, 0) AS commission, COALESCE(a."serviceFee", 0) AS "serviceFee",
           COALESCE(a.promotion, 0) AS promotion, COALESCE(a."otherFees", 0) AS "otherFees",
           COALESCE(a."badDebt", 0) AS "badDebt", COALESCE(a.other, 0) AS difference,
           COALESCE(gr.n, 0) AS "groupCount",
           -- The export's refund column, or what the groups explained as refunds when that is more
           -- (exports of some platforms carry no refund amount).
           GREATEST(o."exportRefund", COALESCE(a.refund, 0)) AS refunds,
           COALESCE(l.net, 0) + COALESCE(d.paid, 0) - COALESCE(a.kept, 0) AS settled,
           COALESCE(l.withdrawn, 0) + COALESCE(d.paid, 0) - COALESCE(a.kept, 0) AS withdrawn,
           COALESCE(l."inBank", 0) + COALESCE(d.paid, 0) - COALESCE(a.kept, 0) AS received,
           COALESCE(l."settledOn", d.day) AS "settledOn",
           CASE WHEN d.paid IS NOT NULL THEN GREATEST(d.day, l."bankDay") ELSE l."bankDay" END AS "receivedOn"
      FROM rcv_order o
      JOIN "Store" s ON s."orgId" = $1 AND s.id = o."storeId"
      LEFT JOIN adj a ON a."storeId" = o."storeId" AND a."orderNo" = o."orderNo"
      LEFT JOIN lines l ON l."storeId" = o."storeId" AND l."orderNo" = o."orderNo"
      LEFT JOIN direct d ON d."storeId" = o."storeId" AND d."orderNo" = o."orderNo"
      LEFT JOIN groups gr ON gr."storeId" = o."storeId" AND gr."orderNo" = o."orderNo"
  ), expecting AS (
    SELECT t0.*, t0.paid - t0.refunds - t0.commission - t0."serviceFee" - t0.promotion - t0."otherFees" - t0."badDebt" AS expected
      FROM totals t0
  )
  SELECT $1::uuid, t."storeId", t."orderNo", t.platform, t.currency, t."firstOrderId", t."orderRows",
         t."orderedAt", t."paidAt", t."confirmedAt", t.day, t.paid, t.refunds, t.commission, t."serviceFee",
         t.promotion, t."otherFees", t."badDebt", t.settled, t.withdrawn, t.received, t.difference,
         CASE WHEN t.closed OR t.paid - t.refunds <= 0 THEN 0
              ELSE GREATEST(t.expected - t.received, 0) END,
         ${STAGE},
         CASE WHEN t."settledOn" IS NOT NULL THEN t."settledOn"
              WHEN t."confirmedAt" IS NOT NULL THEN t."confirmedAt"::date + t.terms
              WHEN t."paidAt" IS NOT NULL THEN t."paidAt"::date + t."autoDays" + t.terms END,
         CASE WHEN t."settledOn" IS NOT NULL THEN 'SETTLEMENT'
              WHEN t."confirmedAt" IS NOT NULL THEN 'CONFIRMED'
              WHEN t."paidAt" IS NOT NULL THEN 'AUTO_CONFIRM' END::"ExpectedBasis",
         t."settledOn", t."receivedOn", t."groupCount"
    FROM expecting t`;
