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

/** The batches the import page lists (a cancelled upload is not one), newest first: the page and its export. */
export function importBatchListWhere(orgId: string) {
  return { orgId, status: { not: "CANCELLED" as const } };
}
export const IMPORT_BATCH_LIST_ORDER = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export async function listImportBatches(db: Tx, orgId: string, page = 1) {
  const where = importBatchListWhere(orgId);
  const [total, batches] = await Promise.all([
    db.importBatch.count({ where }),
    db.importBatch.findMany({
      where,
      orderBy: IMPORT_BATCH_LIST_ORDER,
      skip: (page - 1) * BATCH_PAGE_SIZE,
      take: BATCH_PAGE_SIZE,
      include: { store: { select: { name: true } }, fundAccount: { select: { name: true } } },
    }),
  ]);
  return { total, batches, page, pageSize: BATCH_PAGE_SIZE };
}
