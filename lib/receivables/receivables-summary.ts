// The 回款管理 summary: per store — expected, received, outstanding, overdue, DSO (days from 确认收货
// to the bank) — and the aging table (per store and bucket: orders and outstanding), for orders of
// a range of days, on the chosen as-of day. Each figure links to the list with the same filters.
import type { Tx } from "@/lib/db/client";
import type { Platform } from "@/lib/db/generated/enums";
import type { ReceivableStatus } from "./receivable-status";
import { filteredReceivablesSql, type ReceivableFilter, type ReceivableQuery } from "./list-receivables";

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
  const { sql, params } = filteredReceivablesSql(query, range);
  const [stores, aging, statuses] = await Promise.all([
    tx.$queryRawUnsafe<(Omit<StoreSummary, "orders" | "overdueOrders" | "dsoDays"> & { orders: bigint; overdueOrders: bigint; dsoDays: string | null })[]>(
      `SELECT x."storeId", min(x.store_name) AS "storeName", min(x.platform::text) AS platform, min(x.currency) AS currency, count(*)::bigint AS orders,
              COALESCE(SUM(x."paidMinor" - x."refundMinor" - x."commissionMinor" - x."serviceFeeMinor" - x."promotionMinor" - x."otherFeesMinor" - x."badDebtMinor")
                       FILTER (WHERE x.stage <> 'REFUNDED'), 0)::bigint AS "expectedMinor",
              COALESCE(SUM(x."receivedMinor"), 0)::bigint AS "receivedMinor",
              COALESCE(SUM(x."outstandingMinor"), 0)::bigint AS "outstandingMinor",
              COALESCE(SUM(x."outstandingMinor") FILTER (WHERE x.days > 0), 0)::bigint AS "overdueMinor",
              count(*) FILTER (WHERE x.days > 0)::bigint AS "overdueOrders",
              round(avg(x."receivedOn" - x."confirmedAt"::date) FILTER (WHERE x.stage = 'RECEIVED' AND x."confirmedAt" IS NOT NULL AND x."receivedOn" IS NOT NULL), 1)::text AS "dsoDays"
         FROM (${sql}) x GROUP BY x."storeId" ORDER BY "storeName"`,
      ...params,
    ),
    tx.$queryRawUnsafe<(Omit<AgingCell, "orders"> & { orders: bigint })[]>(
      `SELECT x."storeId", x.bucket, count(*)::bigint AS orders, SUM(x."outstandingMinor")::bigint AS "amountMinor"
         FROM (${sql}) x WHERE x.bucket IS NOT NULL GROUP BY 1, 2`,
      ...params,
    ),
    tx.$queryRawUnsafe<(Omit<StatusCount, "orders"> & { orders: bigint })[]>(
      `SELECT x.status, count(*)::bigint AS orders, SUM(x."outstandingMinor")::bigint AS "outstandingMinor" FROM (${sql}) x GROUP BY 1`,
      ...params,
    ),
  ]);
  return {
    stores: stores.map((store) => ({ ...store, orders: Number(store.orders), overdueOrders: Number(store.overdueOrders), dsoDays: store.dsoDays === null ? null : Number(store.dsoDays) })),
    aging: aging.map((cell) => ({ ...cell, orders: Number(cell.orders) })),
    statuses: statuses.map((entry) => ({ ...entry, orders: Number(entry.orders) })),
  };
}
