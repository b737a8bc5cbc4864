// The 回款管理 order list: every order with its money along the chain, its status and aging on the
// chosen day, and who chases it — filtered, sorted, paged and totalled in PostgreSQL over the
// rebuilt OrderReceivable rows. The page, its export and the CLI read the same set from here.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { ExpectedBasis, FollowUpState, Platform } from "@/lib/db/generated/enums";
import { yuanFilter } from "@/lib/match-review/amount-filter";
import { bucketSql, expectedRangeSql, type AgingBucket } from "./aging-buckets";
import { autoConfirmDaysSql } from "./expected-date";
import { FOLLOW_UP_STATES } from "./follow-up-states";
import { agingSql, asOfLiteral, daysSql, RECEIVABLE_STATUSES, statusConditionSql, statusSql, type ReceivableStatus } from "./receivable-status";

export const RECEIVABLE_PAGE_SIZE = 50;

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const PLATFORMS = ["TMALL", "TAOBAO", "JD", "PDD", "DOUYIN", "SHOPIFY", "AMAZON", "OTHER"] as const satisfies readonly Platform[];

/** Columns the list sorts by on the server, each with its SQL over `x`. */
export const RECEIVABLE_SORTS = {
  store: "x.store_name",
  orderNo: `x."orderNo"`,
  paidAt: `x."paidAt"`,
  expectedOn: `x."expectedOn"`,
  days: "x.days",
  paid: `x."paidMinor"`,
  settled: `x."settledMinor"`,
  received: `x."receivedMinor"`,
  outstanding: `x."outstandingMinor"`,
  nextActionOn: `x."nextActionOn"`,
} as const;
export type ReceivableSort = keyof typeof RECEIVABLE_SORTS;
const NOT_NULL_SORTS = new Set<ReceivableSort>(["store", "orderNo", "paid", "settled", "received", "outstanding"]);

export const receivableFilterSchema = z.object({
  store: z.uuid().optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  status: z.enum(RECEIVABLE_STATUSES).optional().catch(undefined),
  bucket: z.string().regex(/^(due|over):(\d+|inf)$/).optional().catch(undefined),
  /** open: money still to arrive (every aging bucket); overdue: of it, what is past its expected date. */
  due: z.enum(["open", "overdue"]).optional().catch(undefined),
  /** Outstanding amount, in yuan in the URL, minor units once parsed. */
  min: yuanFilter,
  max: yuanFilter,
  /** The order's day (paid, else ordered, else confirmed). */
  from: dateText.optional().catch(undefined),
  to: dateText.optional().catch(undefined),
  /** A member's id, or "none" for orders nobody follows. */
  owner: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined),
  follow: z.enum(FOLLOW_UP_STATES).optional().catch(undefined),
  /** Follow-ups due by this day: a next action set on or before it, not resolved or given up (the home page's 跟进到期). */
  nextBy: dateText.optional().catch(undefined),
  /** Order number, or its beginning. */
  q: z.string().trim().min(1).max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  sort: z.enum(Object.keys(RECEIVABLE_SORTS) as [ReceivableSort, ...ReceivableSort[]]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});
export type ReceivableFilter = z.output<typeof receivableFilterSchema>;

export type ReceivableRow = {
  storeId: string;
  storeName: string;
  platform: Platform;
  currency: string;
  orderNo: string;
  firstOrderId: string;
  orderRows: number;
  paidAt: string | null;
  confirmedAt: string | null;
  day: string | null;
  expectedOn: string | null;
  expectedBasis: ExpectedBasis | null;
  settledOn: string | null;
  receivedOn: string | null;
  termsDays: number;
  autoConfirmDays: number;
  paidMinor: bigint;
  refundMinor: bigint;
  feesMinor: bigint;
  commissionMinor: bigint;
  serviceFeeMinor: bigint;
  promotionMinor: bigint;
  otherFeesMinor: bigint;
  badDebtMinor: bigint;
  settledMinor: bigint;
  withdrawnMinor: bigint;
  receivedMinor: bigint;
  differenceMinor: bigint;
  outstandingMinor: bigint;
  status: ReceivableStatus;
  /** Days past the expected date (negative: to go); null when nothing is left to arrive. */
  days: number | null;
  bucket: string | null;
  ownerId: string | null;
  ownerName: string | null;
  nextActionOn: string | null;
  followState: FollowUpState | null;
  groupCount: number;
};

export type ReceivableTotals = {
  count: number;
  paidMinor: bigint;
  refundMinor: bigint;
  feesMinor: bigint;
  settledMinor: bigint;
  receivedMinor: bigint;
  outstandingMinor: bigint;
  overdueMinor: bigint;
};

export type ReceivablePage = { rows: ReceivableRow[]; totals: ReceivableTotals; page: number; pages: number; pageSize: number };

export type ReceivableQuery = { orgId: string; asOf: string; buckets: readonly AgingBucket[] };

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const TIME = (column: string) => `to_char(${column}, 'YYYY-MM-DD HH24:MI:SS')`;

/**
 * SQL: follow-up `f` is due by `day` (an SQL date expression): its next action is on or before that
 * day and nobody closed it (resolved, or judged uncollectible). The one rule for the home page's count
 * and the list it links to.
 */
export function followUpDueSql(f: string, day: string): string {
  return `${f}."nextActionOn" <= ${day}::date AND ${f}.state IN ('OPEN', 'IN_PROGRESS')`;
}

/** The filter's conditions on `r`: those the cube can answer (`dims`) and those only the rows can (`rows`). */
function receivableConditions(query: ReceivableQuery, filter: Omit<ReceivableFilter, "page">, params: unknown[]) {
  const { asOf, buckets } = query;
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const dims: string[] = [];
  if (filter.store) dims.push(`r."storeId" = ${param(filter.store)}::uuid`);
  if (filter.platform) dims.push(`r.platform = ${param(filter.platform)}::"Platform"`);
  if (filter.status) dims.push(statusConditionSql("r", filter.status, asOf));
  if (filter.bucket) {
    const bucket = buckets.find((candidate) => candidate.key === filter.bucket);
    // A bucket the company no longer has keeps nothing (the page says why).
    dims.push(bucket ? `${agingSql("r")} AND ${expectedRangeSql(`r."expectedOn"`, asOfLiteral(asOf), bucket)}` : "false");
  }
  if (filter.due) dims.push(filter.due === "open" ? agingSql("r") : `${agingSql("r")} AND r."expectedOn" < ${asOfLiteral(asOf)}`);
  if (filter.from) dims.push(`r.day >= ${param(filter.from)}::date`);
  if (filter.to) dims.push(`r.day <= ${param(filter.to)}::date`);
  const rows: string[] = [];
  if (filter.min) rows.push(`r."outstandingMinor" >= ${param(BigInt(filter.min))}::bigint`);
  if (filter.max) rows.push(`r."outstandingMinor" <= ${param(BigInt(filter.max))}::bigint`);
  if (filter.owner === "none") rows.push(`f."ownerId" IS NULL`);
  else if (filter.owner) rows.push(`f."ownerId" = ${param(filter.owner)}::uuid`);
  if (filter.follow) rows.push(filter.follow === "OPEN" ? `COALESCE(f.state, 'OPEN') = 'OPEN'` : `f.state = ${param(filter.follow)}::"FollowUpState"`);
  if (filter.nextBy) rows.push(followUpDueSql("f", param(filter.nextBy)));
  if (filter.q) rows.push(`r."orderNo" LIKE ${param(`${filter.q.replace(/[\\%_]/g, "\\$&")}%`)}`);
  return { dims, rows };
}

/**
 * The orders the filter keeps, as SQL over `x` with the list's columns, its parameters and its
 * ORDER BY. Conditions are on OrderReceivable's own columns where they can be, so its indexes serve them.
 */
export function filteredReceivablesSql(query: ReceivableQuery, filter: Omit<ReceivableFilter, "page">) {
  const { orgId, asOf, buckets } = query;
  const params: unknown[] = [orgId];
  const { dims, rows } = receivableConditions(query, filter, params);
  const days = daysSql("r", asOf);
  const sql = `SELECT r.*, s.name AS store_name, s."settlementTermsDays" AS terms, ${autoConfirmDaysSql("s")} AS auto_days,
          ${statusSql("r", asOf)} AS status, ${days} AS days, ${bucketSql(days, buckets)} AS bucket,
          f."ownerId", f."nextActionOn", f.state AS follow_state
     FROM "OrderReceivable" r
     JOIN "Store" s ON s."orgId" = r."orgId" AND s.id = r."storeId"
     LEFT JOIN "ReceivableFollowUp" f ON f."orgId" = r."orgId" AND f."storeId" = r."storeId" AND f."orderNo" = r."orderNo"
    WHERE ${[`r."orgId" = $1::uuid`, ...dims, ...rows].join(" AND ")}`;
  const direction = filter.dir === "asc" ? "ASC" : "DESC";
  // Empty dates and days go last. Amounts are never empty: their order is left as a backward scan
  // of their index reads it (DESC puts nulls first), so the index can serve a sorted page.
  const nulls = filter.sort && NOT_NULL_SORTS.has(filter.sort) ? "" : " NULLS LAST";
  // By default the oldest expected date first: among orders still to collect, the most overdue.
  const order = filter.sort ? `${RECEIVABLE_SORTS[filter.sort]} ${direction}${nulls}, x."storeId", x."orderNo"` : `x."expectedOn" ASC NULLS LAST, x."storeId", x."orderNo"`;
  return { sql, params, order };
}

/**
 * The cube rows (ReceivableCube, as `r`) the filter keeps, or null when it filters on something only
 * the order rows have (an amount, an owner, a follow-up state, an order number).
 */
export function filteredCubeSql(query: ReceivableQuery, filter: Omit<ReceivableFilter, "page">): { sql: string; params: unknown[] } | null {
  const params: unknown[] = [query.orgId];
  const { dims, rows } = receivableConditions(query, filter, params);
  if (rows.length > 0) return null;
  return { sql: `SELECT r.* FROM "ReceivableCube" r WHERE ${[`r."orgId" = $1::uuid`, ...dims].join(" AND ")}`, params };
}

/** SQL: the list's columns of a filtered set `x`, as the row type reads them. */
export const RECEIVABLE_COLUMNS = `x."storeId", x.store_name AS "storeName", x.platform, x.currency, x."orderNo", x."firstOrderId"::text AS "firstOrderId", x."orderRows",
  ${TIME(`x."paidAt"`)} AS "paidAt", ${TIME(`x."confirmedAt"`)} AS "confirmedAt", ${DAY("x.day")} AS day, ${DAY(`x."expectedOn"`)} AS "expectedOn", x."expectedBasis",
  ${DAY(`x."settledOn"`)} AS "settledOn", ${DAY(`x."receivedOn"`)} AS "receivedOn", x.terms AS "termsDays", x.auto_days AS "autoConfirmDays",
  x."paidMinor", x."refundMinor", (x."commissionMinor" + x."serviceFeeMinor" + x."promotionMinor" + x."otherFeesMinor") AS "feesMinor",
  x."commissionMinor", x."serviceFeeMinor", x."promotionMinor", x."otherFeesMinor", x."badDebtMinor", x."settledMinor", x."withdrawnMinor",
  x."receivedMinor", x."differenceMinor", x."outstandingMinor", x.status, x.days, x.bucket, x."ownerId", u.name AS "ownerName",
  ${DAY(`x."nextActionOn"`)} AS "nextActionOn", x.follow_state AS "followState", x."groupCount"`;

/** Joins the owner's name onto a filtered set `x`. */
export const RECEIVABLE_OWNER_JOIN = `LEFT JOIN "User" u ON u.id = x."ownerId"`;

/** The 合计 of a filtered set `x`. */
const TOTALS = `count(*)::bigint AS count, COALESCE(SUM(x."paidMinor"), 0)::bigint AS "paidMinor", COALESCE(SUM(x."refundMinor"), 0)::bigint AS "refundMinor",
  COALESCE(SUM(x."commissionMinor" + x."serviceFeeMinor" + x."promotionMinor" + x."otherFeesMinor"), 0)::bigint AS "feesMinor",
  COALESCE(SUM(x."settledMinor"), 0)::bigint AS "settledMinor", COALESCE(SUM(x."receivedMinor"), 0)::bigint AS "receivedMinor",
  COALESCE(SUM(x."outstandingMinor"), 0)::bigint AS "outstandingMinor",
  COALESCE(SUM(x."outstandingMinor") FILTER (WHERE x.days > 0), 0)::bigint AS "overdueMinor"`;

type RawRow = Omit<ReceivableRow, "orderRows" | "termsDays" | "autoConfirmDays" | "days" | "groupCount"> & { orderRows: number; termsDays: number; autoConfirmDays: number; days: number | null; groupCount: number };

export function readReceivableRow(row: RawRow): ReceivableRow {
  return { ...row, days: row.days === null ? null : Number(row.days) };
}

/** The same 合计 from the cube: one row per store, stage, day … instead of one per order. */
const CUBE_TOTALS = (asOf: string) => `COALESCE(SUM(x.orders), 0)::bigint AS count, COALESCE(SUM(x."paidMinor"), 0)::bigint AS "paidMinor", COALESCE(SUM(x."refundMinor"), 0)::bigint AS "refundMinor",
  COALESCE(SUM(x."commissionMinor" + x."serviceFeeMinor" + x."promotionMinor" + x."otherFeesMinor"), 0)::bigint AS "feesMinor",
  COALESCE(SUM(x."settledMinor"), 0)::bigint AS "settledMinor", COALESCE(SUM(x."receivedMinor"), 0)::bigint AS "receivedMinor",
  COALESCE(SUM(x."outstandingMinor"), 0)::bigint AS "outstandingMinor",
  COALESCE(SUM(x."outstandingMinor") FILTER (WHERE ${daysSql("x", asOf)} > 0), 0)::bigint AS "overdueMinor"`;

export async function receivableTotals(tx: Tx, query: ReceivableQuery, filter: Omit<ReceivableFilter, "page">): Promise<ReceivableTotals> {
  const cube = filteredCubeSql(query, filter);
  const { sql, params } = cube ?? filteredReceivablesSql(query, filter);
  const [totals] = await tx.$queryRawUnsafe<(Omit<ReceivableTotals, "count"> & { count: bigint })[]>(`SELECT ${cube ? CUBE_TOTALS(query.asOf) : TOTALS} FROM (${sql}) x`, ...params);
  return { ...totals!, count: Number(totals!.count) };
}

export async function listReceivables(tx: Tx, query: ReceivableQuery, filter: ReceivableFilter, pageSize = RECEIVABLE_PAGE_SIZE): Promise<ReceivablePage> {
  const { sql, params, order } = filteredReceivablesSql(query, filter);
  const offset = (filter.page - 1) * pageSize;
  const [rows, totals] = await Promise.all([
    tx.$queryRawUnsafe<RawRow[]>(`SELECT ${RECEIVABLE_COLUMNS} FROM (SELECT * FROM (${sql}) x ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}) x ${RECEIVABLE_OWNER_JOIN} ORDER BY ${order}`, ...params),
    receivableTotals(tx, query, filter),
  ]);
  return { rows: rows.map(readReceivableRow), totals, page: filter.page, pages: Math.max(1, Math.ceil(totals.count / pageSize)), pageSize };
}
