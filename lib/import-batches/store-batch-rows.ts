// The one import core both doors call (the CLI with the file as it streams in, the web page's commit
// job with the staged upload): parsed rows → PostgreSQL, and the batch's final row, in ONE
// transaction (for a refused file: its final row alone, nothing stored). Rows are never stored under a batch that does not say COMMITTED, and a batch never
// says COMMITTED without its rows and its audit row: a process killed at any point leaves the batch
// COMMITTING with nothing stored, which the job sweep then marks interrupted.
//
// The one policy for what a file may store lives here, not in the doors:
// - a file past an import limit (a "file refusal") stops the reading and ends FAILED, nothing stored;
// - invalid rows refuse the whole file (REJECTED, nothing stored) unless the user chose to skip them;
// - otherwise the valid rows are stored (those already stored count as duplicates) and it is COMMITTED.
import type pg from "pg";
import type { ImportStatus } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/load-org-context";
import { writeAuditLogSql } from "@/lib/audit/write-audit-log";
import { isFileRefusal } from "@/lib/import";
import type { ImportError, ImportKind, NormalizedRow } from "@/lib/import/types";
import { batchErrorsJson } from "./batch-errors";
import { openCopyLoader } from "./copy-into-table";
import { ErrorTally } from "./error-tally";
import { targetOf } from "./import-kinds";

export type RowBatch = { rows: NormalizedRow[]; errors: ImportError[] };

/** What a door learns of the file only by reading it, written into the same final row. */
export type FileFacts = { rowCount: number; fileSha256?: string; fileSizeBytes?: number };

export type StoreBatchRowsInput = {
  actor: Actor;
  /** A batch the door has put in COMMITTING (created by the CLI, claimed from PREVIEW by the web page). */
  batch: { id: string; fileName: string; format: string };
  kind: ImportKind;
  /** Resolved by resolveImportTarget: the store or fund account the rows belong to. */
  targetId: string;
  parts: AsyncIterable<RowBatch>;
  skipInvalid: boolean;
  /** Asked once the reading has ended (early, when refused past a limit). */
  fileFacts: (ended: { refused: boolean }) => FileFacts;
};

export type StoredBatch = {
  status: Extract<ImportStatus, "COMMITTED" | "REJECTED" | "FAILED">;
  rowCount: number;
  valid: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  warnings: number;
  errors: ImportError[];
};

/** Thrown when the batch stopped being COMMITTING meanwhile (e.g. swept as interrupted): nothing is kept. */
export class BatchNoLongerCommittingError extends Error {
  constructor(batchId: string) {
    super(`Import batch ${batchId} is no longer COMMITTING; its rows were not stored`);
  }
}

export async function storeBatchRows(pool: pg.Pool, input: StoreBatchRowsInput): Promise<StoredBatch> {
  const { actor, batch, kind, targetId, skipInvalid } = input;
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const loader = await openCopyLoader(client, kind, { orgId: actor.orgId, batchId: batch.id, targetId });
    const tally = new ErrorTally();
    let refusal: ImportError | undefined;
    let valid = 0;
    for await (const part of input.parts) {
      // Past a limit the whole file is refused: leaving the loop stops the reading.
      refusal = part.errors.find(isFileRefusal);
      if (refusal) break;
      tally.add(part.errors);
      valid += part.rows.length;
      // Once the file is sure to be rejected, its rows need not be loaded: only counted.
      if (skipInvalid || tally.invalidCount === 0) await loader.write(part.rows);
    }
    const facts = input.fileFacts({ refused: refusal !== undefined });

    // A refused or rejected file's rows are rolled back and its final row written in a transaction of
    // its own, with nothing stored. (Not a savepoint around the rows: nesting the loader's per-chunk
    // savepoints under another measurably slowed the benchmark's COPY.)
    const discardRows = async () => {
      await loader.abort();
      await client.query("ROLLBACK");
      await client.query("BEGIN");
    };
    let stored: StoredBatch;
    const counts = { rowCount: facts.rowCount, valid, invalid: tally.invalidCount, warnings: tally.warningCount };
    if (refusal) {
      await discardRows();
      stored = { status: "FAILED", ...counts, inserted: 0, duplicates: 0, errors: [refusal] };
    } else if (tally.invalidCount > 0 && !skipInvalid) {
      await discardRows();
      stored = { status: "REJECTED", ...counts, inserted: 0, duplicates: 0, errors: tally.kept };
    } else {
      const { inserted, staged } = await loader.finish();
      stored = { status: "COMMITTED", ...counts, valid: staged, inserted, duplicates: staged - inserted, errors: tally.kept };
    }

    await writeFinalBatchRow(client, input, stored, facts);
    // A committed or rejected batch can never be read again: its staged upload (web door) goes.
    // A FAILED one keeps it, to be read again or cancelled, as after a failed preview.
    if (stored.status !== "FAILED") {
      await client.query(`DELETE FROM "ImportFileChunk" WHERE "orgId" = $1 AND "batchId" = $2`, [actor.orgId, batch.id]);
    }
    if (stored.status === "COMMITTED") {
      await writeAuditLogSql(client, actor, {
        action: "import.commit",
        entityType: "ImportBatch",
        entityId: batch.id,
        after: { fileName: batch.fileName, format: batch.format, rows: stored.valid, inserted: stored.inserted, duplicates: stored.duplicates },
      });
    }
    await client.query("COMMIT");
    return stored;
  } catch (error) {
    // The connection may be mid-COPY; dropping it makes PostgreSQL roll the transaction back.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

async function writeFinalBatchRow(client: pg.PoolClient, input: StoreBatchRowsInput, stored: StoredBatch, facts: FileFacts): Promise<void> {
  const targetColumn = targetOf(input.kind) === "store" ? "storeId" : "fundAccountId";
  const updated = await client.query(
    `UPDATE "ImportBatch" SET
       status = $1::"ImportStatus", "rowCount" = $2, "validCount" = $3, "insertedCount" = $4, "duplicateCount" = $5,
       "invalidCount" = $6, "warningCount" = $7, errors = $8::jsonb, progress = 1,
       "committedAt" = CASE WHEN $1 = 'COMMITTED' THEN now() END, "${targetColumn}" = $9,
       "fileSha256" = COALESCE($10, "fileSha256"), "fileSizeBytes" = COALESCE($11, "fileSizeBytes"), "updatedAt" = now()
     WHERE id = $12 AND "orgId" = $13 AND status = 'COMMITTING'`,
    [
      stored.status,
      stored.rowCount,
      stored.valid,
      stored.inserted,
      stored.duplicates,
      stored.invalid,
      stored.warnings,
      JSON.stringify(batchErrorsJson(stored.errors)),
      input.targetId,
      facts.fileSha256 ?? null,
      facts.fileSizeBytes ?? null,
      input.batch.id,
      input.actor.orgId,
    ],
  );
  if (updated.rowCount !== 1) throw new BatchNoLongerCommittingError(input.batch.id);
}
