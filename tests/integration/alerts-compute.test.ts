// The computation's bookkeeping (lib/alerts/compute-alerts.ts), with a detector the test steers: one
// alert per cause, refreshed not repeated, cleared by the system when its cause goes, reopened when
// a resolved cause comes back, ignored ones left alone, a broken detector leaving nothing written;
// and when the worker must compute again (lib/alerts/due-alert-computations.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { ALERT_DETECTORS } from "@/lib/alerts/alert-detectors";
import type { AlertFinding } from "@/lib/alerts/alert-finding";
import { computeAlerts } from "@/lib/alerts/compute-alerts";
import { dueAlertComputations } from "@/lib/alerts/due-alert-computations";
import { db, makeOrg } from "./fixtures";

let owner: OrgContext;
let other: OrgContext;
/** What the steered detector finds at the next computation. */
let findings: AlertFinding[] = [];
const saved = ALERT_DETECTORS.DUPLICATE_ROW;

const finding = (causeKey: string, amount: bigint): AlertFinding => ({
  type: "DUPLICATE_ROW",
  causeKey,
  severity: "MEDIUM",
  amountMinor: amount,
  currency: "CNY",
  storeId: null,
  fundAccountId: null,
  day: "2025-03-05",
  refs: [{ side: "BANK", rowId: "1", ref: "R1", file: "a.csv", sourceRow: 3 }],
  facts: { amountMinor: amount.toString() },
});

const alertsOf = (orgId: string) => db.alert.findMany({ where: { orgId }, orderBy: { causeKey: "asc" } });
const computeAuditRows = (orgId: string) => db.auditLog.count({ where: { orgId, action: "alerts.compute" } });

beforeEach(async () => {
  owner = await makeOrg("预警计算公司");
  other = await makeOrg("另一家预警公司");
  // Only the steered detector runs: the others are switched off for both companies.
  for (const ctx of [owner, other]) {
    for (const type of ["OVERDUE_RECEIVABLE", "FEE_RATE_HIGH", "DUPLICATE_PAYMENT", "BALANCE_BREAK", "REFUND_AFTER_SETTLEMENT", "UNMATCHED_PLATFORM_RECEIPT", "WITHDRAWAL_IN_TRANSIT", "UNUSUAL_CHANGE"] as const) {
      await db.alertRule.create({ data: { orgId: ctx.orgId, type, enabled: false, thresholds: {} } });
    }
  }
  ALERT_DETECTORS.DUPLICATE_ROW = { type: "DUPLICATE_ROW", detect: async (_tx, { orgId }) => (orgId === owner.orgId ? findings : []) };
});

afterEach(() => {
  ALERT_DETECTORS.DUPLICATE_ROW = saved;
});

describe("computeAlerts", () => {
  it("raises one alert per cause, refreshes it without raising it again, and audits only what changed", async () => {
    findings = [finding("BANK:1:2", 500n), finding("BANK:3:4", 700n)];
    const first = await computeAlerts(db, owner.orgId, { asOf: "2025-04-01" });
    expect(first).toMatchObject({ found: 2, raised: 2, reopened: 0, cleared: 0 });
    expect((await alertsOf(owner.orgId)).map((a) => [a.causeKey, a.status, a.amountMinor])).toEqual([
      ["BANK:1:2", "NEW", 500n],
      ["BANK:3:4", "NEW", 700n],
    ]);
    expect(await computeAuditRows(owner.orgId)).toBe(1);

    findings = [finding("BANK:1:2", 900n), finding("BANK:3:4", 700n)];
    const second = await computeAlerts(db, owner.orgId, { asOf: "2025-04-01" });
    expect(second).toMatchObject({ found: 2, raised: 0, reopened: 0, cleared: 0 });
    const alerts = await alertsOf(owner.orgId);
    expect(alerts).toHaveLength(2);
    expect(alerts[0]!.amountMinor).toBe(900n);
    expect(await computeAuditRows(owner.orgId)).toBe(1);
    expect(await alertsOf(other.orgId)).toEqual([]);
  });

  it("clears an open alert whose cause is gone, reopens a resolved one whose cause comes back, and leaves ignored ones ignored", async () => {
    findings = [finding("A", 1n), finding("B", 2n), finding("C", 3n)];
    await computeAlerts(db, owner.orgId, { asOf: "2025-04-01" });
    // A person resolves B and ignores C (the lifecycle's own tests cover how; here only the states matter).
    await db.alert.updateMany({ where: { orgId: owner.orgId, causeKey: "B" }, data: { status: "RESOLVED", closedById: owner.userId, closedAt: new Date(), note: "已核实" } });
    await db.alert.updateMany({ where: { orgId: owner.orgId, causeKey: "C" }, data: { status: "IGNORED", closedById: owner.userId, closedAt: new Date(), note: "测试数据" } });

    findings = [];
    const gone = await computeAlerts(db, owner.orgId, { asOf: "2025-04-02" });
    expect(gone).toMatchObject({ raised: 0, reopened: 0, cleared: 1 });
    let byKey = new Map((await alertsOf(owner.orgId)).map((a) => [a.causeKey, a]));
    expect(byKey.get("A")).toMatchObject({ status: "RESOLVED", causePresent: false, closedById: null });
    expect(byKey.get("B")).toMatchObject({ status: "RESOLVED", causePresent: false, closedById: owner.userId });
    expect(byKey.get("C")).toMatchObject({ status: "IGNORED", causePresent: false });

    findings = [finding("A", 1n), finding("B", 2n), finding("C", 3n)];
    const back = await computeAlerts(db, owner.orgId, { asOf: "2025-04-03" });
    expect(back).toMatchObject({ raised: 0, reopened: 2, cleared: 0 });
    byKey = new Map((await alertsOf(owner.orgId)).map((a) => [a.causeKey, a]));
    expect(byKey.get("A")).toMatchObject({ status: "NEW", causePresent: true, reopenCount: 1, closedAt: null });
    expect(byKey.get("B")).toMatchObject({ status: "NEW", causePresent: true, reopenCount: 1, closedById: null });
    expect(byKey.get("C")).toMatchObject({ status: "IGNORED", causePresent: true, reopenCount: 0 });
    const audit = await db.auditLog.findFirst({ where: { orgId: owner.orgId, action: "alerts.compute" }, orderBy: { id: "desc" } });
    expect(audit?.after).toMatchObject({ reopened: 2, reopenedIds: expect.arrayContaining([byKey.get("A")!.id, byKey.get("B")!.id]) });
  });

  it("a resolved alert whose cause never went stays resolved (the person's judgment holds)", async () => {
    findings = [finding("A", 1n)];
    await computeAlerts(db, owner.orgId, { asOf: "2025-04-01" });
    await db.alert.updateMany({ where: { orgId: owner.orgId }, data: { status: "RESOLVED", closedById: owner.userId, closedAt: new Date(), note: "平台已确认" } });
    await computeAlerts(db, owner.orgId, { asOf: "2025-04-02" });
    expect(await alertsOf(owner.orgId)).toMatchObject([{ status: "RESOLVED", causePresent: true, reopenCount: 0 }]);
  });

  it("a detector that names one cause twice writes nothing", async () => {
    findings = [finding("A", 1n)];
    await computeAlerts(db, owner.orgId, { asOf: "2025-04-01" });
    findings = [finding("X", 1n), finding("X", 2n)];
    await expect(computeAlerts(db, owner.orgId, { asOf: "2025-04-02" })).rejects.toThrow(/twice/);
    expect((await alertsOf(owner.orgId)).map((a) => [a.causeKey, a.status])).toEqual([["A", "NEW"]]);
    expect((await db.alertComputation.findUnique({ where: { orgId: owner.orgId } }))?.asOf.toISOString().slice(0, 10)).toBe("2025-04-01");
  });

  it("a disabled rule is not computed and its alerts stay as they are", async () => {
    findings = [finding("A", 1n)];
    await computeAlerts(db, owner.orgId, { asOf: "2025-04-01" });
    await db.alertRule.create({ data: { orgId: owner.orgId, type: "DUPLICATE_ROW", enabled: false, thresholds: {} } });
    findings = [];
    const result = await computeAlerts(db, owner.orgId, { asOf: "2025-04-02" });
    expect(result.found).toBe(0);
    expect(await alertsOf(owner.orgId)).toMatchObject([{ causeKey: "A", status: "NEW", causePresent: true }]);
  });
});

describe("dueAlertComputations", () => {
  const refreshed = (orgId: string, at: Date) =>
    db.receivableRefresh.upsert({ where: { orgId }, create: { orgId, auditId: 0n, refreshedAt: at, durationMs: 1, orders: 0 }, update: { refreshedAt: at } });

  it("is due after a receivables rebuild, a rule change or the turn of the day, and not otherwise", async () => {
    expect(await dueAlertComputations(db, owner.orgId)).toEqual([]); // no receivables yet: nothing to look at
    await refreshed(owner.orgId, new Date("2026-01-01T00:00:00Z"));
    expect(await dueAlertComputations(db, owner.orgId)).toEqual([owner.orgId]);
    findings = [];
    await computeAlerts(db, owner.orgId);
    expect(await dueAlertComputations(db, owner.orgId)).toEqual([]);
    await refreshed(owner.orgId, new Date("2026-01-02T00:00:00Z"));
    expect(await dueAlertComputations(db, owner.orgId)).toEqual([owner.orgId]);
    await computeAlerts(db, owner.orgId);
    await db.alertComputation.update({ where: { orgId: owner.orgId }, data: { stale: true } });
    expect(await dueAlertComputations(db, owner.orgId)).toEqual([owner.orgId]);
    await computeAlerts(db, owner.orgId);
    await db.alertComputation.update({ where: { orgId: owner.orgId }, data: { asOf: new Date("2025-01-01T00:00:00Z") } });
    expect(await dueAlertComputations(db, owner.orgId)).toEqual([owner.orgId]);
    // A queued rebuild comes first: its alerts follow it.
    await db.job.create({ data: { orgId: owner.orgId, kind: "receivables-refresh", payload: { orgId: owner.orgId }, subjectId: owner.orgId, status: "QUEUED" } });
    expect(await dueAlertComputations(db, owner.orgId)).toEqual([]);
  });
});
