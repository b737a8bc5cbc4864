// The sums the remittance reports read, per store, platform or month, from the receivables cube
// (ReceivableCube: OrderReceivable summed by store, platform, stage, aging, expected day and order
// day), so a report over a million-order month reads a few thousand rows. Which orders count — by
// their business day, store and platform — and what is overdue on the as-of day are asked of
// lib/receivables (filteredCubeSql, daysSql), so these figures agree with 回款管理 and its list.
import type { Tx } from "@/lib/db/client";
import type { Platform } from "@/lib/db/generated/enums";
import { filteredCubeSql } from "@/lib/receivables/list-receivables";
import { daysSql } from "@/lib/receivables/receivable-status";
import type { ReportFilters } from "./report-filters";
import type { ReportScope } from "./standard-report";

export type CubeGrouping = "store" | "platform" | "month";

/** Orders whose business day is in [from, to], of one store or platform when given. */
export type CubeRange = { from: string; to: string; store?: string; platform?: Platform };

export type CubeSums = {
  orders: bigint;
  paid: bigint;
  refund: bigint;
  /** Commission + service fee + promotion + every other fee the groups booked. */
  fees: bigint;
  settled: bigint;
  received: bigint;
  outstanding: bigint;
  /** Outstanding whose expected day is before the as-of day. */
  overdue: bigint;
  /** Σ days from 确认收货 to the bank, over dsoOrders orders fully received. */
  dsoDays: bigint;
  dsoOrders: bigint;
};

/** A group's sums and what names it: the store's name, its platform, its currency when there is one. */
export type CubeGroup = CubeSums & { key: string; storeName: string | null; platform: string | null; currency: string | null };

export const ZERO_SUMS: CubeSums = { orders: 0n, paid: 0n, refund: 0n, fees: 0n, settled: 0n, received: 0n, outstanding: 0n, overdue: 0n, dsoDays: 0n, dsoOrders: 0n };

/**
 * SQL of a group's key over the cube rows `x`. A month is the order day's month moved forward by
 * `shiftMonths`, so a comparison period read a month (or a year) earlier lands on the row it is
 * set beside.
 */
function keySql(grouping: CubeGrouping, shiftMonths: number): string {
  if (grouping === "store") return `x."storeId"::text`;
  if (grouping === "platform") return `x.platform::text`;
  if (!Number.isInteger(shiftMonths)) throw new Error(`shiftMonths must be whole, got ${shiftMonths}`);
  return shiftMonths === 0 ? `to_char(x.day, 'YYYY-MM')` : `to_char(x.day + interval '${shiftMonths} months', 'YYYY-MM')`;
}

/** The sums per group, and over all of them (the 合计, summed by the same statement). */
export async function cubeSums(
  tx: Tx,
  scope: ReportScope,
  range: CubeRange,
  grouping: CubeGrouping,
  shiftMonths = 0,
): Promise<{ groups: Map<string, CubeGroup>; total: CubeGroup }> {
  // Buckets are not asked for: only store, platform and order days filter here.
  const { sql, params } = filteredCubeSql({ orgId: scope.orgId, asOf: scope.asOf, buckets: [] }, { from: range.from, to: range.to, store: range.store, platform: range.platform })!;
  const key = keySql(grouping, shiftMonths);
  const rows = await tx.$queryRawUnsafe<(CubeGroup & { isTotal: number })[]>(
    `SELECT GROUPING(${key})::int AS "isTotal", ${key} AS key, min(s.name) AS "storeName", min(x.platform::text) AS platform,
            CASE WHEN min(s.currency) = max(s.currency) THEN min(s.currency) END AS currency,
            COALESCE(SUM(x.orders), 0)::bigint AS orders, COALESCE(SUM(x."paidMinor"), 0)::bigint AS paid,
            COALESCE(SUM(x."refundMinor"), 0)::bigint AS refund,
            COALESCE(SUM(x."commissionMinor" + x."serviceFeeMinor" + x."promotionMinor" + x."otherFeesMinor"), 0)::bigint AS fees,
            COALESCE(SUM(x."settledMinor"), 0)::bigint AS settled, COALESCE(SUM(x."receivedMinor"), 0)::bigint AS received,
            COALESCE(SUM(x."outstandingMinor"), 0)::bigint AS outstanding,
            COALESCE(SUM(x."outstandingMinor") FILTER (WHERE ${daysSql("x", scope.asOf)} > 0), 0)::bigint AS overdue,
            COALESCE(SUM(x."dsoDays"), 0)::bigint AS "dsoDays", COALESCE(SUM(x."dsoOrders"), 0)::bigint AS "dsoOrders"
       FROM (${sql}) x JOIN "Store" s ON s."orgId" = x."orgId" AND s.id = x."storeId"
      GROUP BY ROLLUP (${key})`,
    ...params,
  );
  const groups = new Map<string, CubeGroup>();
  let total: CubeGroup = { ...ZERO_SUMS, key: "", storeName: null, platform: null, currency: null };
  for (const { isTotal, ...row } of rows) {
    if (isTotal) total = row;
    else groups.set(row.key, row);
  }
  return { groups, total };
}

/** The orders of a period that the report's store and platform filters keep. */
export function cubeRange(filters: Pick<ReportFilters, "store" | "platform">, period: { from: string; to: string }): CubeRange {
  return { from: period.from, to: period.to, store: filters.store, platform: filters.platform };
}

/** The currency every group with orders shares, else none (the reader then shows CNY). */
export function sharedCurrency(...groups: (CubeGroup | undefined)[]): { currency?: string } {
  const currencies = new Set(groups.filter((group) => group && group.orders > 0n).map((group) => group!.currency));
  const [only] = [...currencies];
  return currencies.size === 1 && only ? { currency: only } : {};
}
