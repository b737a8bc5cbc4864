"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { startRun } from "@/lib/match-runs/run-reconciliation";
import { resolveRunScope, runScopeInputSchema } from "@/lib/match-runs/run-scope";

/**
 * Claims the run slot at once (so "already running" answers immediately); a worker does the matching
 * (lib/jobs). An optional month, store or account narrows what the run redoes (run-scope.ts).
 */
export const startReconciliationAction = orgAction("reconcile.run", runScopeInputSchema, async (ctx, input) => {
  const scope = await resolveRunScope(db, ctx.orgId, input);
  const run = await startRun(db, ctx, scope);
  await enqueueJob(db, "reconcile-run", { orgId: ctx.orgId, runId: run.id });
  revalidatePath("/reconcile");
  return { runId: run.id };
});
