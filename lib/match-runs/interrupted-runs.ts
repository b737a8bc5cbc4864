// A run that ended without finishing: its worker died (the sweep in lib/jobs finds it within a
// minute), or someone cancelled it. Stored as these codes in the run's error; the page says them in
// the user's language. Either way the organization's single run slot is free again.
import type { Tx } from "@/lib/db/client";

export const RUN_INTERRUPTED = "INTERRUPTED";
/** The message of lib/jobs' JobCancelledError, which executeRun records as the run's error
 * (jobs.test.ts checks that a cancelled run shows exactly this). */
export const RUN_CANCELLED = "CANCELLED";

export async function endUnfinishedRun(db: Tx, orgId: string, runId: string, reason: typeof RUN_INTERRUPTED | typeof RUN_CANCELLED): Promise<void> {
  await db.reconciliationRun.updateMany({
    where: { id: runId, orgId, status: "RUNNING" },
    data: { status: "FAILED", finishedAt: new Date(), error: reason },
  });
}
