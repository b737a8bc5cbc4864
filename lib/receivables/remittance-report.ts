// 回款报表: a month's remittance per store — orders, what buyers paid, refunds, each fee, what the
// platforms settled, what reached the bank, what is still out and how much of it is overdue on the
// as-of day. Read from the rebuilt OrderReceivable rows, so it is current after every import, run
// and change without anyone pressing a button; the page, its export and the CLI share this query.
import type { Tx } from "@/lib/db/client";
import type { Platform } from "@/lib/db/generated/enums";
import { monthBounds } from "@/lib/ledger/business-day";
import { filteredReceivablesSql, type ReceivableQuery } from "./list-receivables";

export type RemittanceLine = {
  orders: number;
  paidMinor: bigint;
  refundMinor: bigint;
  commissionMinor: bigint;
  serviceFeeMinor: bigint;
  promotionMinor: bigint;
  otherFeesMinor: bigint;
  settledMinor: bigint;
  receivedMinor: bigint;
  outstandingMinor: bigint;
  overdueMinor: bigint;
  overdueOrders: number;
};
export type RemittanceStoreLine = RemittanceLine & { storeId: string; storeName: string; platform: Platform; currency: string };
export type RemittanceReport = { month: string; asOf: string; stores: RemittanceStoreLine[]; total: RemittanceLine };

const SUMS = `count(*)::bigint AS orders,
  COALESCE(SUM(x."paidMinor"), 0)::bigint AS "paidMinor", COALESCE(SUM(x."refundMinor"), 0)::bigint AS "refundMinor",
  COALESCE(SUM(x."commissionMinor"), 0)::bigint AS "commissionMinor", COALESCE(SUM(x."serviceFeeMinor"), 0)::bigint AS "serviceFeeMinor",
  COALESCE(SUM(x."promotionMinor"), 0)::bigint AS "promotionMinor", COALESCE(SUM(x."otherFeesMinor"), 0)::bigint AS "otherFeesMinor",
  COALESCE(SUM(x."settledMinor"), 0)::bigint AS "settledMinor", COALESCE(SUM(x."receivedMinor"), 0)::bigint AS "receivedMinor",
  COALESCE(SUM(x."outstandingMinor"), 0)::bigint AS "outstandingMinor",
  COALESCE(SUM(x."outstandingMinor") FILTER (WHERE x.days > 0), 0)::bigint AS "overdueMinor",
  count(*) FILTER (WHERE x.days > 0 AND x."outstandingMinor" > 0)::bigint AS "overdueOrders"`;

type RawLine = Omit<RemittanceLine, "orders" | "overdueOrders"> & { orders: bigint; overdueOrders: bigint };
const line = <T extends RawLine>(raw: T) => ({ ...raw, orders: Number(raw.orders), overdueOrders: Number(raw.overdueOrders) });

/** The month's report; `month` is "YYYY-MM" (checked by the caller), orders by their business day. */
export async function remittanceReport(tx: Tx, query: ReceivableQuery, month: string): Promise<RemittanceReport> {
  const { first, last } = monthBounds(month);
  const { sql, params } = filteredReceivablesSql(query, { from: first, to: last });
  const rows = await tx.$queryRawUnsafe<(RawLine & { storeId: string | null; storeName: string | null; platform: Platform | null; currency: string | null })[]>(
    `SELECT x."storeId", min(x.store_name) AS "storeName", min(x.platform::text)::"Platform" AS platform, min(x.currency) AS currency, ${SUMS}
       FROM (${sql}) x GROUP BY ROLLUP (x."storeId") ORDER BY x."storeId" IS NULL, min(x.store_name)`,
    ...params,
  );
  const stores = rows.filter((row) => row.storeId !== null).map((row) => line(row) as RemittanceStoreLine);
  const totalRow = rows.find((row) => row.storeId === null);
  const empty: RemittanceLine = { orders: 0, paidMinor: 0n, refundMinor: 0n, commissionMinor: 0n, serviceFeeMinor: 0n, promotionMinor: 0n, otherFeesMinor: 0n, settledMinor: 0n, receivedMinor: 0n, outstandingMinor: 0n, overdueMinor: 0n, overdueOrders: 0 };
  const { storeId: _s, storeName: _n, platform: _p, currency: _c, ...total } = totalRow ? line(totalRow) : { ...empty, storeId: null, storeName: null, platform: null, currency: null };
  return { month, asOf: query.asOf, stores, total };
}
