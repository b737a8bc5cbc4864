import type { Tx } from "@/lib/db/client";
import type { ImportBatch } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";

export const BATCH_PAGE_SIZE = 30;

export async function getImportBatchOrThrow(db: Tx, orgId: string, id: string): Promise<ImportBatch> {
  const batch = isUuid(id) ? await db.importBatch.findFirst({ where: { id, orgId } }) : null;
  if (!batch) throw new AppError("NOT_FOUND");
  return batch;
}

export async function listImportBatches(db: Tx, orgId: string, page = 1) {
  const where = { orgId, status: { not: "CANCELLED" as const } };
  const [total, batches] = await Promise.all([
    db.importBatch.count({ where }),
    db.importBatch.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * BATCH_PAGE_SIZE,
      take: BATCH_PAGE_SIZE,
      include: { store: { select: { name: true } }, fundAccount: { select: { name: true } } },
    }),
  ]);
  return { total, batches, page, pageSize: BATCH_PAGE_SIZE };
}

/** Progress is reported at least every few seconds; a step silent this long died with its process. */
export const INTERRUPTED_AFTER_MS = 5 * 60_000;

/**
 * A batch left reading or committing by a process that stopped (deploy, crash) is released: a
 * commit's transaction died with it, so nothing was stored and its preview still holds; a read
 * goes to FAILED without errors, which the page explains and offers to read again.
 */
export async function releaseIfInterrupted(db: Tx, batch: ImportBatch, now = new Date()): Promise<ImportBatch> {
  if (batch.status !== "PARSING" && batch.status !== "COMMITTING") return batch;
  if (now.getTime() - batch.updatedAt.getTime() < INTERRUPTED_AFTER_MS) return batch;
  const status = batch.status === "COMMITTING" ? "PREVIEW" : "FAILED";
  await db.importBatch.updateMany({
    where: { id: batch.id, orgId: batch.orgId, status: batch.status, updatedAt: batch.updatedAt },
    data: status === "FAILED" ? { status, errors: [], progress: 0 } : { status, progress: 1 },
  });
  return getImportBatchOrThrow(db, batch.orgId, batch.id);
}
