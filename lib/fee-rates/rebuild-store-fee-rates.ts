// Rebuilds StoreFeeRate: each store's usual rate per fee type (usual-fee-rates.ts) from its most
// recent confirmed orders. Run by the receivables job with the report rollups
// (lib/reports/rollups/refresh-report-rollups.ts), in its transaction: the rates move with the
// ledger, and the web server never works them out.
//
// What an order's fees are, by where the money went:
//   - an order booked against its bill or wallet lines (ORDER_SETTLEMENT): the lines themselves,
//     typed by the platform's words (the memo up to the order number Alipay appends in brackets);
//   - an order booked straight against a payout (ORDER_BANK: JD, Douyin): the commission adjustment
//     the group records about it, against what the buyer paid.
// Only the last RECENT_ORDERS confirmed groups per store are read, so the cost does not grow with
// history and the rate follows the store's current contract.
import type pg from "pg";
import { usualFeeRates, type OrderLineFact } from "./usual-fee-rates";
import type { SettlementLineType } from "@/lib/import/types";

export const RECENT_ORDERS = 5000;

type LineRow = { storeId: string; groupId: string; lineType: SettlementLineType | null; text: string; amountMinor: string };

const RECENT_GROUPS_SQL = (link: string) => `
  SELECT id, "storeIds"[1] AS "storeId" FROM (
    SELECT id, "storeIds", row_number() OVER (PARTITION BY "storeIds"[1] ORDER BY "decidedAt" DESC, id DESC) AS n
      FROM "MatchGroup"
     WHERE "orgId" = $1 AND status = 'CONFIRMED' AND link = '${link}' AND cardinality("storeIds") = 1) g
   WHERE n <= ${RECENT_ORDERS}`;

export async function rebuildStoreFeeRates(client: pg.PoolClient, orgId: string): Promise<void> {
  const { rows: lines } = await client.query<LineRow>(
    `WITH recent AS (${RECENT_GROUPS_SQL("ORDER_SETTLEMENT")})
     SELECT r."storeId", r.id::text AS "groupId", l."lineType"::text AS "lineType", split_part(COALESCE(l.memo, ''), '[', 1) AS text, l."amountMinor"::text AS "amountMinor"
       FROM recent r
       JOIN "MatchItem" i ON i."orgId" = $1 AND i."groupId" = r.id AND i.side = 'SETTLEMENT'
       JOIN "SettlementLine" l ON l."orgId" = $1 AND l.id = i."rowId"
     UNION ALL
     SELECT r."storeId", r.id::text, NULL, split_part(COALESCE(b.memo, ''), '[', 1), b."amountMinor"::text
       FROM recent r
       JOIN "MatchItem" i ON i."orgId" = $1 AND i."groupId" = r.id AND i.side = 'BANK'
       JOIN "BankTransaction" b ON b."orgId" = $1 AND b.id = i."rowId"
     UNION ALL
     -- Orders paid straight to the bank: what the buyer paid as the sale, the recorded commission as the fee.
     SELECT r."storeId", r.id || ':' || a."aboutRowId", v."lineType", '', v.amount::text
       FROM (${RECENT_GROUPS_SQL("ORDER_BANK")}) r
       JOIN "MatchAdjustment" a ON a."orgId" = $1 AND a."groupId" = r.id AND a.type = 'COMMISSION' AND a."aboutSide" = 'ORDER'
       JOIN "Order" o ON o."orgId" = $1 AND o.id = a."aboutRowId"
       CROSS JOIN LATERAL (VALUES ('SALE', o."paidAmountMinor"), ('COMMISSION', -a."amountMinor")) v("lineType", amount)`,
    [orgId],
  );
  const byStore = new Map<string, Map<string, OrderLineFact[]>>();
  for (const row of lines) {
    let groups = byStore.get(row.storeId);
    if (!groups) byStore.set(row.storeId, (groups = new Map()));
    let group = groups.get(row.groupId);
    if (!group) groups.set(row.groupId, (group = []));
    group.push({ lineType: row.lineType, text: row.text, amountMinor: BigInt(row.amountMinor) });
  }
  // Written as a difference (upsert, then delete what is no longer learned): a rate that moved counts
  // as a change that can alter a run's answer (trigger of migration 20261205012000_store_fee_rate_counts),
  // a rebuild that only saw more orders at the same rates does not.
  const computedAt = new Date();
  const kept: string[] = [];
  for (const [storeId, groups] of byStore) {
    for (const rate of usualFeeRates(groups.values())) {
      kept.push(`${storeId}:${rate.feeType}`);
      await client.query(
        `INSERT INTO "StoreFeeRate" ("orgId", "storeId", "feeType", "medianBps", "upperBps", orders, "ofOrders", "computedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT ("orgId", "storeId", "feeType") DO UPDATE SET "medianBps" = EXCLUDED."medianBps", "upperBps" = EXCLUDED."upperBps",
                orders = EXCLUDED.orders, "ofOrders" = EXCLUDED."ofOrders", "computedAt" = EXCLUDED."computedAt"`,
        [orgId, storeId, rate.feeType, rate.medianBps, rate.upperBps, rate.orders, rate.ofOrders, computedAt],
      );
    }
  }
  await client.query(`DELETE FROM "StoreFeeRate" WHERE "orgId" = $1 AND NOT ("storeId"::text || ':' || "feeType" = ANY($2::text[]))`, [orgId, kept]);
}
