// Step 2: read the staged file, detect its format, validate every row, and keep the counts, the
// first errors and a few sample rows on the batch for the preview. Stores no rows.
import type { Db } from "@/lib/db/client";
import type { ImportBatch, Prisma } from "@/lib/db/generated/client";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { AppError } from "@/lib/errors";
import { isFileRefusal } from "@/lib/import";
import type { BankTransactionRow, ImportError } from "@/lib/import/types";
import { getImportBatchOrThrow } from "./batch-queries";
import { batchErrorsJson } from "./batch-errors";
import { batchFactsJson } from "./batch-facts";
import { rawSample, recordsSample } from "./batch-sample";
import { findMappingForRows } from "./column-mappings";
import { ErrorTally } from "./error-tally";
import { KEPT_SAMPLE_ROWS } from "./import-limits";
import { KIND_TO_DB, targetOf } from "./import-kinds";
import { openStagedFile, type ScanOptions } from "./scan-staged-file";
import { suggestedTargetId } from "./resolve-import-target";
import { StatementFactsCollector } from "./statement-facts";

type Ctx = Pick<OrgContext, "orgId">;

export type PreviewResult = { batch: ImportBatch };

export async function previewBatch(db: Db, ctx: Ctx, batchId: string, options: ScanOptions = {}): Promise<PreviewResult> {
  const batch = await getImportBatchOrThrow(db, ctx.orgId, batchId);
  if (!["PARSING", "PREVIEW", "FAILED"].includes(batch.status)) throw new AppError("CONFLICT", { messageKey: "batchNotInPreview" });

  // The caller's report first: a job's report throws when the job was cancelled, stopping the read.
  const reportProgress = (progress: number) => {
    options.onProgress?.(progress);
    void db.importBatch.update({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } }, data: { progress } }).catch(() => {});
  };
  let opened = await openStagedFile(db, batch, { ...options, onProgress: reportProgress });
  // A layout no adapter knows may have been mapped by someone before: recognise it by its header.
  if (!opened.ok && !options.format && !options.columnMapping) {
    const saved = await findMappingForRows(db, ctx.orgId, opened.previewRows);
    if (saved) opened = await openStagedFile(db, batch, { columnMapping: saved, statementAccount: options.statementAccount, onProgress: reportProgress });
  }
  const fail = async (errors: ImportError[], sample: Prisma.InputJsonValue) => {
    const failed = await db.importBatch.update({
      where: { orgId_id: { orgId: batch.orgId, id: batch.id } },
      data: { status: "FAILED", errors: batchErrorsJson(errors), sample, progress: 1 },
    });
    return { batch: failed };
  };
  // No layout recognised: keep the file's first raw rows, from which a column mapping is chosen.
  if (!opened.ok) return fail(opened.errors, rawSample(opened.previewRows));

  const tally = new ErrorTally();
  const sample: unknown[] = [];
  let validCount = 0;
  const statementFacts = opened.kind === "bank" ? new StatementFactsCollector() : null;
  for await (const part of opened.batches as AsyncIterable<{ rows: unknown[]; errors: ImportError[] }>) {
    // A limit passed mid-file: leaving the loop stops the reading; the rows before it do not count.
    const refusal = part.errors.find(isFileRefusal);
    if (refusal) return fail([refusal], recordsSample([]));
    validCount += part.rows.length;
    for (const row of part.rows) if (sample.length < KEPT_SAMPLE_ROWS) sample.push(row);
    if (statementFacts) for (const row of part.rows as BankTransactionRow[]) statementFacts.add(row);
    tally.add(part.errors);
  }

  const target = targetOf(opened.kind);
  // Keep the user's choice from the upload; otherwise suggest the one obvious candidate, by the same
  // rule the commit and the CLI apply when nothing is chosen.
  const chosen = target === "store" ? batch.storeId : batch.fundAccountId;
  const file = { formatId: opened.format.id, statementAccount: opened.statementAccount };
  const targetId = chosen ?? (await suggestedTargetId(db, ctx.orgId, opened.kind, file));
  const updated = await db.importBatch.update({
    where: { orgId_id: { orgId: batch.orgId, id: batch.id } },
    data: {
      status: "PREVIEW",
      kind: KIND_TO_DB[opened.kind],
      format: opened.format.id,
      headerRow: opened.headerRow,
      rowCount: opened.stats.dataRows,
      validCount,
      invalidCount: tally.invalidCount,
      warningCount: tally.warningCount,
      errors: batchErrorsJson(tally.kept),
      sample: recordsSample(sample),
      facts: batchFactsJson({ statementAccount: opened.statementAccount, statement: statementFacts?.result() ?? null }),
      progress: 1,
      storeId: target === "store" ? targetId : null,
      fundAccountId: target === "account" ? targetId : null,
    },
  });
  return { batch: updated };
}
