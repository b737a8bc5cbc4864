// Undo an import as a whole: its rows go, the batch stays (status UNDONE) with an audit row, all
// in one transaction. Once matching and period locks exist, rows that are matched or in a locked
// month make the undo refuse (issue "Reconciliation workspace").
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { ImportBatch } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import { AppError } from "@/lib/errors";
import { assertBatchRowsRemovable } from "./undo-guards";
import { getImportBatchOrThrow } from "./batch-queries";


export async function undoBatch(db: DbOrTx, ctx: Actor, batchId: string): Promise<ImportBatch> {
  return atomically(db, async (tx) => {
    const batch = await getImportBatchOrThrow(tx, ctx.orgId, batchId);
    if (batch.status !== "COMMITTED") throw new AppError("CONFLICT", { messageKey: "batchNotCommitted" });
    if (batch.kind) await assertBatchRowsRemovable(tx, ctx.orgId, batch.id, batch.kind);
    const where = { orgId: ctx.orgId, batchId: batch.id };
    const removed =
      batch.kind === "ORDERS"
        ? await tx.order.deleteMany({ where })
        : batch.kind === "SETTLEMENT"
          ? await tx.settlementLine.deleteMany({ where })
          : await tx.bankTransaction.deleteMany({ where });
    const undone = await tx.importBatch.update({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } }, data: { status: "UNDONE", undoneAt: new Date() } });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "import.undo",
      entityType: "ImportBatch",
      entityId: batch.id,
      before: { fileName: batch.fileName, rows: batch.insertedCount },
      after: { removedRows: removed.count },
    });
    return undone;
  });
}

/** Drops a batch that was never committed, with its staged file, and says so in the audit log. */
export async function cancelBatch(db: DbOrTx, ctx: Actor, batchId: string): Promise<void> {
  await atomically(db, async (tx) => {
    const batch = await getImportBatchOrThrow(tx, ctx.orgId, batchId);
    if (!["PARSING", "PREVIEW", "FAILED"].includes(batch.status)) throw new AppError("CONFLICT", { messageKey: "batchNotInPreview" });
    await tx.importFileChunk.deleteMany({ where: { orgId: ctx.orgId, batchId: batch.id } });
    await tx.importBatch.updateMany({ where: { orgId: ctx.orgId, id: batch.id }, data: { status: "CANCELLED" } });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "import.cancel",
      entityType: "ImportBatch",
      entityId: batch.id,
      before: { fileName: batch.fileName, status: batch.status },
    });
  });
}
