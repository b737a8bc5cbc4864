"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { getPgPool } from "@/lib/db/pg-pool";
import { getImportBatchOrThrow } from "@/lib/import-batches/batch-queries";
import { claimCommit, loadCommittedRows } from "@/lib/import-batches/commit-batch";
import { previewBatch } from "@/lib/import-batches/preview-batch";
import { recordFailure } from "@/lib/import-batches/run-in-background";
import { cancelBatch, undoBatch } from "@/lib/import-batches/undo-batch";

const optionalId = z
  .string()
  .optional()
  .transform((value) => value || null);

const commitSchema = z.object({
  id: z.string(),
  storeId: optionalId,
  fundAccountId: optionalId,
  skipInvalid: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});

/** Answers at once (wrong state, missing store, invalid rows); the rows load in the background. */
export const commitImportAction = orgAction("imports.manage", commitSchema, async (ctx, input) => {
  const claim = await claimCommit(db, ctx, input.id, input);
  const onProgress = (progress: number) =>
    void db.importBatch.update({ where: { id: claim.batch.id }, data: { progress } }).catch(() => {});
  after(() =>
    loadCommittedRows(db, getPgPool(), ctx, claim, onProgress).catch((error) => recordFailure(db, claim.batch.id, error)),
  );
  revalidatePath("/import");
  return { id: claim.batch.id };
});

export const reparseImportAction = orgAction(
  "imports.manage",
  z.object({ id: z.string(), format: z.string().max(60) }),
  async (ctx, input) => {
    await getImportBatchOrThrow(db, ctx.orgId, input.id);
    await db.importBatch.update({ where: { id: input.id }, data: { status: "PARSING", progress: 0 } });
    after(() => previewBatch(db, ctx, input.id, { format: input.format }).catch((error) => recordFailure(db, input.id, error)));
    revalidatePath(`/import/${input.id}`);
    return { id: input.id };
  },
);

export const cancelImportAction = orgAction("imports.manage", z.object({ id: z.string() }), async (ctx, input) => {
  await cancelBatch(db, ctx, input.id);
  revalidatePath("/import");
  return { id: input.id };
});

export const undoImportAction = orgAction("imports.manage", z.object({ id: z.string() }), async (ctx, input) => {
  await undoBatch(db, ctx, input.id);
  revalidatePath("/import");
  return { id: input.id };
});
