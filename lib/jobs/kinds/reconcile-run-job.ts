// A reconciliation run as a job (lib/jobs). The web app (or the CLI) claims the organization's run
// slot first with startRun, so "already running" answers at once; the worker does the matching.
import { z } from "zod";
import type { JobKind } from "../job-kind";
import { endUnfinishedRun, RUN_CANCELLED, RUN_INTERRUPTED } from "@/lib/match-runs/interrupted-runs";
import { executeRun, type RunSummary } from "@/lib/match-runs/run-reconciliation";

const runPayload = z.object({ orgId: z.uuid(), runId: z.uuid() });

export const reconcileRunJob: JobKind<z.infer<typeof runPayload>> = {
  payload: runPayload,
  subjectOf: (payload) => payload.runId,
  subjectType: "ReconciliationRun",
  async run(ctx, { orgId, runId }): Promise<RunSummary> {
    const run = await ctx.db.reconciliationRun.findFirstOrThrow({ where: { id: runId, orgId } });
    if (run.status !== "RUNNING") throw new Error(`run ${runId} is ${run.status}, not RUNNING`);
    const actor = { orgId, userId: run.startedById, userEmail: null };
    return executeRun(ctx.db, actor, run, ctx.pool, ctx.progress);
  },
  // executeRun recorded the failure on the run (a cancel as RUN_CANCELLED) before it threw.
  failed: async () => {},
  interrupted: (db, orgId, runId) => endUnfinishedRun(db, orgId, runId, RUN_INTERRUPTED),
  cancelled: (db, orgId, runId) => endUnfinishedRun(db, orgId, runId, RUN_CANCELLED),
};
