// The job system (lib/jobs) on a real PostgreSQL: imports and runs go through the queue to workers;
// a job runs exactly once however many workers ask; a worker or CLI killed with SIGKILL leaves
// nothing stuck (its batch or run ends FAILED as interrupted and the run slot is free, within the
// sweep period, with no page opened); cancel (audited, within the caller's kinds); old jobs are
// deleted; progress moves.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { parseImportBuffer } from "@/lib/import";
import { claimCommit, loadCommittedRows } from "@/lib/import-batches/commit-batch";
import { previewBatch } from "@/lib/import-batches/preview-batch";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { claimNextJob } from "@/lib/jobs/claim-job";
import { deleteOldJobs } from "@/lib/jobs/delete-old-jobs";
import { JobCancelledError } from "@/lib/jobs/job-cancelled-error";
import type { JobKindName } from "@/lib/jobs/job-kinds";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { jobTimingsFromEnv, type JobTimings } from "@/lib/jobs/job-timings";
import { runClaimedJob, type JobOutcome } from "@/lib/jobs/run-job";
import { sweepJobs } from "@/lib/jobs/sweep-jobs";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { RUN_CANCELLED, RUN_INTERRUPTED } from "@/lib/match-runs/interrupted-runs";
import { startRun } from "@/lib/match-runs/run-reconciliation";
import { seedDemoCompany } from "@/lib/seed/seed-demo";
import { db, makeOrg } from "./fixtures";

const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/bank-cmb/example-cmb-debit-records.csv");
// Short enough for a test, with the same proportions as the defaults.
const FAST: JobTimings = jobTimingsFromEnv({ heartbeatMs: 200, staleAfterMs: 1500, sweepMs: 300, pollMs: 100 });
const FAST_ENV = { JOBS_HEARTBEAT_MS: "200", JOBS_STALE_AFTER_MS: "1500", JOBS_SWEEP_MS: "300", JOBS_POLL_MS: "100" };

const RUN_KINDS: JobKindName[] = ["reconcile-run"];
const IMPORT_KINDS: JobKindName[] = ["import-preview", "import-commit", "import-file"];

const workers: Worker[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await stopWorkers();
  delete process.env.IMPORT_MAX_ROWS;
});

/**
 * Stops the test's workers. A stopped worker may leave follow-up work it queued (a receivables
 * rebuild, a company's alerts) for the next worker; tests that then claim by hand expect their own
 * job first, so the follow-ups go too.
 */
async function stopWorkers(): Promise<void> {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  await db.job.deleteMany({ where: { status: "QUEUED", kind: { in: ["receivables-refresh", "alerts-compute"] } } });
}
afterAll(() => closePgPool());

async function worker(onJobEnd?: (jobId: string, outcome: JobOutcome) => void): Promise<Worker> {
  const started = await startWorker({ db, pool: getPgPool(), connectionString: process.env.DATABASE_URL!, timings: FAST, onJobEnd });
  workers.push(started);
  return started;
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function stagedFixture() {
  const org = await makeOrg();
  const account = await createFundAccount(db, org, { name: "招行", type: "BANK", institution: null, accountNumber: null, currency: "CNY" });
  // The CMB fixture prints no account number, so nothing is suggested: the account is chosen at the upload.
  const batch = await stageUpload(db, org, { fileName: path.basename(FIXTURE), source: [readFileSync(FIXTURE)], fundAccountId: account.id });
  return { org, account, batch };
}

/** Several MiB of a generic bank layout: its reading reports progress more than once. */
async function largeStagedFile() {
  const org = await makeOrg();
  const account = await createFundAccount(db, org, { name: "招行", type: "BANK", institution: null, accountNumber: null, currency: "CNY" });
  const lines = ["交易日期,摘要,收入,支出,余额,对方户名"];
  for (let i = 0; i < 100_000; i++) lines.push(`2025-03-${String((i % 28) + 1).padStart(2, "0")},货款${i},${(i % 9000) + 1}.25,,0,客户${i % 97}`);
  const batch = await stageUpload(db, org, { fileName: "large.csv", source: [Buffer.from(lines.join("\n"))], fundAccountId: account.id });
  return { org, account, batch };
}

/** A job's progress report once someone cancelled it: the first report passes, the next throws. */
function cancelAtSecondReport() {
  let reports = 0;
  return () => {
    if (++reports >= 2) throw new JobCancelledError();
  };
}

async function demoActor() {
  await seedDemoCompany(db, getPgPool());
  const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
  return { orgId: org.id, userId: null, userEmail: "test" };
}

const jobOf = (subjectId: string) => db.job.findFirstOrThrow({ where: { subjectId }, orderBy: { createdAt: "desc" } });

function spawnScript(script: string, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), script), ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...FAST_ENV },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

describe("jobs through the queue", () => {
  it("previews, commits and reconciles an upload through a worker, as the web app queues them", async () => {
    const { org, account, batch } = await stagedFixture();
    const expected = await parseImportBuffer({ fileName: batch.fileName, data: readFileSync(FIXTURE) });
    if (!expected.ok) throw new Error("the fixture must be readable");
    await worker();

    const preview = await enqueueJob(db, "import-preview", { orgId: org.orgId, batchId: batch.id });
    // The batch shows the outcome a moment before the job row records its end: wait for the job.
    await until(async () => (await db.job.findUniqueOrThrow({ where: { orgId_id: { orgId: preview.orgId, id: preview.id } } })).status === "SUCCEEDED", "the preview job");
    expect(await jobOf(batch.id)).toMatchObject({ kind: "import-preview", progress: 1 });
    const previewed = await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } });
    expect(previewed).toMatchObject({ status: "PREVIEW", format: expected.format.id, validCount: expected.rows.length, fundAccountId: account.id });

    const claim = await claimCommit(db, org, batch.id);
    await enqueueJob(db, "import-commit", { orgId: org.orgId, batchId: batch.id, userId: org.userId, userEmail: org.userEmail, targetId: claim.targetId });
    await until(async () => (await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } })).status === "COMMITTED", "the commit");
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(expected.rows.length);
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "import.commit", entityId: batch.id } })).toBe(1);

    const run = await startRun(db, org, {});
    const runJob = await enqueueJob(db, "reconcile-run", { orgId: org.orgId, runId: run.id });
    await until(async () => (await db.job.findUniqueOrThrow({ where: { orgId_id: { orgId: runJob.orgId, id: runJob.id } } })).status === "SUCCEEDED", "the run job");
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { orgId_id: { orgId: run.orgId, id: run.id } } })).toMatchObject({ status: "SUCCEEDED", progress: 1 });
  });

  it("gives each queued job to exactly one of many workers asking at once", async () => {
    const queued: string[] = [];
    for (let i = 0; i < 5; i++) {
      const other = await makeOrg();
      const run = await startRun(db, other, {});
      queued.push((await enqueueJob(db, "reconcile-run", { orgId: other.orgId, runId: run.id })).id);
    }
    // Twenty claims race for five jobs: five win, each a different job, the rest find nothing.
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => claimNextJob(db, `racer-${i}`)));
    const won = claims.filter((claim) => claim !== null).map((claim) => claim!.id);
    expect(won.sort()).toEqual([...queued].sort());
    await db.job.updateMany({ where: { id: { in: queued } }, data: { status: "CANCELLED" } });
    await db.reconciliationRun.updateMany({ where: { status: "RUNNING" }, data: { status: "FAILED" } });
  });

  it("runs each job once with two workers", async () => {
    const ends: string[] = [];
    const record = (jobId: string) => void ends.push(jobId);
    await worker(record);
    await worker(record);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { org, batch } = await stagedFixture();
      ids.push((await enqueueJob(db, "import-preview", { orgId: org.orgId, batchId: batch.id })).id);
    }
    await until(async () => ids.every((id) => ends.includes(id)), "six jobs to end");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ends.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(await db.job.count({ where: { id: { in: ids }, status: "SUCCEEDED" } })).toBe(6);
  });

  it("recovers the run of a worker killed mid-job, within the sweep period, and frees the run slot", async () => {
    const actor = await demoActor();
    const run = await startRun(db, actor, {});
    const victim = spawnScript("scripts/worker.ts");
    await enqueueJob(db, "reconcile-run", { orgId: actor.orgId, runId: run.id });
    await until(async () => (await jobOf(run.id)).status === "RUNNING", "the worker to claim the run", 30_000);
    victim.kill("SIGKILL");
    const killedAt = Date.now();
    expect((await db.reconciliationRun.findUniqueOrThrow({ where: { orgId_id: { orgId: run.orgId, id: run.id } } })).status).toBe("RUNNING");

    // Another worker, which knows nothing of the dead one, recovers the run; nobody opens a page.
    await worker();
    const ended = await until(async () => {
      const found = await db.reconciliationRun.findUniqueOrThrow({ where: { orgId_id: { orgId: run.orgId, id: run.id } } });
      return found.status !== "RUNNING" && found;
    }, "the sweep");
    expect(Date.now() - killedAt).toBeLessThan(FAST.staleAfterMs + FAST.sweepMs + 1500);
    expect(ended).toMatchObject({ status: "FAILED", error: RUN_INTERRUPTED });
    expect(await jobOf(run.id)).toMatchObject({ status: "INTERRUPTED", messageKey: "jobs.interrupted" });
    const next = await startRun(db, actor, {});
    await db.reconciliationRun.update({ where: { orgId_id: { orgId: next.orgId, id: next.id } }, data: { status: "FAILED" } });
  });

  it("recovers a CLI reconcile killed mid-run the same way", async () => {
    const actor = await demoActor();
    const cli = spawnScript("scripts/cli.ts", ["reconcile", "--org", "demo"]);
    const run = await until(() => db.reconciliationRun.findFirst({ where: { orgId: actor.orgId, status: "RUNNING" } }), "the CLI to start its run", 30_000);
    await until(async () => (await db.job.findFirst({ where: { subjectId: run.id, status: "RUNNING" } }))?.workerId?.startsWith("cli:"), "the CLI's job");
    cli.kill("SIGKILL");
    await worker();
    await until(async () => (await db.reconciliationRun.findUniqueOrThrow({ where: { orgId_id: { orgId: run.orgId, id: run.id } } })).status === "FAILED", "the sweep");
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { orgId_id: { orgId: run.orgId, id: run.id } } })).toMatchObject({ error: RUN_INTERRUPTED });
    const next = await startRun(db, actor, {});
    await db.reconciliationRun.update({ where: { orgId_id: { orgId: next.orgId, id: next.id } }, data: { status: "FAILED" } });
  });

  it("recovers a killed CLI reconcile at the next CLI call when no worker runs at all", async () => {
    const actor = await demoActor();
    const cli = spawnScript("scripts/cli.ts", ["reconcile", "--org", "demo"]);
    const run = await until(() => db.reconciliationRun.findFirst({ where: { orgId: actor.orgId, status: "RUNNING" } }), "the CLI to start its run", 30_000);
    await until(async () => (await db.job.findFirst({ where: { subjectId: run.id, status: "RUNNING" } }))?.workerId?.startsWith("cli:"), "the CLI's job");
    cli.kill("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, FAST.staleAfterMs + 200));
    // The next CLI run sweeps before it claims the slot: it runs instead of answering "already running".
    const next = spawnScript("scripts/cli.ts", ["reconcile", "--org", "demo"]);
    const code = await new Promise<number | null>((resolve) => next.on("exit", resolve));
    expect(code).toBe(0);
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { orgId_id: { orgId: run.orgId, id: run.id } } })).toMatchObject({ status: "FAILED", error: RUN_INTERRUPTED });
  }, 90_000);

  it("recovers a commit whose worker was killed: the batch ends interrupted with nothing stored", async () => {
    const { org, batch } = await stagedFixture();
    await worker();
    await enqueueJob(db, "import-preview", { orgId: org.orgId, batchId: batch.id });
    await until(async () => (await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } })).status === "PREVIEW", "the preview");
    await stopWorkers();
    const claim = await claimCommit(db, org, batch.id);
    const job = await enqueueJob(db, "import-commit", { orgId: org.orgId, batchId: batch.id, userId: org.userId, userEmail: org.userEmail, targetId: claim.targetId });
    // A worker that claimed the job and then went silent, as a killed one does.
    expect((await claimNextJob(db, "killed-worker"))?.id).toBe(job.id);
    await worker();
    await until(async () => (await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } })).status === "FAILED", "the sweep");
    expect(await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } })).toMatchObject({ errors: [] });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
  });

  it("fails a run or batch left working with no job at all once the grace has passed", async () => {
    const org = await makeOrg();
    const run = await db.reconciliationRun.create({ data: { orgId: org.orgId, status: "RUNNING", rulesVersion: "t", rules: {}, startedAt: new Date(Date.now() - 10_000) } });
    const queuedRun = (await makeOrg()).orgId;
    const waiting = await db.reconciliationRun.create({ data: { orgId: queuedRun, status: "RUNNING", rulesVersion: "t", rules: {}, startedAt: new Date(Date.now() - 10_000) } });
    await enqueueJob(db, "reconcile-run", { orgId: queuedRun, runId: waiting.id });
    await sweepJobs(db, { staleAfterMs: FAST.staleAfterMs, orphanGraceMs: 5_000, retentionDays: 30 });
    expect(await db.reconciliationRun.findFirstOrThrow({ where: { id: run.id } })).toMatchObject({ status: "FAILED", error: RUN_INTERRUPTED });
    // A run whose job is still queued is waiting for a worker, not lost.
    expect(await db.reconciliationRun.findFirstOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "RUNNING" });
    await cancelJob(db, { orgId: queuedRun, userId: null, userEmail: "test" }, (await jobOf(waiting.id)).id, RUN_KINDS);
  });

  it("cancels a queued run at once and a running one at its next progress report, freeing the slot", async () => {
    const org = await makeOrg();
    const queued = await startRun(db, org, {});
    const queuedJob = await enqueueJob(db, "reconcile-run", { orgId: org.orgId, runId: queued.id });
    expect(await cancelJob(db, org, queuedJob.id, RUN_KINDS)).toBe("cancelled");
    expect(await db.reconciliationRun.findFirstOrThrow({ where: { id: queued.id } })).toMatchObject({ status: "FAILED", error: RUN_CANCELLED });
    expect(await db.job.findUniqueOrThrow({ where: { id: queuedJob.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.auditLog.findMany({ where: { orgId: org.orgId, action: "job.cancel" } })).toEqual([
      expect.objectContaining({ actorUserId: org.userId, entityType: "ReconciliationRun", entityId: queued.id, after: { jobId: queuedJob.id, kind: "reconcile-run", outcome: "cancelled" } }),
    ]);

    const running = await startRun(db, org, {});
    const runningJob = await enqueueJob(db, "reconcile-run", { orgId: org.orgId, runId: running.id });
    const claimed = await claimNextJob(db, "test-worker");
    expect(claimed?.id).toBe(runningJob.id);
    expect(await cancelJob(db, org, runningJob.id, RUN_KINDS)).toBe("requested");
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "job.cancel", entityId: running.id } })).toBe(1);
    const outcome = await runClaimedJob({ db, pool: getPgPool() }, claimed!, "test-worker", FAST);
    expect(outcome.status).toBe("CANCELLED");
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { orgId_id: { orgId: running.orgId, id: running.id } } })).toMatchObject({ status: "FAILED", error: RUN_CANCELLED });
    expect(await db.matchGroup.count({ where: { runId: running.id } })).toBe(0);
    // The slot is free again.
    const next = await startRun(db, org, {});
    await db.reconciliationRun.update({ where: { orgId_id: { orgId: next.orgId, id: next.id } }, data: { status: "FAILED" } });
  });

  it("refuses to cancel another organization's job as not found", async () => {
    const org = await makeOrg();
    const stranger = await makeOrg();
    const run = await startRun(db, org, {});
    const job = await enqueueJob(db, "reconcile-run", { orgId: org.orgId, runId: run.id });
    await expect(cancelJob(db, stranger, job.id, RUN_KINDS)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "QUEUED", cancelRequested: false });
    expect(await db.auditLog.count({ where: { action: "job.cancel", entityId: run.id } })).toBe(0);
    await cancelJob(db, org, job.id, RUN_KINDS);
  });

  it("refuses to cancel a job of a kind the caller may not start, as not found", async () => {
    const org = await makeOrg();
    const run = await startRun(db, org, {});
    const job = await enqueueJob(db, "reconcile-run", { orgId: org.orgId, runId: run.id });
    await expect(cancelJob(db, org, job.id, IMPORT_KINDS)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "QUEUED", cancelRequested: false });
    await cancelJob(db, org, job.id, RUN_KINDS);
  });

  it("gives a queued commit's claim back when it is cancelled: the batch waits in PREVIEW, nothing stored", async () => {
    const { org, batch } = await stagedFixture();
    await previewBatch(db, org, batch.id);
    const claim = await claimCommit(db, org, batch.id);
    const job = await enqueueJob(db, "import-commit", { orgId: org.orgId, batchId: batch.id, userId: org.userId, userEmail: org.userEmail, targetId: claim.targetId });
    expect(await cancelJob(db, org, job.id, IMPORT_KINDS)).toBe("cancelled");
    expect(await db.importBatch.findFirstOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "PREVIEW" });
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(await db.auditLog.findFirst({ where: { orgId: org.orgId, action: "job.cancel" } })).toMatchObject({
      entityType: "ImportBatch",
      entityId: batch.id,
      after: { jobId: job.id, kind: "import-commit", outcome: "cancelled" },
    });
    // It can be committed again.
    await claimCommit(db, org, batch.id);
    await db.importBatch.updateMany({ where: { orgId: org.orgId, id: batch.id }, data: { status: "PREVIEW" } });
  });

  it("stops a running read at its next progress report: the batch ends FAILED with no errors and can be read again", async () => {
    const { org, batch } = await stagedFixture();
    const job = await enqueueJob(db, "import-preview", { orgId: org.orgId, batchId: batch.id });
    const claimed = await claimNextJob(db, "test-worker");
    expect(claimed?.id).toBe(job.id);
    expect(await cancelJob(db, org, job.id, IMPORT_KINDS)).toBe("requested");
    const outcome = await runClaimedJob({ db, pool: getPgPool() }, claimed!, "test-worker", FAST);
    expect(outcome.status).toBe("CANCELLED");
    expect(await db.importBatch.findFirstOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "FAILED", errors: [], validCount: 0 });
    expect(await cancelJob(db, org, job.id, IMPORT_KINDS)).toBe("ended");
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "job.cancel" } })).toBe(1);
  });

  it("stops a read whose progress report says cancel, instead of previewing the rows read so far", async () => {
    const { org, batch } = await largeStagedFile();
    await expect(previewBatch(db, org, batch.id, { onProgress: cancelAtSecondReport() })).rejects.toBeInstanceOf(JobCancelledError);
    expect(await db.importBatch.findFirstOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "PARSING", validCount: 0 });
  });

  it("stores nothing of a commit whose progress report says cancel mid-file, and gives the batch back to PREVIEW", async () => {
    const { org, account, batch } = await largeStagedFile();
    await previewBatch(db, org, batch.id);
    const claim = await claimCommit(db, org, batch.id, { fundAccountId: account.id });
    await expect(loadCommittedRows(db, getPgPool(), org, claim, cancelAtSecondReport())).rejects.toBeInstanceOf(JobCancelledError);
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(await db.importBatch.findFirstOrThrow({ where: { id: batch.id } })).toMatchObject({ status: "PREVIEW", insertedCount: 0 });
  });

  it("deletes ended jobs past the retention, in batches, and keeps live jobs and the batches and runs", async () => {
    const org = await makeOrg();
    const old = new Date(Date.now() - 31 * 86_400_000);
    const recent = new Date(Date.now() - 29 * 86_400_000);
    const run = await db.reconciliationRun.create({ data: { orgId: org.orgId, status: "SUCCEEDED", rulesVersion: "t", rules: {}, startedAt: old } });
    const make = (status: "SUCCEEDED" | "FAILED" | "CANCELLED" | "INTERRUPTED" | "QUEUED", createdAt: Date, finishedAt: Date | null) =>
      db.job.create({ data: { orgId: org.orgId, kind: "reconcile-run", payload: {}, subjectId: run.id, status, createdAt, finishedAt } });
    const expired = await Promise.all(
      (["SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED", "SUCCEEDED"] as const).map((status) => make(status, old, old)),
    );
    const kept = await Promise.all([
      make("SUCCEEDED", old, recent), // ended within the retention, though created before it
      make("FAILED", recent, recent),
      make("QUEUED", old, null), // never deleted while it may still run
    ]);
    // Five expired jobs in batches of two: three statements.
    expect(await deleteOldJobs(db, { retentionDays: 30, batchSize: 2 })).toBe(5);
    expect(await db.job.count({ where: { id: { in: expired.map((job) => job.id) } } })).toBe(0);
    expect(await db.job.count({ where: { id: { in: kept.map((job) => job.id) } } })).toBe(3);
    expect(await db.reconciliationRun.count({ where: { id: run.id } })).toBe(1);

    // The worker's sweep does it with JOBS_RETENTION_DAYS.
    const another = await make("CANCELLED", recent, recent);
    expect(await sweepJobs(db, { ...FAST, retentionDays: 28 })).toMatchObject({ deletedJobs: expect.any(Number) });
    expect(await db.job.count({ where: { id: { in: [another.id, kept[0]!.id, kept[1]!.id] } } })).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: kept[2]!.id } })).toMatchObject({ status: "QUEUED" });
    await db.job.update({ where: { id: kept[2]!.id }, data: { status: "CANCELLED" } });
  });

  it("moves a run's progress through its phases to 1", async () => {
    const actor = await demoActor();
    // Every write to the job row, as PostgreSQL sees it.
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS test_job_progress (job uuid, progress float8, phase text, at timestamptz default clock_timestamp())`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_log_job() RETURNS trigger AS $$ BEGIN INSERT INTO test_job_progress (job, progress, phase) VALUES (NEW.id, NEW.progress, NEW.phase); RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER test_log_job AFTER UPDATE ON "Job" FOR EACH ROW EXECUTE FUNCTION test_log_job()`);
    try {
      const run = await startRun(db, actor, {});
      const job = await enqueueJob(db, "reconcile-run", { orgId: actor.orgId, runId: run.id });
      await worker();
      await until(async () => (await db.job.findUniqueOrThrow({ where: { orgId_id: { orgId: job.orgId, id: job.id } } })).status === "SUCCEEDED", "the run");
      const log = await db.$queryRawUnsafe<{ progress: number; phase: string | null }[]>(`SELECT progress, phase FROM test_job_progress WHERE job = $1::uuid ORDER BY at`, job.id);
      const progress = log.map((entry) => entry.progress);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(1);
      expect(new Set(progress).size).toBeGreaterThanOrEqual(3);
      expect(new Set(log.map((entry) => entry.phase))).toEqual(new Set([null, "jobs.phase.loading", "jobs.phase.matching", "jobs.phase.saving"]));
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_log_job ON "Job"`);
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS test_job_progress`);
    }
  });

  it("reads nothing for another organization: the job fails as not found and the batch is left alone", async () => {
    const { batch } = await stagedFixture();
    const stranger = await makeOrg();
    const ends = new Map<string, JobOutcome>();
    await worker((id, outcome) => ends.set(id, outcome));
    const job = await enqueueJob(db, "import-preview", { orgId: stranger.orgId, batchId: batch.id });
    await until(async () => ends.has(job.id), "the job");
    expect(await db.job.findUniqueOrThrow({ where: { orgId_id: { orgId: job.orgId, id: job.id } } })).toMatchObject({ status: "FAILED", messageKey: "errors.NOT_FOUND" });
    expect(await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } })).toMatchObject({ status: "PARSING", rowCount: 0 });
  });

  it("ends a file past the row limit FAILED with the limit's message, storing nothing", async () => {
    const { org, batch } = await stagedFixture();
    process.env.IMPORT_MAX_ROWS = "3";
    await worker();
    await enqueueJob(db, "import-preview", { orgId: org.orgId, batchId: batch.id });
    const failed = await until(async () => {
      const found = await db.importBatch.findUniqueOrThrow({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } });
      return found.status === "FAILED" && found;
    }, "the preview");
    expect(failed.errors).toEqual([
      { row: expect.any(Number), column: null, code: "TOO_MANY_ROWS", params: { limit: 3, fileName: batch.fileName }, severity: "error" },
    ]);
    expect(await db.bankTransaction.count({ where: { orgId: org.orgId } })).toBe(0);
  });
});
