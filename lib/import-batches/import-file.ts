// The whole import in one pass, for the CLI, automation and benchmarks: the file streams through
// the parser straight into COPY inside one transaction, with no staged copy and no second read.
// The web page instead stages the upload and lets a person confirm the preview first.
import { createHash } from "node:crypto";
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import type { ImportStatus } from "@/lib/db/generated/enums";
import type { Actor } from "@/lib/auth/load-org-context";
import { writeAuditLogSql } from "@/lib/audit/write-audit-log";
import { AppError } from "@/lib/errors";
import { isFileRefusal, parseImportFile } from "@/lib/import";
import type { ImportError, ImportKind, NormalizedRow } from "@/lib/import/types";
import { toJsonValue } from "@/lib/shared/json-safe";
import { openCopyLoader } from "./copy-into-table";
import { ErrorTally } from "./error-tally";
import { importLimits, maxUploadBytes } from "./import-limits";
import { KIND_TO_DB, targetOf } from "./import-kinds";
import { cleanFileName } from "./stage-upload";
import { suggestFundAccount, suggestStore } from "./suggest-target";

export type ImportFileInput = {
  /** The batch's id, chosen by the caller so that a job can name its batch before it exists. */
  batchId?: string;
  fileName: string;
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  format?: string;
  kind?: ImportKind;
  storeId?: string | null;
  fundAccountId?: string | null;
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

async function resolveTarget(db: Db, actor: Actor, kind: ImportKind, formatId: string, input: ImportFileInput): Promise<string> {
  if (targetOf(kind) === "store") {
    const stores = await db.store.findMany({ where: { orgId: actor.orgId }, select: { id: true, platform: true, archivedAt: true } });
    const id = input.storeId ?? suggestStore(formatId, stores);
    if (!id || !stores.some((store) => store.id === id && !store.archivedAt)) {
      throw new AppError("INVALID", { messageKey: id ? "targetArchived" : "storeRequired", field: "storeId" });
    }
    return id;
  }
  const accounts = await db.fundAccount.findMany({ where: { orgId: actor.orgId }, select: { id: true, type: true, archivedAt: true } });
  const id = input.fundAccountId ?? suggestFundAccount(formatId, accounts);
  if (!id || !accounts.some((account) => account.id === id && !account.archivedAt)) {
    throw new AppError("INVALID", { messageKey: id ? "targetArchived" : "accountRequired", field: "fundAccountId" });
  }
  return id;
}

export async function importFile(db: Db, pool: pg.Pool, actor: Actor, input: ImportFileInput): Promise<ImportFileResult> {
  const fileName = cleanFileName(input.fileName);
  const { stream, totals } = measured(input.source, maxUploadBytes());
  const opened = await parseImportFile({ fileName, stream }, { format: input.format, kind: input.kind, limits: importLimits() });
  totals.assertWithinLimit();
  const base = { id: input.batchId, orgId: actor.orgId, fileName, fileSha256: "", fileSizeBytes: 0, createdById: actor.userId };

  if (!opened.ok) {
    const failed = await db.importBatch.create({ data: { ...base, status: "FAILED", errors: toJsonValue(opened.errors), progress: 1 } });
    return { batchId: failed.id, format: null, kind: null, status: "FAILED", rows: 0, inserted: 0, duplicates: 0, invalid: 0, errors: opened.errors };
  }

  const targetId = await resolveTarget(db, actor, opened.kind, opened.format.id, input);
  const targetColumn = targetOf(opened.kind) === "store" ? "storeId" : "fundAccountId";
  const batch = await db.importBatch.create({
    data: { ...base, status: "COMMITTING", kind: KIND_TO_DB[opened.kind], format: opened.format.id, headerRow: opened.headerRow, [targetColumn]: targetId },
  });

  const tally = new ErrorTally();
  const client = await pool.connect();
  let outcome: { status: ImportStatus; inserted: number; staged: number };
  let broken: unknown;
  let refusal: ImportError | undefined;
  try {
    await client.query("BEGIN");
    const loader = await openCopyLoader(client, opened.kind, { orgId: actor.orgId, batchId: batch.id, targetId });
    for await (const part of opened.batches as AsyncIterable<{ rows: NormalizedRow[]; errors: ImportError[] }>) {
      // Past a limit the whole file is refused: stop reading, store nothing.
      refusal = part.errors.find(isFileRefusal);
      if (refusal) break;
      tally.add(part.errors);
      await loader.write(part.rows);
    }
    totals.assertWithinLimit();
    if (refusal) {
      await loader.abort();
      await client.query("ROLLBACK");
      outcome = { status: "FAILED", inserted: 0, staged: 0 };
    } else if (tally.invalidCount > 0 && !input.skipInvalid) {
      await loader.abort();
      await client.query("ROLLBACK");
      outcome = { status: "REJECTED", inserted: 0, staged: 0 };
    } else {
      const { inserted, staged } = await loader.finish();
      outcome = { status: "COMMITTED", inserted, staged };
      await writeAuditLogSql(client, actor, {
        action: "import.commit",
        entityType: "ImportBatch",
        entityId: batch.id,
        after: { fileName, format: opened.format.id, rows: staged, inserted, duplicates: staged - inserted },
      });
      await client.query("COMMIT");
    }
  } catch (error) {
    // The connection may be mid-COPY; dropping it makes PostgreSQL roll the transaction back.
    broken = error;
    await db.importBatch.delete({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } });
    throw error;
  } finally {
    client.release(broken instanceof Error ? broken : broken ? new Error(String(broken)) : undefined);
  }

  const finished = await db.importBatch.update({
    where: { orgId_id: { orgId: batch.orgId, id: batch.id } },
    data: {
      status: outcome.status,
      // A refused file was not read to its end: its hash would not be the file's.
      fileSha256: refusal ? "" : totals.sha256(),
      fileSizeBytes: totals.bytes,
      rowCount: opened.stats.dataRows,
      validCount: outcome.status === "COMMITTED" ? outcome.staged : opened.stats.importedRows,
      insertedCount: outcome.inserted,
      duplicateCount: outcome.staged - outcome.inserted,
      invalidCount: tally.invalidCount,
      warningCount: tally.warningCount,
      errors: toJsonValue(refusal ? [refusal] : tally.kept),
      progress: 1,
      committedAt: outcome.status === "COMMITTED" ? new Date() : null,
    },
  });
  return {
    batchId: finished.id,
    format: opened.format.id,
    kind: opened.kind,
    status: finished.status,
    rows: finished.rowCount,
    inserted: finished.insertedCount,
    duplicates: finished.duplicateCount,
    invalid: finished.invalidCount,
    errors: refusal ? [refusal] : tally.kept,
  };
}
