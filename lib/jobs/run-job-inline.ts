// The CLI runs a job in its own process, through the same lifecycle as a worker: the job row is
// created already claimed by the CLI, heartbeats while it works, and ends SUCCEEDED/FAILED/
// CANCELLED. A CLI killed mid-job stops its heartbeat, and a worker's sweep recovers the job and its
// batch or run within a minute, as for a dead worker.
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { createJobRow } from "./enqueue-job";
import type { JobKindName, JobPayload } from "./job-kinds";
import type { JobTimings } from "./job-timings";
import { JobCancelledError } from "./job-cancelled-error";
import { runClaimedJob } from "./run-job";
import { newWorkerId } from "./worker";

export async function runJobInline<K extends JobKindName>(
  deps: { db: Db; pool: pg.Pool },
  kind: K,
  payload: JobPayload<K>,
  timings: Pick<JobTimings, "heartbeatMs">,
): Promise<unknown> {
  const workerId = newWorkerId("cli");
  const job = await createJobRow(deps.db, kind, payload, { status: "RUNNING", workerId });
  const outcome = await runClaimedJob(deps, { id: job.id, orgId: job.orgId, kind, payload: job.payload, subjectId: job.subjectId }, workerId, timings);
  // The caller answers as if it had called the lib function itself: its result, or its error.
  if (outcome.status === "FAILED") throw outcome.error;
  if (outcome.status === "CANCELLED") throw new JobCancelledError();
  return outcome.result;
}
