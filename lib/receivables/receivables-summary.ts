// The 回款管理 summary: per store — expected, received, outstanding, overdue, DSO (days from 确认收货
// to the bank) — and the aging table (per store and bucket: orders and outstanding), for orders of
// a range of days, on the chosen as-of day. Each figure links to the list with the same filters.
// Read from the cube (ReceivableCube), so it answers in milliseconds over millions of orders.
import type { Tx } from "@/lib/db/client";
import type { Platform } from "@/lib/db/generated/enums";
import type { ReceivableStatus } from "./receivable-status";
import { bucketSql } from "./aging-buckets";
import { filteredCubeSql, type ReceivableFilter, type ReceivableQuery } from "./list-receivables";
import { agingSql, daysSql, statusSql } from "./receivable-status";

export type StoreSummary = {
  storeId: string;
  storeName: string;
  platform: Platform;
  currency: string;
  orders: number;
  /** What should arrive: paid − refunds − fees, of orders not closed. */
  expectedMinor: bigint;
  receivedMinor: bigint;
  outstandingMinor: bigint;
  overdueMinor: bigint;
  overdueOrders: number;
  /** Average days from 确认收货 to the bank, over orders fully received; null when none. */
  dsoDays: number | null;
};

export type AgingCell = { storeId: string; bucket: string; orders: number; amountMinor: bigint };

export type StatusCount = { status: ReceivableStatus; orders: number; outstandingMinor: bigint };

export type ReceivablesSummary = { stores: StoreSummary[]; aging: AgingCell[]; statuses: StatusCount[] };

type Range = Pick<ReceivableFilter, "from" | "to" | "store" | "platform">;

export async function receivablesSummary(tx: Tx, query: ReceivableQuery, range: Range): Promise<ReceivablesSummary> {
  // Only cube dimensions here (store, platform, order days): read from the cube, never the rows.
  const cube = filteredCubeSql(query, { from: range.from, to: range.to, store: range.store, platform: range.platform })!;
  const { sql, params } = cube;
  const days = daysSql("x", query.asOf);
  const [stores, aging, statuses] = await Promise.all([
    tx.$queryRawUnsafe<(Omit<StoreSummary, "orders" | "overdueOrders" | "dsoDays"> & { orders: bigint; overdueOrders: bigint; dsoDays: string | null })[]>(
      `SELECT x."storeId", min(s.name) AS "storeName", min(x.platform::text) AS platform, min(s.currency) AS currency, SUM(x.orders)::bigint AS orders,
              COALESCE(SUM(x."paidMinor" - x."refundMinor" - x."commissionMinor" - x."serviceFeeMinor" - x."promotionMinor" - x."otherFeesMinor" - x."badDebtMinor")
                       FILTER (WHERE x.stage <> 'REFUNDED'), 0)::bigint AS "expectedMinor",
              COALESCE(SUM(x."receivedMinor"), 0)::bigint AS "receivedMinor",
              COALESCE(SUM(x."outstandingMinor"), 0)::bigint AS "outstandingMinor",
              COALESCE(SUM(x."outstandingMinor") FILTER (WHERE ${days} > 0), 0)::bigint AS "overdueMinor",
              COALESCE(SUM(x.orders) FILTER (WHERE ${days} > 0), 0)::bigint AS "overdueOrders",
              round(SUM(x."dsoDays")::numeric / NULLIF(SUM(x."dsoOrders"), 0), 1)::text AS "dsoDays"
         FROM (${sql}) x JOIN "Store" s ON s."orgId" = x."orgId" AND s.id = x."storeId"
        GROUP BY x."storeId" ORDER BY "storeName"`,
      ...params,
    ),
    tx.$queryRawUnsafe<(Omit<AgingCell, "orders"> & { orders: bigint })[]>(
      `SELECT x."storeId", ${bucketSql(days, query.buckets)} AS bucket, SUM(x.orders)::bigint AS orders, SUM(x."outstandingMinor")::bigint AS "amountMinor"
         FROM (${sql}) x WHERE ${agingSql("x")} GROUP BY 1, 2`,
      ...params,
    ),
    tx.$queryRawUnsafe<(Omit<StatusCount, "orders"> & { orders: bigint })[]>(
      `SELECT ${statusSql("x", query.asOf)} AS status, SUM(x.orders)::bigint AS orders, SUM(x."outstandingMinor")::bigint AS "outstandingMinor" FROM (${sql}) x GROUP BY 1`,
      ...params,
    ),
  ]);
  return {
    stores: stores.map((store) => ({ ...store, orders: Number(store.orders), overdueOrders: Number(store.overdueOrders), dsoDays: store.dsoDays === null ? null : Number(store.dsoDays) })),
    aging: aging.filter((cell) => cell.bucket !== null).map((cell) => ({ ...cell, orders: Number(cell.orders) })),
    statuses: statuses.map((entry) => ({ ...entry, orders: Number(entry.orders) })),
  };
}
