// The drill-down of the remittance reports (回款情况分析, 销售数据对比): the orders behind a row —
// each with what was paid, refunded, charged, settled, received and is still out, its status on
// the as-of day and its expected day — one page of them, and their 合计 over all of them by SQL.
// The orders are chosen as lib/receivables chooses them for its list (filteredReceivablesSql), so
// the 合计 equals the row the cube summed.
import type { Tx } from "@/lib/db/client";
import { agingBuckets, DEFAULT_NOT_DUE_BUCKET_DAYS, DEFAULT_OVERDUE_BUCKET_DAYS } from "@/lib/receivables/aging-buckets";
import { filteredReceivablesSql } from "@/lib/receivables/list-receivables";
import { AppError } from "@/lib/errors";
import type { CubeRange } from "./receivable-cube-sums";
import type { DrillPage, DrillResult, ReportColumn } from "./report-result";
import type { ReportScope } from "./standard-report";

/** A page never holds more orders than this. */
export const MAX_DRILL_PAGE = 1000;

const label = (key: string) => `reports.remittance.drill.${key}`;

export const ORDER_DRILL_COLUMNS: ReportColumn[] = [
  { key: "orderNo", label: label("orderNo"), type: "text" },
  { key: "store", label: label("store"), type: "text" },
  { key: "platform", label: label("platform"), type: "text", codes: "platforms" },
  { key: "day", label: label("day"), type: "date" },
  { key: "paid", label: label("paid"), type: "money", currencyKey: "currency" },
  { key: "refund", label: label("refund"), type: "money", currencyKey: "currency" },
  { key: "fees", label: label("fees"), type: "money", currencyKey: "currency" },
  { key: "settled", label: label("settled"), type: "money", currencyKey: "currency" },
  { key: "received", label: label("received"), type: "money", currencyKey: "currency" },
  { key: "outstanding", label: label("outstanding"), type: "money", currencyKey: "currency" },
  { key: "overdue", label: label("overdue"), type: "money", currencyKey: "currency" },
  { key: "status", label: label("status"), type: "text", codes: "receivables.statuses" },
  { key: "expectedOn", label: label("expectedOn"), type: "date" },
];

// Sums over the chosen orders `x`: the same figures the cube sums for the row.
const SUMS = `COALESCE(SUM(x."paidMinor"), 0)::bigint AS paid, COALESCE(SUM(x."refundMinor"), 0)::bigint AS refund,
  COALESCE(SUM(x."commissionMinor" + x."serviceFeeMinor" + x."promotionMinor" + x."otherFeesMinor"), 0)::bigint AS fees,
  COALESCE(SUM(x."settledMinor"), 0)::bigint AS settled, COALESCE(SUM(x."receivedMinor"), 0)::bigint AS received,
  COALESCE(SUM(x."outstandingMinor"), 0)::bigint AS outstanding,
  COALESCE(SUM(x."outstandingMinor") FILTER (WHERE x.days > 0), 0)::bigint AS overdue`;

/**
 * One page of the orders whose business day is in the range (of its store and platform), and their
 * 合计. Pages go by store, then order number: the order of OrderReceivable's primary key, so the
 * first pages of a million-order month come off its index instead of a sort of every order.
 */
export async function receivableOrdersDrill(tx: Tx, scope: ReportScope, range: CubeRange, page: DrillPage): Promise<DrillResult> {
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_DRILL_PAGE || !Number.isInteger(page.offset) || page.offset < 0) {
    throw new AppError("INVALID", { field: "page" });
  }
  const query = { orgId: scope.orgId, asOf: scope.asOf, buckets: agingBuckets(DEFAULT_NOT_DUE_BUCKET_DAYS, DEFAULT_OVERDUE_BUCKET_DAYS) };
  const { sql, params } = filteredReceivablesSql(query, { from: range.from, to: range.to, store: range.store, platform: range.platform });
  const [rows, [totals]] = await Promise.all([
    tx.$queryRawUnsafe<Record<string, string | bigint | null>[]>(
      `SELECT x."orderNo", x.store_name AS store, x.platform::text AS platform, x.currency, to_char(x.day, 'YYYY-MM-DD') AS day,
              x."paidMinor" AS paid, x."refundMinor" AS refund, (x."commissionMinor" + x."serviceFeeMinor" + x."promotionMinor" + x."otherFeesMinor") AS fees,
              x."settledMinor" AS settled, x."receivedMinor" AS received, x."outstandingMinor" AS outstanding,
              CASE WHEN x.days > 0 THEN x."outstandingMinor" ELSE 0::bigint END AS overdue,
              x.status, to_char(x."expectedOn", 'YYYY-MM-DD') AS "expectedOn"
         FROM (${sql}) x
        ORDER BY x."storeId", x."orderNo"
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      ...params,
      page.limit,
      page.offset,
    ),
    tx.$queryRawUnsafe<({ count: bigint; currency: string | null } & Record<string, bigint>)[]>(
      `SELECT count(*)::bigint AS count, CASE WHEN min(x.currency) = max(x.currency) THEN min(x.currency) END AS currency, ${SUMS} FROM (${sql}) x`,
      ...params,
    ),
  ]);
  const { count, currency, ...sums } = totals!;
  return { columns: ORDER_DRILL_COLUMNS, rows, totals: { ...(currency ? { currency } : {}), ...sums }, count: Number(count) };
}
