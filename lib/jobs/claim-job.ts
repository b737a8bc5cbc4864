// A worker takes the oldest queued job. FOR UPDATE SKIP LOCKED lets any number of workers ask at
// once: each locks a different row, and a row another worker has just claimed is re-checked against
// status = 'QUEUED' (PostgreSQL re-evaluates the condition on the committed version), so a job is
// claimed exactly once.
import type { Db } from "@/lib/db/client";

export type ClaimedJob = { id: string; orgId: string; kind: string; payload: unknown; subjectId: string };

export async function claimNextJob(db: Db, workerId: string): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "workerId" = ${workerId}, "startedAt" = now(), "heartbeatAt" = now()
    WHERE status = 'QUEUED' AND id = (
      SELECT id FROM "Job" WHERE status = 'QUEUED' ORDER BY "createdAt", id FOR UPDATE SKIP LOCKED LIMIT 1
    )
    RETURNING id::text, "orgId"::text, kind, payload, "subjectId"::text`;
  return rows[0] ?? null;
}
