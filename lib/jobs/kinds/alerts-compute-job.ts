// Computes a company's alerts (lib/alerts/compute-alerts.ts) as a job: queued by the worker after a
// receivables rebuild, a rule change or the turn of the day, so the web server never does it. The
// computation is one transaction: failure, interruption or cancellation leave the previous alerts.
import { z } from "zod";
import type { JobKind } from "../job-kind";
import { computeAlerts, type ComputeAlertsResult } from "@/lib/alerts/compute-alerts";

const computePayload = z.object({ orgId: z.uuid(), asOf: z.iso.date().optional() });

export const alertsComputeJob: JobKind<z.infer<typeof computePayload>> = {
  payload: computePayload,
  // The company's alerts as a whole are what the job works on.
  subjectOf: (payload) => payload.orgId,
  subjectType: "Alert",
  async run(ctx, { orgId, asOf }): Promise<ComputeAlertsResult> {
    await ctx.progress(0, "jobs.phase.alerts");
    return computeAlerts(ctx.db, orgId, { asOf });
  },
  failed: async () => {},
  interrupted: async () => {},
  cancelled: async () => {},
};
