// Every change writes its audit row inside the same transaction as the change itself, so there is
// never a change without its record nor a record of a change that was rolled back.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type AuditActor = { orgId: string; userId: string | null; userEmail: string | null };

export type AuditEntry = {
  action: string; // e.g. "store.create"
  entityType: string; // e.g. "Store"
  entityId?: string;
  before?: unknown;
  after?: unknown;
};

/** Dates as ISO strings and bigints as decimal strings: JSON cannot hold them as they are. */
export function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

export async function writeAuditLog(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      orgId: actor.orgId,
      actorUserId: actor.userId,
      actorEmail: actor.userEmail,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toAuditJson(entry.before),
      after: toAuditJson(entry.after),
    },
  });
}

export function actorOf(ctx: { orgId: string; userId: string; userEmail: string }): AuditActor {
  return { orgId: ctx.orgId, userId: ctx.userId, userEmail: ctx.userEmail };
}
