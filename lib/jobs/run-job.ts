// The one lifecycle every job goes through once claimed: heartbeat while it works, progress on the
// job row, then exactly one end — SUCCEEDED, FAILED with a message key for the user, or CANCELLED —
// and the job's kind puts its batch or run in the matching state. A worker that dies before the end
// stops its heartbeat; the sweep (sweep-jobs.ts) ends the job for it.
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import type { ClaimedJob } from "./claim-job";
import { JobCancelledError } from "./job-cancelled-error";
import type { JobContext } from "./job-context";
import { jobKind } from "./job-kinds";
import type { JobTimings } from "./job-timings";

export type JobOutcome = { status: "SUCCEEDED"; result: unknown } | { status: "FAILED"; error: unknown } | { status: "CANCELLED" };

/** Progress rows are written at most this often, except when the phase changes. */
const PROGRESS_WRITE_MS = 500;

export async function runClaimedJob(
  deps: { db: Db; pool: pg.Pool },
  job: ClaimedJob,
  workerId: string,
  timings: Pick<JobTimings, "heartbeatMs">,
): Promise<JobOutcome> {
  const { db } = deps;
  const mine = { id: job.id, workerId, status: "RUNNING" as const };
  const kind = jobKind(job.kind);
  let cancelRequested = false;
  // Every write to the job row also reads whether someone asked to cancel it.
  const touch = async (data: { progress?: number; phase?: string }) => {
    const rows = await db.$queryRaw<{ cancelRequested: boolean }[]>`
      UPDATE "Job" SET "heartbeatAt" = now(), progress = COALESCE(${data.progress ?? null}::float8, progress),
        phase = COALESCE(${data.phase ?? null}, phase)
      WHERE id = ${job.id}::uuid AND "workerId" = ${workerId} AND status = 'RUNNING'
      RETURNING "cancelRequested"`;
    if (rows[0]?.cancelRequested) cancelRequested = true;
  };
  const heartbeat = setInterval(() => void touch({}).catch((error) => console.warn(`Job ${job.id}: heartbeat failed: ${error}`)), timings.heartbeatMs);

  let lastWrite = 0;
  let lastPhase: string | undefined;
  const ctx: JobContext = {
    db,
    pool: deps.pool,
    jobId: job.id,
    progress(fraction, phase) {
      if (cancelRequested) throw new JobCancelledError();
      const now = Date.now();
      if (phase === lastPhase && now - lastWrite < PROGRESS_WRITE_MS) return;
      lastWrite = now;
      lastPhase = phase ?? lastPhase;
      void touch({ progress: Math.min(1, Math.max(0, fraction)), phase }).catch(() => {});
    },
  };

  try {
    if (!kind) throw new Error(`unknown job kind ${job.kind}`);
    const payload = kind.payload.parse(job.payload);
    // A cancel that came between the claim and now stops the job before it starts.
    await touch({ progress: 0 });
    if (cancelRequested) throw new JobCancelledError();
    const result = await kind.run(ctx, payload);
    await db.job.updateMany({ where: mine, data: { status: "SUCCEEDED", progress: 1, finishedAt: new Date() } });
    return { status: "SUCCEEDED", result };
  } catch (error) {
    if (error instanceof JobCancelledError) {
      await db.job.updateMany({ where: mine, data: { status: "CANCELLED", messageKey: "jobs.cancelled", finishedAt: new Date() } });
      await kind?.cancelled(db, job.orgId, job.subjectId);
      return { status: "CANCELLED" };
    }
    // An AppError carries what to tell the user; anything else is a fault the user can only retry.
    const messageKey = isAppError(error) ? `errors.${error.messageKey}` : "jobs.failed";
    const text = error instanceof Error ? error.message.slice(0, 500) : String(error);
    // A refusal the user is told about (an AppError) is no fault of the system: no stack in the log.
    if (!isAppError(error)) console.error(`Job ${job.kind} ${job.id} failed`, error);
    await db.job.updateMany({ where: mine, data: { status: "FAILED", messageKey, error: text, finishedAt: new Date() } });
    const payload = kind?.payload.safeParse(job.payload);
    if (kind && payload?.success) await kind.failed(db, payload.data, error).catch((failure) => console.error(`Job ${job.id}: could not record the failure`, failure));
    return { status: "FAILED", error };
  } finally {
    clearInterval(heartbeat);
  }
}
