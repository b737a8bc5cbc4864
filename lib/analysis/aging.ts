// 账龄分布: what the period's orders still owe on the as-of day, in the company's aging buckets
// (回款管理's settings, lib/receivables/aging-buckets.ts: not yet due by days to go, then overdue by days
// past the expected date), from the receivables cube. Every bucket is a row, empty ones too, so the
// bars keep their places from one month to the next. A bucket leads to 回款管理's list of its orders.
import { bucketSql, type AgingBucket } from "@/lib/receivables/aging-buckets";
import { filteredCubeSql } from "@/lib/receivables/list-receivables";
import { loadReceivableSettings } from "@/lib/receivables/receivable-settings";
import { daysSql } from "@/lib/receivables/receivable-status";
import type { ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { AnalysisChart } from "./analysis-chart";
import { linkTo, storeParams } from "./analysis-links";

const label = (key: string) => `analysis.columns.${key}`;

export const aging: AnalysisChart = {
  id: "aging",
  title: "analysis.charts.aging.title",
  kind: "bar",
  category: ["kind", "days"],
  series: [{ column: "outstanding" }],
  readsReceivables: true,
  run: async (tx, scope, filters): Promise<ReportResult> => {
    const { buckets } = await loadReceivableSettings(tx, scope.orgId);
    const { sql, params } = filteredCubeSql({ orgId: scope.orgId, asOf: scope.asOf, buckets }, { from: filters.from, to: filters.to, store: filters.store, platform: filters.platform, due: "open" })!;
    const sums = await tx.$queryRawUnsafe<{ bucket: string | null; orders: bigint; outstanding: bigint; currency: string | null }[]>(
      `SELECT ${bucketSql(daysSql("x", scope.asOf), buckets)} AS bucket, COALESCE(SUM(x.orders), 0)::bigint AS orders, COALESCE(SUM(x."outstandingMinor"), 0)::bigint AS outstanding,
              CASE WHEN min(s.currency) = max(s.currency) THEN min(s.currency) END AS currency
         FROM (${sql}) x JOIN "Store" s ON s."orgId" = x."orgId" AND s.id = x."storeId"
        GROUP BY 1`,
      ...params,
    );
    const byKey = new Map(sums.map((sum) => [sum.bucket, sum]));
    const rows: ReportRow[] = buckets.map((bucket) => {
      const sum = byKey.get(bucket.key);
      return { kind: bucket.kind, days: bucketDays(bucket), orders: sum?.orders ?? 0n, outstanding: sum?.outstanding ?? 0n, ...(sum?.currency ? { currency: sum.currency } : {}) };
    });
    const currencies = new Set(sums.map((sum) => sum.currency));
    const only = currencies.size === 1 ? [...currencies][0] : null;
    return {
      columns: [
        { key: "kind", label: label("bucketKind"), type: "text", codes: "analysis.bucketKinds" },
        { key: "days", label: label("bucketDays"), type: "text" },
        { key: "orders", label: label("orders"), type: "integer" },
        { key: "outstanding", label: label("outstanding"), type: "money", currencyKey: "currency" },
      ],
      rows,
      totals: { orders: rows.reduce((sum, row) => sum + (row.orders as bigint), 0n), outstanding: rows.reduce((sum, row) => sum + (row.outstanding as bigint), 0n), ...(only ? { currency: only } : {}) },
      drill: buckets.map((bucket) => ({ bucket: bucket.key })),
      notes: [{ key: "analysis.notes.aging", values: { from: filters.from, to: filters.to, asOf: scope.asOf } }],
    };
  },
  drillHref: (filters, key) => (key.bucket ? linkTo("/receivables/orders", { ...storeParams(filters), from: filters.from, to: filters.to, bucket: key.bucket }) : null),
};

/** A bucket's days in figures, the same in every language: "1–7", "90+" (its kind says due or overdue). */
export function bucketDays(bucket: Pick<AgingBucket, "low" | "high">): string {
  return bucket.high === null ? `${bucket.low - 1}+` : `${bucket.low}–${bucket.high}`;
}
