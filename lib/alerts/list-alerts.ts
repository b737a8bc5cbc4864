// The 风险预警 list's readers: the alerts a filter keeps (status — "open" is 新 + 处理中 — type,
// severity, store, account, who handles it, the cause's day), sorted by severity then day unless a
// column is chosen, paged and counted in PostgreSQL; the counts the nav badge and the home page
// show. The page, its export and the CLI read the same set from here.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { isCalendarDay } from "@/lib/match-review/filter-problems";
import { ALERT_SEVERITIES, ALERT_STATUSES, ALERT_TYPES, OPEN_ALERT_STATUSES, type AlertSeverity, type AlertStatus, type AlertType } from "./alert-types";
import type { AlertFacts } from "./alert-finding";

export const ALERT_PAGE_SIZE = 50;

const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDay);

/** Columns the list sorts by on the server, each with its SQL over `a`. */
export const ALERT_SORTS = {
  severity: "a.severity",
  type: "a.type",
  amount: `a."amountMinor"`,
  day: "a.day",
  status: "a.status",
  firstSeen: `a."firstSeenAt"`,
  lastSeen: `a."lastSeenAt"`,
} as const;
export type AlertSort = keyof typeof ALERT_SORTS;

export const ALERT_STATUS_FILTERS = ["open", "all", ...ALERT_STATUSES] as const;
export type AlertStatusFilter = (typeof ALERT_STATUS_FILTERS)[number];

export const alertFilterSchema = z.object({
  /** Absent: the open ones (what still asks for attention). */
  status: z.enum(ALERT_STATUS_FILTERS).catch("open").default("open"),
  type: z.enum(ALERT_TYPES).optional().catch(undefined),
  severity: z.enum(ALERT_SEVERITIES).optional().catch(undefined),
  store: z.uuid().optional().catch(undefined),
  account: z.uuid().optional().catch(undefined),
  /** A member's id, or "none" for alerts nobody handles yet. */
  assignee: z.union([z.uuid(), z.literal("none")]).optional().catch(undefined),
  /** The cause's business day. */
  from: dateText.optional().catch(undefined),
  to: dateText.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  sort: z.enum(Object.keys(ALERT_SORTS) as [AlertSort, ...AlertSort[]]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});
export type AlertFilter = z.output<typeof alertFilterSchema>;

export type AlertRow = {
  id: string;
  type: AlertType;
  severity: AlertSeverity;
  status: AlertStatus;
  amountMinor: bigint;
  currency: string;
  storeId: string | null;
  storeName: string | null;
  fundAccountId: string | null;
  accountName: string | null;
  day: string | null;
  facts: AlertFacts;
  /** How many rows it names (its refs; `facts.rows` may say there were more). */
  refCount: number;
  causePresent: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  note: string | null;
  reopenCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  closedAt: Date | null;
};

export type AlertPage = { rows: AlertRow[]; total: number; page: number; pages: number; pageSize: number };

/** The filter's conditions on `a` ($1 is the company). */
function alertConditions(orgId: string, filter: Omit<AlertFilter, "page" | "sort" | "dir">) {
  const params: unknown[] = [orgId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`a."orgId" = $1::uuid`];
  if (filter.status === "open") where.push(`a.status IN (${OPEN_ALERT_STATUSES.map((status) => `'${status}'`).join(", ")})`);
  else if (filter.status !== "all") where.push(`a.status = ${param(filter.status)}::"AlertStatus"`);
  if (filter.type) where.push(`a.type = ${param(filter.type)}::"AlertType"`);
  if (filter.severity) where.push(`a.severity = ${param(filter.severity)}::"AlertSeverity"`);
  if (filter.store) where.push(`a."storeId" = ${param(filter.store)}::uuid`);
  if (filter.account) where.push(`a."fundAccountId" = ${param(filter.account)}::uuid`);
  if (filter.assignee === "none") where.push(`a."assigneeId" IS NULL`);
  else if (filter.assignee) where.push(`a."assigneeId" = ${param(filter.assignee)}::uuid`);
  if (filter.from) where.push(`a.day >= ${param(filter.from)}::date`);
  if (filter.to) where.push(`a.day <= ${param(filter.to)}::date`);
  return { where: where.join(" AND "), params };
}

/** Severity first (HIGH, the enum's first value, on top), then the newest day; the id keeps pages stable. */
function alertOrder(filter: Pick<AlertFilter, "sort" | "dir">): string {
  if (!filter.sort) return `a.severity ASC, a.day DESC NULLS LAST, a."lastSeenAt" DESC, a.id`;
  const direction = filter.dir === "asc" ? "ASC" : "DESC";
  return `${ALERT_SORTS[filter.sort]} ${direction} NULLS LAST, a.severity ASC, a.day DESC NULLS LAST, a.id`;
}

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** SQL: the list's columns of `a`, with the names its ids point to. */
const ALERT_COLUMNS = `a.id::text AS id, a.type::text AS type, a.severity::text AS severity, a.status::text AS status, a."amountMinor", a.currency,
  a."storeId"::text AS "storeId", s.name AS "storeName", a."fundAccountId"::text AS "fundAccountId", f.name AS "accountName", ${DAY("a.day")} AS day,
  a.facts, jsonb_array_length(a.refs)::int AS "refCount", a."causePresent", a."assigneeId"::text AS "assigneeId", COALESCE(NULLIF(u.name, ''), u.email) AS "assigneeName",
  a.note, a."reopenCount", a."firstSeenAt", a."lastSeenAt", a."closedAt"`;
const ALERT_JOINS = `LEFT JOIN "Store" s ON s."orgId" = a."orgId" AND s.id = a."storeId"
  LEFT JOIN "FundAccount" f ON f."orgId" = a."orgId" AND f.id = a."fundAccountId"
  LEFT JOIN "User" u ON u.id = a."assigneeId"`;

/** One alert by id, with the list's columns (the drawer): through the primary key, never another company's. */
export function oneAlertSql(): string {
  return `SELECT ${ALERT_COLUMNS} FROM "Alert" a ${ALERT_JOINS} WHERE a."orgId" = $1::uuid AND a.id = $2::uuid`;
}

/** The filtered, ordered set as one SELECT (the export streams it; the page reads one page of it). */
export function filteredAlertsSql(orgId: string, filter: Omit<AlertFilter, "page">): { sql: string; params: unknown[] } {
  const { where, params } = alertConditions(orgId, filter);
  return { sql: `SELECT ${ALERT_COLUMNS} FROM "Alert" a ${ALERT_JOINS} WHERE ${where} ORDER BY ${alertOrder(filter)}`, params };
}

export type RawAlertRow = Omit<AlertRow, "facts" | "amountMinor"> & { facts: unknown; amountMinor: bigint | string | number };

export function readAlertRow(row: RawAlertRow): AlertRow {
  const facts = row.facts && typeof row.facts === "object" && !Array.isArray(row.facts) ? (row.facts as AlertFacts) : {};
  return { ...row, amountMinor: BigInt(row.amountMinor), facts };
}

export async function countAlerts(tx: Tx, orgId: string, filter: Omit<AlertFilter, "page" | "sort" | "dir">): Promise<number> {
  const { where, params } = alertConditions(orgId, filter);
  const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM "Alert" a WHERE ${where}`, ...params);
  return Number(row?.n ?? 0n);
}

export async function listAlerts(tx: Tx, orgId: string, filter: AlertFilter, pageSize = ALERT_PAGE_SIZE): Promise<AlertPage> {
  const total = await countAlerts(tx, orgId, filter);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page, pages);
  const { sql, params } = filteredAlertsSql(orgId, filter);
  const rows = await tx.$queryRawUnsafe<RawAlertRow[]>(`${sql} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, ...params);
  return { rows: rows.map(readAlertRow), total, page, pages, pageSize };
}

export type OpenAlertCounts = { total: number; byType: Partial<Record<AlertType, number>>; bySeverity: Record<AlertSeverity, number> };

/** The open alerts (新 + 处理中) by type and severity: one grouped count over the (orgId, status) index. */
export async function openAlertCounts(tx: Tx, orgId: string): Promise<OpenAlertCounts> {
  const rows = await tx.$queryRawUnsafe<{ type: AlertType; severity: AlertSeverity; n: bigint }[]>(
    `SELECT type::text AS type, severity::text AS severity, count(*)::bigint AS n
       FROM "Alert" WHERE "orgId" = $1::uuid AND status IN ('NEW', 'IN_PROGRESS') GROUP BY type, severity`,
    orgId,
  );
  const counts: OpenAlertCounts = { total: 0, byType: {}, bySeverity: { HIGH: 0, MEDIUM: 0, LOW: 0 } };
  for (const row of rows) {
    const n = Number(row.n);
    counts.total += n;
    counts.byType[row.type] = (counts.byType[row.type] ?? 0) + n;
    counts.bySeverity[row.severity] += n;
  }
  return counts;
}

/** The nav badge: how many alerts are open, and nothing else (one count). */
export async function countOpenAlerts(tx: Tx, orgId: string): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM "Alert" WHERE "orgId" = $1::uuid AND status IN ('NEW', 'IN_PROGRESS')`, orgId);
  return Number(row?.n ?? 0n);
}

/** Every status's count (the list's status choices show them), whatever else is filtered. */
export async function alertStatusCounts(tx: Tx, orgId: string): Promise<Record<AlertStatus, number>> {
  const rows = await tx.$queryRawUnsafe<{ status: AlertStatus; n: bigint }[]>(`SELECT status::text AS status, count(*)::bigint AS n FROM "Alert" WHERE "orgId" = $1::uuid GROUP BY status`, orgId);
  const counts: Record<AlertStatus, number> = { NEW: 0, IN_PROGRESS: 0, RESOLVED: 0, IGNORED: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}
