// The cancel buttons' server actions on real PostgreSQL: the same door as every action (session,
// membership, permission), then lib/jobs' cancel scoped to the caller's company and to the kinds
// its permission may start.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./request-harness")).harnessNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", async () => (await import("./request-harness")).harnessNextIntl);
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (await import("./request-harness")).currentSession(),
}));

import { cancelImportJobAction } from "@/lib/actions/import/cancel-import-job";
import { cancelRunAction } from "@/lib/actions/reconcile/cancel-run";
import { closePgPool } from "@/lib/db/pg-pool";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { RUN_CANCELLED } from "@/lib/match-runs/interrupted-runs";
import { startRun } from "@/lib/match-runs/run-reconciliation";
import { addUser, db, makeOrg } from "./fixtures";
import { formData, request, signIn } from "./request-harness";

const IDLE = { status: "idle" } as const;
const NOT_FOUND = "找不到该记录，它可能不存在或不属于当前公司。";

afterAll(() => closePgPool());

async function queuedRun() {
  const org = await makeOrg();
  const run = await startRun(db, org, {});
  const job = await enqueueJob(db, "reconcile-run", { orgId: org.orgId, runId: run.id });
  return { org, run, job };
}

const signInAs = async (user: { userId: string; userEmail: string; userName: string }) => {
  request.token = await signIn({ id: user.userId, email: user.userEmail, name: user.userName });
};

describe("cancelling a job from the page", () => {
  it("cancels the company's own queued run and records who did it", async () => {
    const { org, run, job } = await queuedRun();
    await signInAs(org);
    expect(await cancelRunAction(IDLE, formData({ jobId: job.id }))).toEqual({ status: "ok", data: { outcome: "cancelled" } });
    expect(await db.reconciliationRun.findFirstOrThrow({ where: { id: run.id } })).toMatchObject({ status: "FAILED", error: RUN_CANCELLED });
    expect(await db.auditLog.count({ where: { orgId: org.orgId, action: "job.cancel", entityId: run.id, actorUserId: org.userId } })).toBe(1);
  });

  it("answers another company's job id as not found and leaves the job alone", async () => {
    const { run, job } = await queuedRun();
    const stranger = await makeOrg();
    await signInAs(stranger);
    expect(await cancelRunAction(IDLE, formData({ jobId: job.id }))).toMatchObject({ status: "error", message: NOT_FOUND });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "QUEUED", cancelRequested: false });
    expect(await db.reconciliationRun.findFirstOrThrow({ where: { id: run.id } })).toMatchObject({ status: "RUNNING" });
  });

  it("answers a run's job id as not found through the import door", async () => {
    const { org, job } = await queuedRun();
    await signInAs(org);
    expect(await cancelImportJobAction(IDLE, formData({ jobId: job.id }))).toMatchObject({ status: "error", message: NOT_FOUND });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "QUEUED" });
  });

  it("refuses a VIEWER, who may not start a run", async () => {
    const { org, job } = await queuedRun();
    await signInAs(await addUser(org, "VIEWER"));
    expect(await cancelRunAction(IDLE, formData({ jobId: job.id }))).toMatchObject({ status: "error", message: "您的角色没有执行此操作的权限。" });
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "QUEUED" });
  });
});
