// A reconciliation run on the demo company's generated month: load from PostgreSQL, match, save.
// How runs go through the job queue, and how a dead worker's run is recovered: jobs.test.ts.
import { afterAll, describe, expect, it } from "vitest";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { runReconciliation, startRun } from "@/lib/match-runs/run-reconciliation";
import { seedDemoCompany } from "@/lib/seed/seed-demo";
import { db } from "./fixtures";

afterAll(() => closePgPool());

describe("reconciliation runs", () => {
  it("proposes and auto-confirms matches, records the run, and never touches confirmed groups", async () => {
    await seedDemoCompany(db, getPgPool());
    const org = await db.organization.findUniqueOrThrow({ where: { slug: "demo" } });
    const actor = { orgId: org.id, userId: null, userEmail: "test" };

    // Other test files may have run the demo month already (jobs.test.ts does), so count what
    // this run adds to what was there instead of assuming a fresh month.
    const confirmedBeforeFirst = await db.matchGroup.count({ where: { orgId: org.id, status: "CONFIRMED" } });
    const first = await runReconciliation(db, actor);
    const confirmedAfterFirst = await db.matchGroup.count({ where: { orgId: org.id, status: "CONFIRMED" } });
    expect(confirmedAfterFirst).toBeGreaterThan(0);
    expect(confirmedAfterFirst).toBe(confirmedBeforeFirst + first.autoConfirmed);
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
    await db.reconciliationRun.update({ where: { orgId_id: { orgId: running.orgId, id: running.id } }, data: { status: "FAILED" } });
  });
});
