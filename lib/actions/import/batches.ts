"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { getImportBatchOrThrow } from "@/lib/import-batches/batch-queries";
import { claimCommit } from "@/lib/import-batches/commit-batch";
import { cancelBatch, undoBatch } from "@/lib/import-batches/undo-batch";
import { rawSampleRows } from "@/lib/import-batches/batch-sample";
import { saveColumnMapping } from "@/lib/import-batches/column-mappings";
import { mappingFromForm } from "@/lib/import-batches/mapping-from-form";
import { restartPreview } from "@/lib/import-batches/restart-preview";
import { enqueueJob } from "@/lib/jobs/enqueue-job";

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

/** Answers at once (wrong state, missing store, invalid rows); a worker loads the rows (lib/jobs). */
export const commitImportAction = orgAction("imports.manage", commitSchema, async (ctx, input) => {
  const claim = await claimCommit(db, ctx, input.id, input);
  const { orgId, userId, userEmail } = ctx;
  await enqueueJob(db, "import-commit", { orgId, batchId: claim.batch.id, userId, userEmail, targetId: claim.targetId, skipInvalid: claim.skipInvalid });
  revalidatePath("/import");
  return { id: claim.batch.id };
});

export const reparseImportAction = orgAction(
  "imports.manage",
  z.object({ id: z.string(), format: z.string().max(60) }),
  async (ctx, input) => {
    await restartPreview(db, ctx.orgId, input.id);
    await enqueueJob(db, "import-preview", { orgId: ctx.orgId, batchId: input.id, format: input.format });
    revalidatePath(`/import/${input.id}`);
    return { id: input.id };
  },
);

/**
 * A statement file holding several accounts was refused by its preview (STATEMENT_SEVERAL_ACCOUNTS):
 * read it again for the one account chosen. An account the file does not hold is refused by the read.
 */
export const chooseStatementAccountAction = orgAction(
  "imports.manage",
  z.object({ id: z.string(), account: z.string().trim().min(1, { error: "validation.required" }).max(100, { error: "validation.tooLong" }) }),
  async (ctx, input) => {
    await restartPreview(db, ctx.orgId, input.id);
    await enqueueJob(db, "import-preview", { orgId: ctx.orgId, batchId: input.id, statementAccount: input.account });
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

const mappedColumn = z
  .string()
  .optional()
  .transform((value) => value || undefined);

const mapColumnsSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(1, { error: "validation.required" }).max(60, { error: "validation.tooLong" }),
  headerRow: z.coerce.number().int().min(0).max(100),
  kind: z.enum(["bank", "settlement"]),
  date: z.string().min(1, { error: "validation.required" }),
  time: mappedColumn,
  amount: mappedColumn,
  inflow: mappedColumn,
  outflow: mappedColumn,
  direction: mappedColumn,
  amountSign: z
    .enum(["positiveIsIn", "positiveIsOut", ""])
    .optional()
    .transform((value) => value || undefined),
  reference: mappedColumn,
  counterparty: mappedColumn,
  orderNo: mappedColumn,
  fee: mappedColumn,
  memo: mappedColumn,
  balance: mappedColumn,
});

/** Saves a column mapping for an unknown layout (recognised next time) and reads the file with it. */
export const mapColumnsAction = orgAction("imports.manage", mapColumnsSchema, async (ctx, input) => {
  const batch = await getImportBatchOrThrow(db, ctx.orgId, input.id);
  const { id: _id, name, ...form } = input;
  const { header, mapping } = mappingFromForm(rawSampleRows(batch), form);
  await saveColumnMapping(db, ctx, { name, header, mapping });
  await restartPreview(db, ctx.orgId, batch.id);
  await enqueueJob(db, "import-preview", { orgId: ctx.orgId, batchId: batch.id, columnMapping: mapping });
  revalidatePath(`/import/${batch.id}`);
  return { id: batch.id };
});
