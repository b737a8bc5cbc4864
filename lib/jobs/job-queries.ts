// What a page shows of the job behind a batch or run it displays: waiting for a worker, or the
// phase the worker is in, and whether it can still be cancelled. The batch or run stays the page's
// source of truth; this only names the step.
import type { Tx } from "@/lib/db/client";

export type JobView = { id: string; kind: string; status: string; phase: string | null; cancelRequested: boolean };

export async function latestJobOf(db: Tx, orgId: string, subjectId: string): Promise<JobView | null> {
  return db.job.findFirst({
    where: { orgId, subjectId },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, status: true, phase: true, cancelRequested: true },
  });
}

/** The progress bar's label: "waiting for a worker", "cancelling", the phase, or null for the page's own label. */
export function jobProgressLabel(t: (key: string) => string, job: JobView | null): string | null {
  if (job?.status === "QUEUED") return t("jobs.queued");
  if (job?.status === "RUNNING" && job.cancelRequested) return t("jobs.cancelling");
  if (job?.status === "RUNNING" && job.phase?.startsWith("jobs.phase.")) return t(job.phase);
  return null;
}

/** A job someone may still cancel: not ended, and not already asked to stop. */
export function isCancellable(job: JobView | null): job is JobView {
  return (job?.status === "QUEUED" || job?.status === "RUNNING") && !job.cancelRequested;
}
