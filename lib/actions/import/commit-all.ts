"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { claimCommit } from "@/lib/import-batches/commit-batch";
import { isCleanPreview, loadUploadGroup, readyToCommitAll, uploadGroupIds } from "@/lib/import-batches/upload-group";
import { enqueueJob } from "@/lib/jobs/enqueue-job";

/**
 * "Import all" for one multi-file upload: every waiting file must have a clean preview, checked
 * before any is claimed, so a group is not half committed because one file needed a person. Each
 * file is then committed through the same claim and job as its own page's button (its own audit
 * row, its own undo).
 */
export const commitAllImportsAction = orgAction("imports.manage", z.object({ ids: z.string().max(2000) }), async (ctx, input) => {
  const ids = uploadGroupIds(input.ids);
  const batches = await loadUploadGroup(db, ctx.orgId, ids);
  if (batches.length !== ids.length) throw new AppError("NOT_FOUND");
  if (!readyToCommitAll(batches)) throw new AppError("CONFLICT", { messageKey: "uploadNotReady" });
  const { orgId, userId, userEmail } = ctx;
  for (const batch of batches.filter(isCleanPreview)) {
    const claim = await claimCommit(db, ctx, batch.id);
    await enqueueJob(db, "import-commit", { orgId, batchId: batch.id, userId, userEmail, targetId: claim.targetId, skipInvalid: false });
  }
  revalidatePath("/import");
  return { count: batches.length };
});
