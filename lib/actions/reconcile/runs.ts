"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { startRun } from "@/lib/match-runs/run-reconciliation";

/** Claims the run slot at once (so "already running" answers immediately); a worker does the matching (lib/jobs). */
export const startReconciliationAction = orgAction("reconcile.run", z.object({}), async (ctx) => {
  const run = await startRun(db, ctx, {});
  await enqueueJob(db, "reconcile-run", { orgId: ctx.orgId, runId: run.id });
  revalidatePath("/reconcile");
  return { runId: run.id };
});
