// The SQL that rebuilds an organization's OrderReceivable rows from the ledger: the same chain
// traceOrderChains (lib/match-engine/order-chain.ts) walks in memory, as set operations over the
// counting groups, so it runs over millions of orders in a few statements. Each step is a temporary
// table the next one joins (ANALYZEd, so the planner knows its size). An order is keyed by `k`, the
// smallest id of its rows: every join after the first is on one bigint, not on store and order text.
//   rcv_order   one row per order (store + trimmed order number): its rows, dates, paid, refunded
//   rcv_key     each order row's id → its order's k
//   rcv_gk      group × order: the order's items in its counting order → bill and order → bank groups,
//               and whether the group is the order's alone
//   rcv_adj     the groups' adjustments that are the order's (about one of its rows, or in its own group)
//   rcv_line    the bill / wallet lines of its order → bill groups, with their day
//   rcv_payout  counting payout groups: whether they reached the bank, and the day
//   rcv_line_payout  each line: swept by a payout? that payout in the bank?
//   rcv_direct  order → bank groups: the order's share and the day
// then one INSERT … SELECT that sums them and says the stage (STAGE), and the cube (INSERT_CUBE).
import { orderBusinessDaySql } from "@/lib/ledger/business-day";
import { countingStatusSql } from "@/lib/ledger/counting-groups";
import { closedOrderSql } from "./closed-orders";
import { autoConfirmDaysSql } from "./expected-date";
import { SETTLED_UP_STAGES } from "./receivable-status";

const COUNTING = countingStatusSql("g.status");

export const RECEIVABLE_TEMP_TABLES: readonly string[] = [
  `CREATE TEMP TABLE rcv_order ON COMMIT DROP AS
   SELECT min(o.id) AS k, o."storeId", btrim(o."orderNo") AS "orderNo", count(*)::int AS "orderRows",
          min(o."orderedAt") AS "orderedAt", min(o."paidAt") AS "paidAt", max(o."confirmedAt") AS "confirmedAt",
          min(${orderBusinessDaySql("o")})::date AS day,
          sum(o."paidAmountMinor") AS paid, sum(o."refundMinor") AS "exportRefund", min(o.currency) AS currency,
          -- Marked 不参与对账 (an order closed without money), or closed by the platform: nothing to collect.
          bool_and(x."rowId" IS NOT NULL OR ${closedOrderSql("o")}) AS closed,
          CASE WHEN count(*) > 1 THEN array_agg(o.id) END AS ids
     FROM "Order" o
     LEFT JOIN "ExcludedRow" x ON x."orgId" = $1 AND x.side = 'ORDER' AND x."rowId" = o.id
    WHERE o."orgId" = $1
    GROUP BY o."storeId", btrim(o."orderNo")`,
  `CREATE TEMP TABLE rcv_key ON COMMIT DROP AS
   SELECT k AS "orderId", k FROM rcv_order WHERE ids IS NULL
   UNION ALL
   SELECT unnest(ids), k FROM rcv_order WHERE ids IS NOT NULL`,
  `CREATE TEMP TABLE rcv_gk ON COMMIT DROP AS
   SELECT i."groupId", min(g.link) AS link, rk.k, sum(i."amountMinor") AS "orderItems"
     FROM "MatchItem" i
     JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
     JOIN rcv_key rk ON rk."orderId" = i."rowId"
    WHERE i."orgId" = $1 AND i.side = 'ORDER' AND ${COUNTING} AND g.link IN ('ORDER_SETTLEMENT', 'ORDER_BANK')
    GROUP BY i."groupId", rk.k`,
  `CREATE TEMP TABLE rcv_single ON COMMIT DROP AS
   SELECT "groupId" FROM rcv_gk GROUP BY "groupId" HAVING count(*) = 1`,
  // An adjustment about one of the order's rows is the order's; one about no row is the order's
  // when the group holds no other order's rows (as traceOrderChains decides).
  `CREATE TEMP TABLE rcv_adj ON COMMIT DROP AS
   SELECT k.k, k.link, a.type, a."amountMinor"
     FROM "MatchAdjustment" a JOIN rcv_gk k ON k."groupId" = a."groupId" JOIN rcv_single s ON s."groupId" = a."groupId"
    WHERE a."orgId" = $1 AND a."aboutSide" IS NULL
   UNION ALL
   SELECT k.k, k.link, a.type, a."amountMinor"
     FROM "MatchAdjustment" a
     JOIN rcv_key rk ON rk."orderId" = a."aboutRowId"
     JOIN rcv_gk k ON k."groupId" = a."groupId" AND k.k = rk.k
    WHERE a."orgId" = $1 AND a."aboutSide" = 'ORDER'`,
  `CREATE TEMP TABLE rcv_line ON COMMIT DROP AS
   SELECT k.k, i.side, i."rowId", i."amountMinor", COALESCE(s."occurredOn", b."occurredOn") AS day
     FROM rcv_gk k
     JOIN "MatchItem" i ON i."orgId" = $1 AND i."groupId" = k."groupId" AND i.side <> 'ORDER'
     LEFT JOIN "SettlementLine" s ON i.side = 'SETTLEMENT' AND s."orgId" = $1 AND s.id = i."rowId"
     LEFT JOIN "BankTransaction" b ON i.side = 'BANK' AND b."orgId" = $1 AND b.id = i."rowId"
    WHERE k.link = 'ORDER_SETTLEMENT'`,
  `CREATE TEMP TABLE rcv_payout_item ON COMMIT DROP AS
   SELECT i."groupId", i.side, i."rowId" FROM "MatchItem" i
     JOIN "MatchGroup" g ON g."orgId" = $1 AND g.id = i."groupId"
    WHERE i."orgId" = $1 AND g.link = 'SETTLEMENT_PAYOUT' AND ${COUNTING}`,
  // A payout reached the bank when its receiving row is a bank account's, or is a withdrawal that a
  // withdrawal → bank group took; its day is that bank row's.
  `CREATE TEMP TABLE rcv_payout ON COMMIT DROP AS
   WITH bank_rows AS (
     SELECT b.id, b."occurredOn" FROM "BankTransaction" b
       JOIN "FundAccount" f ON f."orgId" = $1 AND f.id = b."fundAccountId" AND f.type = 'BANK'
      WHERE b."orgId" = $1
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
     FROM rcv_payout_item p
     LEFT JOIN bank_rows br ON p.side = 'BANK' AND br.id = p."rowId"
     LEFT JOIN to_bank tb ON tb.side = p.side AND tb."rowId" = p."rowId"
    GROUP BY 1`,
  `CREATE TEMP TABLE rcv_line_payout ON COMMIT DROP AS
   SELECT l.k, l."amountMinor", l.day,
          bool_or(pi."groupId" IS NOT NULL) AS withdrawn, bool_or(COALESCE(po.reached, false)) AS reached, max(po.day) AS "bankDay"
     FROM rcv_line l
     LEFT JOIN rcv_payout_item pi ON pi.side = l.side AND pi."rowId" = l."rowId"
     LEFT JOIN rcv_payout po ON po."groupId" = pi."groupId"
    GROUP BY l.k, l.side, l."rowId", l."amountMinor", l.day`,
  `CREATE TEMP TABLE rcv_direct ON COMMIT DROP AS
   SELECT k.k, k."groupId", -k."orderItems" AS paid, max(br."occurredOn") AS day
     FROM rcv_gk k
     LEFT JOIN "MatchItem" bi ON bi."orgId" = $1 AND bi."groupId" = k."groupId" AND bi.side = 'BANK'
     LEFT JOIN "BankTransaction" br ON br."orgId" = $1 AND br.id = bi."rowId"
    WHERE k.link = 'ORDER_BANK'
    GROUP BY 1, 2, 3`,
];

/**
 * The stage of an order, from its sums (see ReceivableStage in prisma/schema.prisma):
 * nothing to collect (closed, refunded, written off) → REFUNDED; no counting group → OPEN (未到期 / 逾期未结算 by the as-of day);
 * a difference booked as OTHER → DIFFERENCE; all of it in the bank → RECEIVED; less settled than
 * expected, or part of it in the bank → PARTIAL; else SETTLED (in the wallet, not yet in the bank).
 */
// Closed, refunded in full, or what is left written off as bad debt (lib/match-review/write-off-order.ts).
const NOTHING_TO_COLLECT = `(t.closed OR t.paid - t.refunds <= 0 OR (t."badDebt" > 0 AND t.expected <= t.received))`;
const STAGE = `CASE
      WHEN ${NOTHING_TO_COLLECT} THEN 'REFUNDED'
      WHEN t."groupCount" = 0 THEN 'OPEN'
      WHEN t.difference <> 0 THEN 'DIFFERENCE'
      WHEN t.received >= t.expected AND t.received > 0 THEN 'RECEIVED'
      WHEN t.settled < t.expected OR t.received > 0 THEN 'PARTIAL'
      ELSE 'SETTLED' END`;
const OUTSTANDING = `CASE WHEN ${NOTHING_TO_COLLECT} THEN 0 ELSE GREATEST(t.expected - t.received, 0) END`;
const EXPECTED_ON = `CASE WHEN t."settledOn" IS NOT NULL THEN t."settledOn"
              WHEN t."confirmedAt" IS NOT NULL THEN t."confirmedAt"::date + t.terms
              WHEN t."paidAt" IS NOT NULL THEN t."paidAt"::date + t."autoDays" + t.terms END`;

export const INSERT_RECEIVABLES = `
  INSERT INTO "OrderReceivable" ("orgId", "storeId", "orderNo", platform, currency, "firstOrderId", "orderRows",
    "orderedAt", "paidAt", "confirmedAt", day, "paidMinor", "refundMinor", "commissionMinor", "serviceFeeMinor",
    "promotionMinor", "otherFeesMinor", "badDebtMinor", "settledMinor", "withdrawnMinor", "receivedMinor",
    "differenceMinor", "outstandingMinor", stage, aging, "expectedOn", "expectedBasis", "settledOn", "receivedOn", "groupCount")
  WITH adj AS (
    SELECT k,
           sum(CASE WHEN type = 'REFUND' THEN "amountMinor" ELSE 0 END) AS refund,
           sum(CASE WHEN type = 'COMMISSION' THEN "amountMinor" ELSE 0 END) AS commission,
           sum(CASE WHEN type = 'SERVICE_FEE' THEN "amountMinor" ELSE 0 END) AS "serviceFee",
           sum(CASE WHEN type = 'PROMOTION' THEN "amountMinor" ELSE 0 END) AS promotion,
           sum(CASE WHEN type IN ('FEE', 'ROUNDING', 'FX') THEN "amountMinor" ELSE 0 END) AS "otherFees",
           sum(CASE WHEN type = 'BAD_DEBT' THEN "amountMinor" ELSE 0 END) AS "badDebt",
           sum(CASE WHEN type = 'OTHER' THEN "amountMinor" ELSE 0 END) AS other,
           sum(CASE WHEN link = 'ORDER_BANK' THEN "amountMinor" ELSE 0 END) AS kept
      FROM rcv_adj GROUP BY k
  ), lines AS (
    SELECT k, sum("amountMinor") AS net,
           sum(CASE WHEN withdrawn THEN "amountMinor" ELSE 0 END) AS withdrawn,
           sum(CASE WHEN reached THEN "amountMinor" ELSE 0 END) AS "inBank",
           max(day) AS "settledOn", max("bankDay") AS "bankDay"
      FROM rcv_line_payout GROUP BY k
  ), direct AS (
    SELECT k, sum(paid) AS paid, max(day) AS day FROM rcv_direct GROUP BY k
  ), groups AS (
    SELECT k, count(*)::int AS n FROM rcv_gk GROUP BY k
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
      LEFT JOIN adj a ON a.k = o.k
      LEFT JOIN lines l ON l.k = o.k
      LEFT JOIN direct d ON d.k = o.k
      LEFT JOIN groups gr ON gr.k = o.k
  ), expecting AS (
    SELECT t0.*, t0.paid - t0.refunds - t0.commission - t0."serviceFee" - t0.promotion - t0."otherFees" - t0."badDebt" AS expected
      FROM totals t0
  ), staged AS (
    SELECT t.*, ${STAGE} AS stage, ${OUTSTANDING} AS outstanding, ${EXPECTED_ON} AS "expectedOn" FROM expecting t
  )
  SELECT $1::uuid, t."storeId", t."orderNo", t.platform, t.currency, t.k, t."orderRows",
         t."orderedAt", t."paidAt", t."confirmedAt", t.day, t.paid, t.refunds, t.commission, t."serviceFee",
         t.promotion, t."otherFees", t."badDebt", t.settled, t.withdrawn, t.received, t.difference,
         t.outstanding, t.stage::"ReceivableStage",
         -- aging (receivable-status.ts agingSql): money still to arrive, by an expected day.
         t.stage NOT IN (${SETTLED_UP_STAGES.map((stage) => `'${stage}'`).join(", ")}) AND t.outstanding > 0 AND t."expectedOn" IS NOT NULL,
         t."expectedOn",
         CASE WHEN t."settledOn" IS NOT NULL THEN 'SETTLEMENT'
              WHEN t."confirmedAt" IS NOT NULL THEN 'CONFIRMED'
              WHEN t."paidAt" IS NOT NULL THEN 'AUTO_CONFIRM' END::"ExpectedBasis",
         t."settledOn", t."receivedOn", t."groupCount"
    FROM staged t`;

/** An order whose days from 确认收货 to the bank count in DSO: fully received, both dates known. */
const DSO_ROW = `stage = 'RECEIVED' AND "confirmedAt" IS NOT NULL AND "receivedOn" IS NOT NULL`;

/** The cube (ReceivableCube) of the rows just inserted. */
export const INSERT_CUBE = `
  INSERT INTO "ReceivableCube" ("orgId", "storeId", platform, stage, aging, "expectedOn", day, orders, "paidMinor", "refundMinor",
    "commissionMinor", "serviceFeeMinor", "promotionMinor", "otherFeesMinor", "badDebtMinor", "settledMinor", "withdrawnMinor",
    "receivedMinor", "differenceMinor", "outstandingMinor", "dsoDays", "dsoOrders")
  SELECT "orgId", "storeId", platform, stage, aging, "expectedOn", day, count(*)::int, sum("paidMinor"), sum("refundMinor"),
         sum("commissionMinor"), sum("serviceFeeMinor"), sum("promotionMinor"), sum("otherFeesMinor"), sum("badDebtMinor"),
         sum("settledMinor"), sum("withdrawnMinor"), sum("receivedMinor"), sum("differenceMinor"), sum("outstandingMinor"),
         COALESCE(sum("receivedOn" - "confirmedAt"::date) FILTER (WHERE ${DSO_ROW}), 0),
         count(*) FILTER (WHERE ${DSO_ROW})::int
    FROM "OrderReceivable" WHERE "orgId" = $1
   GROUP BY "orgId", "storeId", platform, stage, aging, "expectedOn", day`;
