// Step 3 of the web page's import, its door to the import core (store-batch-rows.ts): a person has
// confirmed the preview (store or account, whether to skip invalid rows); the staged upload is read
// again and handed to the same core as the CLI's, which stores the rows, writes the batch's final
// row, drops the staged file and writes the audit row in one transaction.
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import type { ImportBatch } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/load-org-context";
import { AppError } from "@/lib/errors";
import { getImportBatchOrThrow } from "./batch-queries";
import { batchFacts } from "./batch-facts";
import { KIND_FROM_DB, targetOf } from "./import-kinds";
import { resolveImportTarget } from "./resolve-import-target";
import { openStagedFile } from "./scan-staged-file";
import { storeBatchRows, type RowBatch } from "./store-batch-rows";

export type CommitOptions = {
  /** Store the valid rows of a file that also has invalid ones (otherwise it is refused whole). */
  skipInvalid?: boolean;
  storeId?: string | null;
  fundAccountId?: string | null;
  onProgress?: (fraction: number) => void;
};

/** What the commit job carries from the person's confirmation to the worker. */
export type CommitClaim = { batch: ImportBatch; targetId: string; skipInvalid: boolean };

/**
 * Checks that the batch can be committed (state, store or account, and — to answer the user at once —
 * the invalid rows its preview counted) and claims it (PREVIEW → COMMITTING): of two simultaneous
 * commits, only one gets the claim. The core decides again on the rows themselves when it loads them.
 */
export async function claimCommit(db: Db, ctx: Actor, batchId: string, options: CommitOptions = {}): Promise<CommitClaim> {
  const batch = await getImportBatchOrThrow(db, ctx.orgId, batchId);
  if (batch.status !== "PREVIEW" || !batch.kind || !batch.format) {
    throw new AppError("CONFLICT", { messageKey: "batchNotInPreview" });
  }
  const skipInvalid = options.skipInvalid ?? false;
  if (batch.invalidCount > 0 && !skipInvalid) {
    throw new AppError("CONFLICT", { messageKey: "batchHasInvalidRows", params: { count: batch.invalidCount } });
  }
  // The form's choice, else the one kept from the upload or suggested by the preview.
  const file = { formatId: batch.format, statementAccount: batchFacts(batch).statementAccount };
  const targetId = await resolveImportTarget(db, ctx.orgId, KIND_FROM_DB[batch.kind], file, {
    storeId: options.storeId ?? batch.storeId,
    fundAccountId: options.fundAccountId ?? batch.fundAccountId,
  });
  const claimed = await db.importBatch.updateMany({
    where: { id: batch.id, orgId: ctx.orgId, status: "PREVIEW" },
    data: { status: "COMMITTING", progress: 0 },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", { messageKey: "batchNotInPreview" });
  return { batch, targetId, skipInvalid };
}

/**
 * Loads the claimed batch's rows through the import core, which leaves it COMMITTED, REJECTED
 * (invalid rows not to be skipped) or FAILED (past an import limit lowered since its preview). When
 * the load cannot happen at all (the target was archived meanwhile, the file no longer reads, the
 * database failed), nothing is stored and the batch goes back to PREVIEW, to commit again or discard.
 */
export async function loadCommittedRows(
  db: Db,
  pool: pg.Pool,
  ctx: Actor,
  { batch, targetId, skipInvalid }: CommitClaim,
  onProgress?: (fraction: number) => void,
): Promise<ImportBatch> {
  const kind = KIND_FROM_DB[batch.kind!];
  try {
    // Checked again where the rows are stored: the job may run long after the claim.
    const file = { formatId: batch.format!, statementAccount: batchFacts(batch).statementAccount };
    const target = await resolveImportTarget(db, ctx.orgId, kind, file, targetOf(kind) === "store" ? { storeId: targetId } : { fundAccountId: targetId });
    // A statement file of several accounts was previewed for one of them, which its facts name: the
    // commit reads that account again (for a file of one account, its own — the same rows).
    const statementAccount = batchFacts(batch).statementAccount?.number;
    const opened = await openStagedFile(db, batch, { format: batch.format!, kind, statementAccount, onProgress });
    if (!opened.ok) throw new AppError("INVALID", { messageKey: "fileChanged" });
    await storeBatchRows(pool, {
      actor: ctx,
      batch: { id: batch.id, fileName: batch.fileName, format: batch.format! },
      kind,
      targetId: target,
      parts: opened.batches as AsyncIterable<RowBatch>,
      skipInvalid,
      // The size and hash were taken when the upload was staged.
      fileFacts: () => ({ rowCount: opened.stats.dataRows }),
    });
  } catch (error) {
    // Only a batch still COMMITTING: one the sweep marked interrupted meanwhile stays so.
    await db.importBatch.updateMany({ where: { id: batch.id, orgId: ctx.orgId, status: "COMMITTING" }, data: { status: "PREVIEW", progress: 1 } });
    throw error;
  }
  return getImportBatchOrThrow(db, ctx.orgId, batch.id);
}

export async function commitBatch(db: Db, pool: pg.Pool, ctx: Actor, batchId: string, options: CommitOptions = {}): Promise<ImportBatch> {
  const claim = await claimCommit(db, ctx, batchId, options);
  return loadCommittedRows(db, pool, ctx, claim, options.onProgress);
}
