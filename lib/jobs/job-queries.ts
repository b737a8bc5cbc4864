// What a page shows of the job behind a batch or run it displays: waiting for a worker, or the
// phase the worker is in. The batch or run stays the page's source of truth; this only names the step.
import type { Tx } from "@/lib/db/client";

export type JobView = { status: string; phase: string | null };

export async function latestJobOf(db: Tx, orgId: string, subjectId: string): Promise<JobView | null> {
  return db.job.findFirst({ where: { orgId, subjectId }, orderBy: { createdAt: "desc" }, select: { status: true, phase: true } });
}

/** The progress bar's label: "waiting for a worker", the phase, or null for the page's own label. */
export function jobProgressLabel(t: (key: string) => string, job: JobView | null): string | null {
  if (job?.status === "QUEUED") return t("jobs.queued");
  if (job?.status === "RUNNING" && job.phase?.startsWith("jobs.phase.")) return t(job.phase);
  return null;
}
