// Cancelling a job: a queued one ends at once; a running one is asked to stop and does so at its
// next progress report (run-job.ts), rolling back what it had not committed.
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";
import { jobKind } from "./job-kinds";

export async function cancelJob(db: Db, orgId: string, jobId: string): Promise<"cancelled" | "requested" | "ended"> {
  const job = isUuid(jobId) ? await db.job.findFirst({ where: { id: jobId, orgId } }) : null;
  if (!job) throw new AppError("NOT_FOUND");
  const queued = await db.job.updateMany({
    where: { id: job.id, orgId, status: "QUEUED" },
    data: { status: "CANCELLED", messageKey: "jobs.cancelled", finishedAt: new Date() },
  });
  if (queued.count) {
    await jobKind(job.kind)?.cancelled(db, orgId, job.subjectId);
    return "cancelled";
  }
  const running = await db.job.updateMany({ where: { id: job.id, orgId, status: "RUNNING" }, data: { cancelRequested: true } });
  return running.count ? "requested" : "ended";
}
