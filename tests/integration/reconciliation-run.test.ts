// A reconciliation run on the demo company's generated month: load from PostgreSQL, match, save.
import os from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { failInterruptedRuns, RUN_INTERRUPTED } from "@/lib/reconcile-runs/interrupted-runs";
import { runInChildProcess } from "@/lib/reconcile-runs/run-in-child-process";
import { runReconciliation, startRun } from "@/lib/reconcile-runs/run-reconciliation";
import { seedDemoCompany } from "@/lib/seed/seed-demo";
import { db, makeOrg } from "./fixtures";

afterAll(() => closePgPool());

describe("reconciliation runs", () => {
  it("proposes and auto-confirms matches, records the run, and never touches confirmed groups", async () => {
    await seedDemoCompany(db, getPgPool());
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
    const actor = { orgId: org.id, userId: null, userEmail: "test" };

    const first = await runReconciliation(db, actor);
    expect(first.autoConfirmed).toBeGreaterThan(0);
    const run = await db.reconciliationRun.findFirstOrThrow({ where: { id: first.runId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", progress: 1 });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);

    // Every stored group balances: items + adjustments = 0.
    const groups = await db.matchGroup.findMany({ where: { orgId: org.id }, include: { items: true, adjustments: true } });
    for (const group of groups) {
      const total = group.items.reduce((sum, item) => sum + item.amountMinor, 0n) + group.adjustments.reduce((sum, a) => sum + a.amountMinor, 0n);
      expect(total, group.key).toBe(0n);
    }

    const confirmedBefore = await db.matchGroup.findMany({ where: { orgId: org.id, status: "CONFIRMED" }, select: { id: true, key: true } });
    const second = await runReconciliation(db, actor);
    const confirmedAfter = await db.matchGroup.findMany({ where: { orgId: org.id, status: "CONFIRMED" }, select: { id: true, key: true } });
    // Nothing new to auto-confirm, and the earlier confirmations are the same rows.
    expect(second.autoConfirmed).toBe(0);
    expect(confirmedAfter).toEqual(confirmedBefore);
  });

  it("refuses a second run while one is going", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
    const actor = { orgId: org.id, userId: null, userEmail: "test" };
    const running = await startRun(db, actor, {});
    await expect(runReconciliation(db, actor)).rejects.toMatchObject({ code: "CONFLICT", messageKey: "runAlreadyRunning" });
    await db.reconciliationRun.update({ where: { id: running.id }, data: { status: "FAILED" } });
  });

  it("runs in a process of its own, as the web app starts it, and records the result", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
    const run = await startRun(db, { orgId: org.id, userId: null, userEmail: "test" }, {});
    await runInChildProcess(db, run.id);
    const ended = await db.reconciliationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(ended).toMatchObject({ status: "SUCCEEDED", progress: 1, error: null });
    expect(ended.inputCounts).toMatchObject({ orders: expect.any(Number) });
  });

  it("marks a run interrupted when its process dies, and frees the slot", async () => {
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
    const actor = { orgId: org.id, userId: null, userEmail: "test" };
    const run = await startRun(db, actor, {});
    // A project root without the worker script: the process starts and dies at once.
    await runInChildProcess(db, run.id, os.tmpdir());
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "FAILED", error: RUN_INTERRUPTED });
    const next = await startRun(db, actor, {});
    await db.reconciliationRun.update({ where: { id: next.id }, data: { status: "FAILED" } });
  });

  it("at start, fails the runs a stop cut off and leaves ended ones alone", async () => {
    const org = await makeOrg();
    const base = { orgId: org.orgId, rulesVersion: "t", rules: {} };
    const cutOff = await db.reconciliationRun.create({ data: { ...base, status: "RUNNING" } });
    const done = await db.reconciliationRun.create({ data: { ...base, status: "SUCCEEDED" } });
    expect(await failInterruptedRuns(db, { orgId: org.orgId })).toBe(1);
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { id: cutOff.id } })).toMatchObject({ status: "FAILED", error: RUN_INTERRUPTED });
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ status: "SUCCEEDED", error: null });
  });
});
