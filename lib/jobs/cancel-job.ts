// Cancelling a job: a queued one ends at once; a running one is asked to stop and does so at its
// next progress report (run-job.ts), rolling back what it had not committed. Either way the request
// and its audit row are one transaction.
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/load-org-context";
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";
import { jobKind, type JobKindName } from "./job-kinds";

/** "cancelled": it had not started and is over; "requested": it stops at its next report; "ended": it finished first. */
export type CancelOutcome = "cancelled" | "requested" | "ended";

/**
 * `kinds` are the kinds the caller may cancel — those its permission lets it start — so a person who
 * may import cannot stop a reconciliation run by its job id. Another company's job, or a job of
 * another kind, is "not found".
 */
export async function cancelJob(db: Db, actor: Actor, jobId: string, kinds: readonly JobKindName[]): Promise<CancelOutcome> {
  return db.$transaction(async (tx) => {
    const job = isUuid(jobId) ? await tx.job.findFirst({ where: { id: jobId, orgId: actor.orgId, kind: { in: [...kinds] } } }) : null;
    const kind = job ? jobKind(job.kind) : undefined;
    if (!job || !kind) throw new AppError("NOT_FOUND");
    const queued = await tx.job.updateMany({
      where: { id: job.id, orgId: actor.orgId, status: "QUEUED" },
      data: { status: "CANCELLED", messageKey: "jobs.cancelled", finishedAt: new Date() },
    });
    let outcome: CancelOutcome = "cancelled";
    if (queued.count) {
      await kind.cancelled(tx, actor.orgId, job.subjectId);
    } else {
      const running = await tx.job.updateMany({ where: { id: job.id, orgId: actor.orgId, status: "RUNNING" }, data: { cancelRequested: true } });
      // It ended on its own before the request: nothing was changed, so there is nothing to record.
      if (running.count === 0) return "ended";
      outcome = "requested";
    }
    await writeAuditLog(tx, actor, {
      action: "job.cancel",
      entityType: kind.subjectType,
      entityId: job.subjectId,
      after: { jobId: job.id, kind: job.kind, outcome },
    });
    return outcome;
  });
}
