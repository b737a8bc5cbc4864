import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  entityType: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(120).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/** One page of an organization's audit log, newest first, plus the total for paging. */
export async function listAuditLog(db: Tx, orgId: string, filter: AuditFilter, timezoneOffset = "+08:00") {
  const where: Prisma.AuditLogWhereInput = { orgId };
  if (filter.action) where.action = { startsWith: filter.action };
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.actor) where.actorEmail = { contains: filter.actor.toLowerCase() };
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00${timezoneOffset}`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00${timezoneOffset}`).getTime() + 86_400_000) } : {}),
    };
  }
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return { total, entries, pageSize: AUDIT_PAGE_SIZE, page: filter.page };
}
