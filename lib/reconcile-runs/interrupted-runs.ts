// A run that ended without finishing: its worker died (the sweep in lib/jobs finds it within a
// minute), or someone cancelled it. Stored as these codes in the run's error; the page says them in
// the user's language. Either way the organization's single run slot is free again.
import type { Db } from "@/lib/db/client";
import { JOB_CANCELLED } from "@/lib/jobs/job-cancelled-error";

export const RUN_INTERRUPTED = "INTERRUPTED";
export const RUN_CANCELLED = JOB_CANCELLED;

export async function endUnfinishedRun(db: Db, orgId: string, runId: string, reason: typeof RUN_INTERRUPTED | typeof RUN_CANCELLED): Promise<void> {
  await db.reconciliationRun.updateMany({
    where: { id: runId, orgId, status: "RUNNING" },
    data: { status: "FAILED", finishedAt: new Date(), error: reason },
  });
}
