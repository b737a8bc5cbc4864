// Stores (店铺) of one organization. Every query carries orgId; another tenant's id is "not found".
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { Store } from "@/lib/db/generated/client";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Actor } from "@/lib/auth/load-org-context";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";
import type { StoreInput } from "./store-schema";


function toRow(input: StoreInput) {
  return {
    name: input.name,
    platform: input.platform,
    currency: input.currency,
    settlementTermsDays: input.settlementTermsDays,
    feeRateBps: input.feeRatePercent,
    // Absent: leave it (a caller that does not know the field); null: the platform's default.
    ...(input.autoConfirmDays === undefined ? {} : { autoConfirmDays: input.autoConfirmDays }),
  };
}

function duplicateName(): AppError {
  return new AppError("CONFLICT", { messageKey: "storeNameTaken", field: "name" });
}

export async function listStores(db: Tx, orgId: string, options: { includeArchived?: boolean } = {}): Promise<Store[]> {
  return db.store.findMany({
    where: { orgId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
  });
}

export async function getStoreOrThrow(db: Tx, orgId: string, id: string): Promise<Store> {
  const store = isUuid(id) ? await db.store.findFirst({ where: { id, orgId } }) : null;
  if (!store) throw new AppError("NOT_FOUND");
  return store;
}

export async function createStore(db: DbOrTx, ctx: Actor, input: StoreInput): Promise<Store> {
  try {
    return await atomically(db, async (tx) => {
      const store = await tx.store.create({ data: { orgId: ctx.orgId, ...toRow(input) } });
      await writeAuditLog(tx, actorOf(ctx), { action: "store.create", entityType: "Store", entityId: store.id, after: store });
      return store;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export async function updateStore(db: DbOrTx, ctx: Actor, id: string, input: StoreInput): Promise<Store> {
  try {
    return await atomically(db, async (tx) => {
      const before = await getStoreOrThrow(tx, ctx.orgId, id);
      const after = await tx.store.update({ where: { orgId_id: { orgId: before.orgId, id: before.id } }, data: toRow(input) });
      await writeAuditLog(tx, actorOf(ctx), { action: "store.update", entityType: "Store", entityId: id, before, after });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

/** Archived stores keep their history but leave pick lists; restoring brings them back. */
export async function setStoreArchived(db: DbOrTx, ctx: Actor, id: string, archived: boolean): Promise<Store> {
  return atomically(db, async (tx) => {
    const before = await getStoreOrThrow(tx, ctx.orgId, id);
    if (Boolean(before.archivedAt) === archived) return before;
    const after = await tx.store.update({ where: { orgId_id: { orgId: before.orgId, id: before.id } }, data: { archivedAt: archived ? new Date() : null } });
    await writeAuditLog(tx, actorOf(ctx), {
      action: archived ? "store.archive" : "store.restore",
      entityType: "Store",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
