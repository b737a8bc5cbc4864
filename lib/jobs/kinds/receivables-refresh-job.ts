// Rebuilds an organization's receivables (lib/receivables/refresh-receivables.ts) as a job: the
// worker queues one when the ledger moved (after an import, a run or a person's change), so the web
// server never does it. Nothing is half-written: the rebuild is one transaction, and failure,
// interruption or cancellation leave the previous rows in place, to be rebuilt at the next sweep.
import { z } from "zod";
import type { JobKind } from "../job-kind";
import type { RefreshResult } from "@/lib/receivables/refresh-receivables";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";

const refreshPayload = z.object({ orgId: z.uuid() });

export const receivablesRefreshJob: JobKind<z.infer<typeof refreshPayload>> = {
  payload: refreshPayload,
  // The organization's receivables as a whole are what the job works on.
  subjectOf: (payload) => payload.orgId,
  subjectType: "OrderReceivable",
  async run(ctx, { orgId }): Promise<RefreshResult> {
    return refreshReceivablesAndRollups(ctx.pool, orgId, (done, steps) => ctx.progress(done / steps, "jobs.phase.receivables"));
  },
  failed: async () => {},
  interrupted: async () => {},
  cancelled: async () => {},
};
