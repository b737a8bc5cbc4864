// One page of an organization's audit log, newest first, with the total for paging. Server-side
// and scoped to the organization; every filter is served by an index that leads with orgId
// (orgId+createdAt, orgId+action+createdAt, orgId+actorUserId+createdAt), so a company with 100k+
// entries pages as fast as a new one. Kinds are matched with LIKE 'area.%': the database collates
// with C (lib/db/embedded-postgres.ts), so the prefix is an index range.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { SYSTEM_ACTOR, type AuditFilter } from "./audit-filter";
import { localDayEnd, localDayStart } from "@/lib/shared/local-time";

export type AuditQuery = Omit<AuditFilter, "pageSize"> & { pageSize?: number };

export function auditWhere(orgId: string, filter: Omit<AuditQuery, "page" | "pageSize">, timeZone: string): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = { orgId };
  if (filter.action) where.action = filter.action.endsWith(".") ? { startsWith: filter.action } : filter.action;
  if (filter.actor) where.actorUserId = filter.actor === SYSTEM_ACTOR ? null : filter.actor;
  if (filter.target) where.OR = [{ target: { contains: filter.target, mode: "insensitive" } }, { entityId: filter.target }];
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: localDayStart(filter.from, timeZone) } : {}),
      ...(filter.to ? { lt: localDayEnd(filter.to, timeZone) } : {}),
    };
  }
  return where;
}

export async function listAuditLog(db: Tx, orgId: string, filter: AuditQuery, timeZone = "Asia/Shanghai") {
  const pageSize = filter.pageSize ?? 50;
  const where = auditWhere(orgId, filter, timeZone);
  const total = await db.auditLog.count({ where });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // A page past the end (an old link, a narrower filter) shows the last page, not an empty list.
  const page = Math.min(Math.max(1, filter.page), pages);
  const entries =
    total === 0
      ? []
      : await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize });
  return { total, entries, page, pages, pageSize };
}

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditLog>>["entries"][number];

/** Everyone who appears in the organization's log (members who left included), for the "who" filter. */
export async function listAuditActors(db: Tx, orgId: string): Promise<{ people: { id: string; name: string; email: string }[]; hasSystem: boolean }> {
  const rows = await db.$queryRaw<{ actorUserId: string | null }[]>`
    SELECT DISTINCT "actorUserId"::text AS "actorUserId" FROM "AuditLog" WHERE "orgId" = ${orgId}::uuid`;
  const ids = rows.flatMap((row) => (row.actorUserId ? [row.actorUserId] : []));
  const people = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }) : [];
  return { people, hasSystem: rows.some((row) => row.actorUserId === null) };
}
