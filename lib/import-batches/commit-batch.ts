// Step 3: store the rows. One PostgreSQL transaction does everything (COPY into staging, insert the
// rows that are new, mark the batch, write the audit row, drop the staged file), so a failure at
// any point leaves nothing half-written. Rows already stored are counted as duplicates.
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import type { ImportBatch } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/load-org-context";
import { writeAuditLogSql } from "@/lib/audit/write-audit-log";
import { AppError } from "@/lib/errors";
import { getFundAccountOrThrow } from "@/lib/fund-accounts/fund-account-service";
import { isFileRefusal } from "@/lib/import";
import type { ImportError, NormalizedRow } from "@/lib/import/types";
import { toJsonValue } from "@/lib/shared/json-safe";
import { getStoreOrThrow } from "@/lib/stores/store-service";
import { getImportBatchOrThrow } from "./batch-queries";
import { openCopyLoader } from "./copy-into-table";
import { KIND_FROM_DB, targetOf } from "./import-kinds";
import { openStagedFile } from "./scan-staged-file";


export type CommitOptions = {
  /** Store the valid rows of a file that also has invalid ones (otherwise it is refused whole). */
  skipInvalid?: boolean;
  storeId?: string | null;
  fundAccountId?: string | null;
  onProgress?: (fraction: number) => void;
};

async function resolveTarget(db: Db, ctx: Actor, batch: ImportBatch, options: CommitOptions): Promise<string> {
  const kind = KIND_FROM_DB[batch.kind!];
  if (targetOf(kind) === "store") {
    const storeId = options.storeId ?? batch.storeId;
    if (!storeId) throw new AppError("INVALID", { messageKey: "storeRequired", field: "storeId" });
    const store = await getStoreOrThrow(db, ctx.orgId, storeId);
    if (store.archivedAt) throw new AppError("INVALID", { messageKey: "targetArchived", field: "storeId" });
    return store.id;
  }
  const accountId = options.fundAccountId ?? batch.fundAccountId;
  if (!accountId) throw new AppError("INVALID", { messageKey: "accountRequired", field: "fundAccountId" });
  const account = await getFundAccountOrThrow(db, ctx.orgId, accountId);
  if (account.archivedAt) throw new AppError("INVALID", { messageKey: "targetArchived", field: "fundAccountId" });
  return account.id;
}

export type CommitClaim = { batch: ImportBatch; targetId: string };

/**
 * Checks that the batch can be committed (state, invalid rows, store or account) and claims it
 * (PREVIEW → COMMITTING): of two simultaneous commits, only one gets the claim. Quick, so the
 * caller can answer the user at once and load the rows afterwards.
 */
export async function claimCommit(db: Db, ctx: Actor, batchId: string, options: CommitOptions = {}): Promise<CommitClaim> {
  const batch = await getImportBatchOrThrow(db, ctx.orgId, batchId);
  if (batch.status !== "PREVIEW" || !batch.kind || !batch.format) {
    throw new AppError("CONFLICT", { messageKey: "batchNotInPreview" });
  }
  if (batch.invalidCount > 0 && !options.skipInvalid) {
    throw new AppError("CONFLICT", { messageKey: "batchHasInvalidRows", params: { count: batch.invalidCount } });
  }
  const targetId = await resolveTarget(db, ctx, batch, options);
  const claimed = await db.importBatch.updateMany({
    where: { id: batch.id, orgId: ctx.orgId, status: "PREVIEW" },
    data: { status: "COMMITTING", progress: 0 },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", { messageKey: "batchNotInPreview" });
  return { batch, targetId };
}

/**
 * Loads the claimed batch's rows; on failure the batch goes back to PREVIEW and nothing is stored.
 * A file past the import limits (lowered since its preview) ends FAILED with that error instead.
 */
export async function loadCommittedRows(
  db: Db,
  pool: pg.Pool,
  ctx: Actor,
  { batch, targetId }: CommitClaim,
  onProgress?: (fraction: number) => void,
): Promise<ImportBatch> {
  const kind = KIND_FROM_DB[batch.kind!];
  const client = await pool.connect();
  let broken: Error | undefined;
  let refusal: ImportError | undefined;
  try {
    await client.query("BEGIN");
    const loader = await openCopyLoader(client, kind, { orgId: ctx.orgId, batchId: batch.id, targetId });
    const opened = await openStagedFile(db, batch, { format: batch.format!, kind, onProgress });
    if (!opened.ok) throw new AppError("INVALID", { messageKey: "fileChanged" });
    for await (const part of opened.batches as AsyncIterable<{ rows: NormalizedRow[]; errors: ImportError[] }>) {
      refusal = part.errors.find(isFileRefusal);
      if (refusal) break;
      await loader.write(part.rows);
    }
    if (refusal) {
      await loader.abort();
      await client.query("ROLLBACK");
      await db.importBatch.update({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } }, data: { status: "FAILED", errors: toJsonValue([refusal]), progress: 1 } });
      return getImportBatchOrThrow(db, ctx.orgId, batch.id);
    }
    const { inserted, staged } = await loader.finish();
    const targetColumn = targetOf(kind) === "store" ? "storeId" : "fundAccountId";
    await client.query(
      `UPDATE "ImportBatch" SET status = 'COMMITTED', "insertedCount" = $1, "duplicateCount" = $2, "validCount" = $3,
         "committedAt" = now(), progress = 1, "${targetColumn}" = $4 WHERE id = $5 AND "orgId" = $6`,
      [inserted, staged - inserted, staged, targetId, batch.id, ctx.orgId],
    );
    await client.query(`DELETE FROM "ImportFileChunk" WHERE "orgId" = $1 AND "batchId" = $2`, [ctx.orgId, batch.id]);
    await writeAuditLogSql(client, { orgId: ctx.orgId, userId: ctx.userId, userEmail: ctx.userEmail }, {
      action: "import.commit",
      entityType: "ImportBatch",
      entityId: batch.id,
      after: { fileName: batch.fileName, format: batch.format, rows: staged, inserted, duplicates: staged - inserted },
    });
    await client.query("COMMIT");
  } catch (error) {
    // The connection may be mid-COPY; dropping it makes PostgreSQL roll the transaction back.
    broken = error instanceof Error ? error : new Error(String(error));
    await db.importBatch.update({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } }, data: { status: "PREVIEW", progress: 1 } });
    throw error;
  } finally {
    client.release(broken);
  }
  return getImportBatchOrThrow(db, ctx.orgId, batch.id);
}

export async function commitBatch(db: Db, pool: pg.Pool, ctx: Actor, batchId: string, options: CommitOptions = {}): Promise<ImportBatch> {
  const claim = await claimCommit(db, ctx, batchId, options);
  return loadCommittedRows(db, pool, ctx, claim, options.onProgress);
}
