"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { cancelJob } from "@/lib/jobs/cancel-job";

/** Whoever may start a reconciliation run may stop one, and nothing else. */
export const cancelRunAction = orgAction("reconcile.run", z.object({ jobId: z.string() }), async (ctx, input) => {
  const outcome = await cancelJob(db, ctx, input.jobId, ["reconcile-run"]);
  revalidatePath("/reconcile");
  return { outcome };
});
