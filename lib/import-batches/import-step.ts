// The heavy steps of a staged import — reading the file for its preview, and reading it again to
// load its rows — as one request a child process can run (scripts/import-step.ts). The request is
// what the web server decided (which batch, read how, committed by whom into what); the child takes
// everything else from the database, scoped to the request's organization.
import type pg from "pg";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ColumnMapping } from "@/lib/import";
import { AppError } from "@/lib/errors";
import { getImportBatchOrThrow } from "./batch-queries";
import { loadCommittedRows } from "./commit-batch";
import { previewBatch } from "./preview-batch";

export const importStepSchema = z.discriminatedUnion("step", [
  z.object({
    step: z.literal("preview"),
    orgId: z.string(),
    batchId: z.string(),
    format: z.string().optional(),
    // Checked by the import itself, which explains a bad mapping to the user (MAPPING_INCOMPLETE).
    columnMapping: z.custom<ColumnMapping>((value) => typeof value === "object" && value !== null).optional(),
  }),
  z.object({
    step: z.literal("commit"),
    orgId: z.string(),
    batchId: z.string(),
    userId: z.string().nullable(),
    userEmail: z.string().nullable(),
    targetId: z.string(),
  }),
]);

export type ImportStep = z.infer<typeof importStepSchema>;

export async function runImportStep(db: Db, pool: pg.Pool, request: ImportStep): Promise<void> {
  if (request.step === "preview") {
    const { format, columnMapping } = request;
    await previewBatch(db, { orgId: request.orgId }, request.batchId, { format, columnMapping });
    return;
  }
  const batch = await getImportBatchOrThrow(db, request.orgId, request.batchId);
  if (batch.status !== "COMMITTING") throw new AppError("CONFLICT", { messageKey: "batchNotInPreview" });
  const onProgress = (progress: number) => void db.importBatch.update({ where: { id: batch.id }, data: { progress } }).catch(() => {});
  const actor = { orgId: request.orgId, userId: request.userId, userEmail: request.userEmail };
  await loadCommittedRows(db, pool, actor, { batch, targetId: request.targetId }, onProgress);
}
