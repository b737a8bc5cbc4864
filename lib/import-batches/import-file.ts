// The CLI's door to the import core (store-batch-rows.ts), also used by automation, the demo seed and
// the benchmark: the file streams through the parser straight into the core's COPY, with no staged
// copy and no second read, and no person confirms a preview (the command line's flags are the
// confirmation). The web page's door (commit-batch.ts) stages the upload and lets a person confirm
// the preview first; both resolve the target and decide what is stored by the same rules.
import { createHash } from "node:crypto";
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import type { ImportStatus } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/load-org-context";
import { AppError } from "@/lib/errors";
import { parseImportFile } from "@/lib/import";
import type { ImportError, ImportKind } from "@/lib/import/types";
import { batchErrorsJson } from "./batch-errors";
import { importLimits, maxUploadBytes } from "./import-limits";
import { KIND_TO_DB, targetOf } from "./import-kinds";
import { resolveImportTarget } from "./resolve-import-target";
import { cleanFileName } from "./stage-upload";
import { storeBatchRows, type RowBatch, type StoredBatch } from "./store-batch-rows";

export type ImportFileInput = {
  /** The batch's id, chosen by the caller so that a job can name its batch before it exists. */
  batchId?: string;
  fileName: string;
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  format?: string;
  kind?: ImportKind;
  storeId?: string | null;
  fundAccountId?: string | null;
  /** A statement file of several accounts: import only this account's transactions (else it is refused). */
  statementAccount?: string;
  skipInvalid?: boolean;
};

export type ImportFileResult = {
  batchId: string;
  format: string | null;
  kind: ImportKind | null;
  status: ImportStatus;
  rows: number;
  inserted: number;
  duplicates: number;
  invalid: number;
  errors: ImportError[];
};

/**
 * Hashes and measures the bytes as they pass. Past the size limit the stream simply ends (the
 * parser would take a thrown error for a damaged file) and `assertWithinLimit` tells the truth.
 */
function measured(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limitBytes: number) {
  const hash = createHash("sha256");
  const totals = {
    bytes: 0,
    tooLarge: false,
    sha256: () => hash.digest("hex"),
    assertWithinLimit() {
      if (totals.tooLarge) {
        throw new AppError("INVALID", { messageKey: "fileTooLarge", params: { maxMb: Math.round(limitBytes / 1048576) } });
      }
    },
  };
  async function* pass(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      totals.bytes += chunk.length;
      if (totals.bytes > limitBytes) {
        totals.tooLarge = true;
        return;
      }
      hash.update(chunk);
      yield chunk;
    }
  }
  return { stream: pass(), totals };
}

/** The parser takes a stream cut at the size limit for the file's end: refuse it once the rows are read. */
async function* checkedForSize(parts: AsyncIterable<RowBatch>, totals: { assertWithinLimit: () => void }): AsyncGenerator<RowBatch> {
  for await (const part of parts) yield part;
  totals.assertWithinLimit();
}

export async function importFile(db: Db, pool: pg.Pool, actor: Actor, input: ImportFileInput): Promise<ImportFileResult> {
  const fileName = cleanFileName(input.fileName);
  const { stream, totals } = measured(input.source, maxUploadBytes());
  const opened = await parseImportFile(
    { fileName, stream },
    { format: input.format, kind: input.kind, statementAccount: input.statementAccount, limits: importLimits() },
  );
  totals.assertWithinLimit();
  const base = { id: input.batchId, orgId: actor.orgId, fileName, fileSha256: "", fileSizeBytes: 0, createdById: actor.userId };

  if (!opened.ok) {
    const failed = await db.importBatch.create({ data: { ...base, status: "FAILED", errors: batchErrorsJson(opened.errors), progress: 1 } });
    return { batchId: failed.id, format: null, kind: null, status: "FAILED", rows: 0, inserted: 0, duplicates: 0, invalid: 0, errors: opened.errors };
  }

  const file = { formatId: opened.format.id, statementAccount: opened.statementAccount };
  const targetId = await resolveImportTarget(db, actor.orgId, opened.kind, file, input);
  const targetColumn = targetOf(opened.kind) === "store" ? "storeId" : "fundAccountId";
  const batch = await db.importBatch.create({
    data: { ...base, status: "COMMITTING", kind: KIND_TO_DB[opened.kind], format: opened.format.id, headerRow: opened.headerRow, [targetColumn]: targetId },
  });

  let stored: StoredBatch;
  try {
    stored = await storeBatchRows(pool, {
      actor,
      batch: { id: batch.id, fileName, format: opened.format.id },
      kind: opened.kind,
      targetId,
      parts: checkedForSize(opened.batches as AsyncIterable<RowBatch>, totals),
      skipInvalid: input.skipInvalid ?? false,
      // A refused file was not read to its end: its hash would not be the file's.
      fileFacts: ({ refused }) => ({ rowCount: opened.stats.dataRows, fileSha256: refused ? "" : totals.sha256(), fileSizeBytes: totals.bytes }),
  });
  } catch (error) {
    // Nothing of the file was stored (one transaction); a batch row that says so would only be noise.
    await db.importBatch.deleteMany({ where: { id: batch.id, orgId: actor.orgId } });
    throw error;
  }
  return {
    batchId: batch.id,
    format: opened.format.id,
    kind: opened.kind,
    status: stored.status,
    rows: stored.rowCount,
    inserted: stored.inserted,
    duplicates: stored.duplicates,
    invalid: stored.invalid,
    errors: stored.errors,
  };
}
