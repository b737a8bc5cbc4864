// Job rows are the queue's working state, not history: the batch or run a job worked on (and the
// audit log) keeps what happened. Ended jobs older than the retention are deleted by the worker's
// sweep, a small batch per statement so no sweep holds many row locks or runs long, and at most a
// bounded number of batches per sweep (the next sweep, 15 s later, goes on).
import type { Db } from "@/lib/db/client";

export type DeleteOldJobsOptions = { retentionDays: number; batchSize?: number; maxBatches?: number };

export async function deleteOldJobs(db: Db, { retentionDays, batchSize = 500, maxBatches = 20 }: DeleteOldJobsOptions): Promise<number> {
  let deleted = 0;
  const secs = retentionDays * 86_400;
  for (let round = 0; round < maxBatches; round++) {
    // createdAt <= finishedAt, so the createdAt bound lets the (status, createdAt) index find them;
    // a job ended without finishedAt (written by hand) ages by its createdAt.
    const count = await db.$executeRaw`
      DELETE FROM "Job" WHERE id IN (
        SELECT id FROM "Job"
        WHERE status IN ('SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED')
          AND "createdAt" < now() - make_interval(secs => ${secs}::float8)
          AND COALESCE("finishedAt", "createdAt") < now() - make_interval(secs => ${secs}::float8)
        LIMIT ${batchSize}::int
      )`;
    deleted += count;
    if (count < batchSize) break;
  }
  return deleted;
}
