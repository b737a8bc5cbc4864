// The web app's (and the CLI's) one way to hand long work to a worker: a QUEUED row, and a
// notification that wakes idle workers at once (they also poll, so a lost notification only delays).
import type { Tx } from "@/lib/db/client";
import type { Job } from "@/lib/db/generated/client";
import { toJsonValue } from "@/lib/shared/json-safe";
import { JOB_KINDS, type JobKindName, type JobPayload } from "./job-kinds";

export const JOBS_CHANNEL = "recon_jobs";

export async function enqueueJob<K extends JobKindName>(db: Tx, kind: K, payload: JobPayload<K>): Promise<Job> {
  const job = await createJobRow(db, kind, payload, { status: "QUEUED" });
  await db.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${job.id})`;
  return job;
}

/** Checks the payload against its kind before anything is stored: a worker never meets a malformed job. */
export async function createJobRow<K extends JobKindName>(
  db: Tx,
  kind: K,
  payload: JobPayload<K>,
  state: { status: "QUEUED" } | { status: "RUNNING"; workerId: string },
): Promise<Job> {
  const definition = JOB_KINDS[kind];
  const parsed = definition.payload.parse(payload) as { orgId: string };
  const subjectId = (definition.subjectOf as (value: unknown) => string)(parsed);
  const running = state.status === "RUNNING" ? { workerId: state.workerId, startedAt: new Date(), heartbeatAt: new Date() } : {};
  return db.job.create({ data: { orgId: parsed.orgId, kind, payload: toJsonValue(parsed), subjectId, status: state.status, ...running } });
}
