// Every change writes its audit row inside the same transaction as the change itself, so there is
// never a change without its record nor a record of a change that was rolled back.
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { toJsonValue } from "@/lib/shared/json-safe";

export type AuditActor = { orgId: string; userId: string | null; userEmail: string | null };

export type AuditEntry = {
  action: string; // e.g. "store.create"
  entityType: string; // e.g. "Store"
  entityId?: string;
  before?: unknown;
  after?: unknown;
};

function toAuditJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : toJsonValue(value);
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

export function actorOf(ctx: { orgId: string; userId: string | null; userEmail: string | null }): AuditActor {
  return { orgId: ctx.orgId, userId: ctx.userId, userEmail: ctx.userEmail };
}

/** The same row through a plain `pg` client, for changes made outside Prisma (bulk imports). */
export async function writeAuditLogSql(
  client: { query: (sql: string, values: unknown[]) => Promise<unknown> },
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await client.query(
    `INSERT INTO "AuditLog" ("orgId", "actorUserId", "actorEmail", "action", "entityType", "entityId", "before", "after")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor.orgId,
      actor.userId,
      actor.userEmail,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.before === undefined ? null : JSON.stringify(toJsonValue(entry.before)),
      entry.after === undefined ? null : JSON.stringify(toJsonValue(entry.after)),
    ],
  );
}
