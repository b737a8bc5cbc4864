// A run whose process ended without recording its end: the app was stopped meanwhile, or the run's
// process was killed. Stored as this code in the run's error; the page says it in the user's language.
import type { Db } from "@/lib/db/client";

export const RUN_INTERRUPTED = "INTERRUPTED";

/**
 * At app start no run can be going (runs are child processes of the web server, which stop with
 * it): any run still RUNNING was cut off, and would hold its organization's run slot for ever.
 */
export async function failInterruptedRuns(db: Db, only: { orgId?: string } = {}): Promise<number> {
  const { count } = await db.reconciliationRun.updateMany({
    where: { ...only, status: "RUNNING" },
    data: { status: "FAILED", finishedAt: new Date(), error: RUN_INTERRUPTED },
  });
  return count;
}
