"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { cancelJob } from "@/lib/jobs/cancel-job";

/** Whoever may import may stop an import's reading or loading, and nothing else. */
export const cancelImportJobAction = orgAction("imports.manage", z.object({ jobId: z.string() }), async (ctx, input) => {
  const outcome = await cancelJob(db, ctx, input.jobId, ["import-preview", "import-commit", "import-file"]);
  revalidatePath("/import");
  return { outcome };
});
