// OVERDUE_RECEIVABLE (逾期未回款): orders nobody has settled (OrderReceivable stage OPEN) more than
// `days` past their expected day on the as-of day, each still owing at least `minAmountMinor`. One
// alert per store (cause `STORE:<storeId>`): the money is the sum they still owe, the refs the
// orders' first export rows, largest first. A store's alert stays one cause while its list changes
// (orders come and go as they are paid or fall due), so people follow one item per store.
//
// Severity, by money and age: HIGH from ¥50,000 owed or an order 90 days overdue; MEDIUM from
// ¥5,000 or 60 days; LOW below both.
//
// One grouped query over OrderReceivable on its (orgId, stage, expectedOn) index; the expected day
// and what is outstanding are those the receivables rebuild stored (lib/receivables), so the alert
// and 回款管理's 逾期未结算 agree.
import { MAX_ALERT_REFS } from "../alert-refs";
import type { AlertSeverity } from "../alert-types";
import type { AlertDetector } from "../alert-detector";
import { asOfLiteral } from "@/lib/receivables/receivable-status";
import { refJsonSql, refsAggSql, refsOf } from "./ref-sql";

const HIGH_MINOR = 5_000_000n;
const MEDIUM_MINOR = 500_000n;

export function overdueSeverity(amountMinor: bigint, oldestDays: number): AlertSeverity {
  if (amountMinor >= HIGH_MINOR || oldestDays >= 90) return "HIGH";
  if (amountMinor >= MEDIUM_MINOR || oldestDays >= 60) return "MEDIUM";
  return "LOW";
}

type Row = { storeId: string; storeName: string; currency: string; orders: number; amount: bigint; oldest: number; refs: unknown };

export const overdueReceivableDetector: AlertDetector<"OVERDUE_RECEIVABLE"> = {
  type: "OVERDUE_RECEIVABLE",
  async detect(tx, { orgId, asOf, thresholds }) {
    const asOfDay = asOfLiteral(asOf);
    const rows = await tx.$queryRawUnsafe<Row[]>(
      `WITH due AS (
         SELECT r."storeId", r."orderNo", r."firstOrderId", r.currency, r."outstandingMinor" AS amount, (${asOfDay} - r."expectedOn")::int AS days
           FROM "OrderReceivable" r
          WHERE r."orgId" = $1::uuid AND r.stage = 'OPEN' AND r.aging
            AND r."expectedOn" < ${asOfDay} - $2::int AND r."outstandingMinor" >= GREATEST($3::bigint, 1)
       ),
       totals AS (
         SELECT d."storeId", min(d.currency) AS currency, count(*)::int AS orders, sum(d.amount)::bigint AS amount, max(d.days)::int AS oldest
           FROM due d GROUP BY d."storeId"
       ),
       -- Only the orders the alert names are looked up in Order and ImportBatch: the largest of each store.
       named AS (
         SELECT * FROM (SELECT d.*, row_number() OVER (PARTITION BY d."storeId" ORDER BY d.amount DESC, d."orderNo") AS n FROM due d) ranked
          WHERE n <= ${MAX_ALERT_REFS}
       ),
       refs AS (
         SELECT d."storeId", ${refsAggSql(refJsonSql("ORDER", "o", "b", `d."orderNo"`), `d.amount DESC, d."orderNo"`)} AS refs
           FROM named d
           JOIN "Order" o ON o."orgId" = $1::uuid AND o.id = d."firstOrderId"
           LEFT JOIN "ImportBatch" b ON b."orgId" = $1::uuid AND b.id = o."batchId"
          GROUP BY d."storeId"
       )
       SELECT t."storeId"::text AS "storeId", s.name AS "storeName", t.currency, t.orders, t.amount, t.oldest, f.refs
         FROM totals t
         JOIN "Store" s ON s."orgId" = $1::uuid AND s.id = t."storeId"
         LEFT JOIN refs f ON f."storeId" = t."storeId"`,
      orgId,
      thresholds.days,
      thresholds.minAmountMinor,
    );
    return rows.map((row) => {
      const refs = refsOf(row.refs);
      return {
        type: "OVERDUE_RECEIVABLE" as const,
        causeKey: `STORE:${row.storeId}`,
        severity: overdueSeverity(row.amount, row.oldest),
        amountMinor: row.amount,
        currency: row.currency,
        storeId: row.storeId,
        fundAccountId: null,
        day: null,
        refs,
        facts: {
          storeName: row.storeName,
          orders: row.orders,
          rows: row.orders,
          days: thresholds.days,
          oldestDays: row.oldest,
          amountMinor: row.amount.toString(),
          // The largest order and where it is, for the sentence (all of them are in the refs).
          largestOrderNo: refs[0]?.ref ?? "",
          file: refs[0]?.file ?? "",
          row: refs[0]?.sourceRow ?? 0,
        },
      };
    });
  },
};
