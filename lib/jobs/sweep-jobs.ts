// Recovery without anyone opening a page or restarting anything: every worker runs this every
// sweepMs (running it twice at once is harmless: each row is ended by one UPDATE only).
//  1. A RUNNING job whose heartbeat is older than staleAfterMs lost its worker (kill -9, out of
//     memory, machine gone). It becomes INTERRUPTED and its batch or run FAILED as interrupted, which
//     frees the organization's run slot. Not retried: an interrupted commit or run is safe to start
//     again, but only the user knows whether they still want it.
//  2. A batch, run or export left in a working state with no live job at all — the web server died
//     between writing it and queueing its job — is failed the same way after orphanGraceMs.
//  3. Ended jobs older than retentionDays are deleted (delete-old-jobs.ts), and the files of exports
//     past their retention (expire-exports.ts).
import type { Db } from "@/lib/db/client";
import { expireExports } from "@/lib/export-files/expire-exports";
import { endUnfinishedExport } from "@/lib/export-files/run-export";
import { markImportInterrupted } from "@/lib/import-batches/interrupted-imports";
import { endUnfinishedRun, RUN_INTERRUPTED } from "@/lib/match-runs/interrupted-runs";
import { deleteOldJobs } from "./delete-old-jobs";
import { jobKind } from "./job-kinds";
import type { JobTimings } from "./job-timings";

export type SweepResult = { interruptedJobs: number; orphans: number; deletedJobs: number; expiredExportChunks: number };

export async function sweepJobs(db: Db, timings: Pick<JobTimings, "staleAfterMs" | "orphanGraceMs" | "retentionDays">): Promise<SweepResult> {
  const dead = await db.$queryRaw<{ id: string; orgId: string; kind: string; subjectId: string }[]>`
    UPDATE "Job" SET status = 'INTERRUPTED', "messageKey" = 'jobs.interrupted', "finishedAt" = now()
    WHERE status = 'RUNNING' AND "heartbeatAt" < now() - make_interval(secs => ${timings.staleAfterMs / 1000}::float8)
    RETURNING id::text, "orgId"::text, kind, "subjectId"::text`;
  for (const job of dead) {
    console.warn(`Job ${job.kind} ${job.id} lost its worker; marked interrupted.`);
    await jobKind(job.kind)?.interrupted(db, job.orgId, job.subjectId);
  }

  const graceSecs = timings.orphanGraceMs / 1000;
  const orphanRuns = await db.$queryRaw<{ id: string; orgId: string }[]>`
    SELECT r.id::text, r."orgId"::text FROM "ReconciliationRun" r
    WHERE r.status = 'RUNNING' AND r."startedAt" < now() - make_interval(secs => ${graceSecs}::float8)
      AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."subjectId" = r.id AND j.status IN ('QUEUED', 'RUNNING'))`;
  for (const run of orphanRuns) await endUnfinishedRun(db, run.orgId, run.id, RUN_INTERRUPTED);
  const orphanBatches = await db.$queryRaw<{ id: string; orgId: string }[]>`
    SELECT b.id::text, b."orgId"::text FROM "ImportBatch" b
    WHERE b.status IN ('PARSING', 'COMMITTING') AND b."updatedAt" < now() - make_interval(secs => ${graceSecs}::float8)
      AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."subjectId" = b.id AND j.status IN ('QUEUED', 'RUNNING'))`;
  for (const batch of orphanBatches) await markImportInterrupted(db, batch.orgId, batch.id);
  const orphanExports = await db.$queryRaw<{ id: string; orgId: string }[]>`
    SELECT e.id::text, e."orgId"::text FROM "ExportFile" e
    WHERE e.status IN ('QUEUED', 'RUNNING') AND e."createdAt" < now() - make_interval(secs => ${graceSecs}::float8)
      AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."subjectId" = e.id AND j.status IN ('QUEUED', 'RUNNING'))`;
  for (const line of orphanExports) await endUnfinishedExport(db, line.orgId, line.id, "FAILED", "jobs.interrupted");

  const deletedJobs = await deleteOldJobs(db, { retentionDays: timings.retentionDays });
  const expiredExportChunks = await expireExports(db);
  return { interruptedJobs: dead.length, orphans: orphanRuns.length + orphanBatches.length + orphanExports.length, deletedJobs, expiredExportChunks };
}
