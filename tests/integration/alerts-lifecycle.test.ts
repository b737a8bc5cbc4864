// 风险预警 as people handle it, on PostgreSQL through the real doors (session, membership,
// permission, form parsing): assign / start / resolve / ignore / reopen with their notes and audit
// rows, refusals of illegal moves, roles, another company's alert and member; the rules (only
// OWNER and ADMIN, defaults filled in, the computation marked stale); the list's filters, order
// and counts over alerts inserted here, and the export of the same set.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./request-harness")).harnessNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", async () => (await import("./request-harness")).harnessNextIntl);
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (await import("./request-harness")).currentSession(),
}));

import type { OrgContext } from "@/lib/auth/load-org-context";
import { assignAlertAction, ignoreAlertAction, reopenAlertAction, resolveAlertAction } from "@/lib/actions/alerts/alerts";
import { updateAlertRuleAction } from "@/lib/actions/alerts/rules";
import { loadAlertDetail } from "@/lib/alerts/alert-detail";
import { assignAlert, resolveAlert } from "@/lib/alerts/alert-lifecycle";
import { loadAlertRules } from "@/lib/alerts/alert-rules";
import { updateAlertRule } from "@/lib/alerts/alert-rules-service";
import type { AlertSeverity, AlertStatus, AlertType } from "@/lib/alerts/alert-types";
import { alertFilterSchema, countOpenAlerts, listAlerts, openAlertCounts } from "@/lib/alerts/list-alerts";
import { closePgPool } from "@/lib/db/pg-pool";
import { EXPORT_SOURCES } from "@/lib/export-sources/export-sources";
import { exportTranslator } from "@/lib/export-sources/export-translator";
import { createFundAccount } from "@/lib/fund-accounts/fund-account-service";
import { createStore } from "@/lib/stores/store-service";
import { ACCOUNT_INPUT, addUser, db, makeOrg, STORE_INPUT } from "./fixtures";
import { formData, request, signIn } from "./request-harness";

const IDLE = { status: "idle" } as const;
const NOT_FOUND = "找不到该记录，它可能不存在或不属于当前公司。";
const FORBIDDEN = "您的角色没有执行此操作的权限。";

afterAll(() => closePgPool());

const signInAs = async (user: OrgContext) => {
  request.token = await signIn({ id: user.userId, email: user.userEmail, name: user.userName });
};

type Seed = { type?: AlertType; severity?: AlertSeverity; status?: AlertStatus; amountMinor?: bigint; storeId?: string | null; fundAccountId?: string | null; day?: string | null; assigneeId?: string | null };

async function insertAlert(orgId: string, seed: Seed = {}) {
  return db.alert.create({
    data: {
      orgId,
      type: seed.type ?? "OVERDUE_RECEIVABLE",
      causeKey: `TEST:${randomUUID()}`,
      severity: seed.severity ?? "MEDIUM",
      status: seed.status ?? "NEW",
      amountMinor: seed.amountMinor ?? 12_345n,
      currency: "CNY",
      storeId: seed.storeId ?? null,
      fundAccountId: seed.fundAccountId ?? null,
      day: seed.day ? new Date(`${seed.day}T00:00:00Z`) : null,
      assigneeId: seed.assigneeId ?? null,
      refs: [{ side: "ORDER", rowId: "1", ref: "T-1", file: "订单.csv", sourceRow: 7 }],
      facts: { rows: 1 },
    },
  });
}

const auditsOf = (orgId: string, entityId: string) => db.auditLog.findMany({ where: { orgId, entityType: "Alert", entityId }, orderBy: { id: "asc" } });

describe("alert lifecycle", () => {
  it("takes an alert through assign, resolve, reopen and ignore, each with its audit row", async () => {
    const owner = await makeOrg();
    const accountant = await addUser(owner, "ACCOUNTANT");
    const alert = await insertAlert(owner.orgId);

    await signInAs(owner);
    expect(await assignAlertAction(IDLE, formData({ id: alert.id, assigneeId: accountant.userId, note: "本周跟进" }))).toEqual({ status: "ok", data: { id: alert.id, status: "IN_PROGRESS" } });
    expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: owner.orgId, id: alert.id } } })).toMatchObject({ status: "IN_PROGRESS", assigneeId: accountant.userId, note: "本周跟进", closedAt: null });

    // The accountant takes it over ("我来处理": no assignee given → oneself).
    await signInAs(accountant);
    expect(await assignAlertAction(IDLE, formData({ id: alert.id }))).toMatchObject({ status: "ok" });
    expect(await resolveAlertAction(IDLE, formData({ id: alert.id, note: "平台已补款" }))).toEqual({ status: "ok", data: { id: alert.id, status: "RESOLVED" } });
    const resolved = await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: owner.orgId, id: alert.id } } });
    expect(resolved).toMatchObject({ status: "RESOLVED", closedById: accountant.userId, note: "平台已补款" });
    expect(resolved.closedAt).toBeInstanceOf(Date);

    // A resolved alert is not resolved, ignored or assigned again: it is reopened first.
    expect(await resolveAlertAction(IDLE, formData({ id: alert.id, note: "再次" }))).toMatchObject({ status: "error", message: "这条预警已经解决；如需继续处理，请先重新打开。" });
    expect(await assignAlertAction(IDLE, formData({ id: alert.id }))).toMatchObject({ status: "error", message: "这条预警已经解决；如需继续处理，请先重新打开。" });
    expect(await reopenAlertAction(IDLE, formData({ id: alert.id, note: "又没到账" }))).toEqual({ status: "ok", data: { id: alert.id, status: "IN_PROGRESS" } });
    expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: owner.orgId, id: alert.id } } })).toMatchObject({
      status: "IN_PROGRESS",
      assigneeId: accountant.userId,
      closedAt: null,
      closedById: null,
      note: "又没到账",
    });
    expect(await reopenAlertAction(IDLE, formData({ id: alert.id, note: "再开" }))).toMatchObject({ status: "error", message: "只有已解决或已忽略的预警可以重新打开。" });
    expect(await ignoreAlertAction(IDLE, formData({ id: alert.id, reason: "双十一大促，属正常" }))).toEqual({ status: "ok", data: { id: alert.id, status: "IGNORED" } });
    expect(await ignoreAlertAction(IDLE, formData({ id: alert.id, reason: "再忽略" }))).toMatchObject({ status: "error", message: "这条预警已被忽略；如需继续处理，请先重新打开。" });

    const audits = await auditsOf(owner.orgId, alert.id);
    expect(audits.map((entry) => [entry.action, entry.actorUserId])).toEqual([
      ["alerts.assign", owner.userId],
      ["alerts.assign", accountant.userId],
      ["alerts.resolve", accountant.userId],
      ["alerts.reopen", accountant.userId],
      ["alerts.ignore", accountant.userId],
    ]);
    expect(audits[0]).toMatchObject({ before: { status: "NEW", assigneeId: null }, after: { type: "OVERDUE_RECEIVABLE", status: "IN_PROGRESS", assigneeId: accountant.userId, assigneeName: "ACCOUNTANT", self: false, note: "本周跟进" } });
    expect(audits[1]).toMatchObject({ after: { self: true, assigneeId: accountant.userId } });
    expect(audits[2]).toMatchObject({ before: { status: "IN_PROGRESS" }, after: { status: "RESOLVED", note: "平台已补款" } });
    expect(audits[4]).toMatchObject({ after: { status: "IGNORED", reason: "双十一大促，属正常" } });

    // The detail's history reads them back, newest first, with the computation that raised it.
    await db.auditLog.create({ data: { orgId: owner.orgId, action: "alerts.compute", entityType: "Alert", after: { asOf: "2025-04-01", raised: 1, reopened: 0, cleared: 0, raisedIds: [alert.id], reopenedIds: [], clearedIds: [] }, createdAt: new Date("2020-01-01T00:00:00Z") } });
    await db.auditLog.create({ data: { orgId: owner.orgId, action: "alerts.compute", entityType: "Alert", after: { asOf: "2025-04-02", raised: 1, reopened: 0, cleared: 0, raisedIds: [randomUUID()], reopenedIds: [], clearedIds: [] } } });
    const detail = await loadAlertDetail(db, owner.orgId, alert.id);
    expect(detail?.history.map((entry) => entry.action)).toEqual(["ignore", "reopen", "resolve", "assign", "assign", "raised"]);
    expect(detail?.history[3]).toMatchObject({ actorName: "ACCOUNTANT", assigneeName: "ACCOUNTANT" });
    expect(detail?.history[5]).toMatchObject({ actorName: null });
    expect(detail?.refs).toEqual([{ side: "ORDER", rowId: "1", ref: "T-1", file: "订单.csv", sourceRow: 7 }]);
    expect(detail?.closedByName).toBe("ACCOUNTANT");
  });

  it("requires a note to resolve or reopen and a reason to ignore, and changes nothing without", async () => {
    const owner = await makeOrg();
    const alert = await insertAlert(owner.orgId);
    await signInAs(owner);
    expect(await resolveAlertAction(IDLE, formData({ id: alert.id, note: "   " }))).toMatchObject({ status: "error", fieldErrors: { note: "请填写处理说明。" } });
    expect(await ignoreAlertAction(IDLE, formData({ id: alert.id }))).toMatchObject({ status: "error", fieldErrors: { reason: expect.any(String) } });
    expect(await ignoreAlertAction(IDLE, formData({ id: alert.id, reason: "" }))).toMatchObject({ status: "error", fieldErrors: { reason: "请填写忽略的原因。" } });
    expect(await resolveAlertAction(IDLE, formData({ id: alert.id, note: "x".repeat(1001) }))).toMatchObject({ status: "error", fieldErrors: { note: "太长了，最多 1000 个字符。" } });
    // The lib refuses the same without the door's schema.
    await expect(resolveAlert(db, owner, { id: alert.id, note: " " })).rejects.toMatchObject({ code: "INVALID", messageKey: "alertNoteRequired" });
    expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: owner.orgId, id: alert.id } } })).toMatchObject({ status: "NEW", note: null });
    expect(await auditsOf(owner.orgId, alert.id)).toEqual([]);
  });

  it("lets OWNER, ADMIN, ACCOUNTANT and REVIEWER handle alerts, and not a VIEWER", async () => {
    const owner = await makeOrg();
    for (const role of ["ADMIN", "ACCOUNTANT", "REVIEWER"] as const) {
      const member = await addUser(owner, role);
      const alert = await insertAlert(owner.orgId);
      await signInAs(member);
      expect(await resolveAlertAction(IDLE, formData({ id: alert.id, note: `${role} 已处理` })), role).toMatchObject({ status: "ok", data: { status: "RESOLVED" } });
    }
    const viewer = await addUser(owner, "VIEWER");
    const alert = await insertAlert(owner.orgId);
    await signInAs(viewer);
    for (const answer of [
      await assignAlertAction(IDLE, formData({ id: alert.id })),
      await resolveAlertAction(IDLE, formData({ id: alert.id, note: "看看" })),
      await ignoreAlertAction(IDLE, formData({ id: alert.id, reason: "看看" })),
      await reopenAlertAction(IDLE, formData({ id: alert.id, note: "看看" })),
    ]) {
      expect(answer).toMatchObject({ status: "error", message: FORBIDDEN });
    }
    await expect(assignAlert(db, viewer, { id: alert.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: owner.orgId, id: alert.id } } })).toMatchObject({ status: "NEW", assigneeId: null });
  });

  it("answers not found for another company's alert and for an assignee who is not a member", async () => {
    const a = await makeOrg("甲公司");
    const b = await makeOrg("乙公司");
    const aAlert = await insertAlert(a.orgId);
    const bAlert = await insertAlert(b.orgId);
    await signInAs(b);
    for (const answer of [
      await assignAlertAction(IDLE, formData({ id: aAlert.id })),
      await resolveAlertAction(IDLE, formData({ id: aAlert.id, note: "劫持" })),
      await ignoreAlertAction(IDLE, formData({ id: aAlert.id, reason: "劫持" })),
      await reopenAlertAction(IDLE, formData({ id: aAlert.id, note: "劫持" })),
      await resolveAlertAction(IDLE, formData({ id: "not-a-uuid", note: "x" })),
    ]) {
      expect(answer).toMatchObject({ status: "error", message: NOT_FOUND });
    }
    expect(await assignAlertAction(IDLE, formData({ id: bAlert.id, assigneeId: a.userId }))).toMatchObject({ status: "error", message: "找不到这位成员：只能指派给本公司的成员。" });
    expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: a.orgId, id: aAlert.id } } })).toMatchObject({ status: "NEW" });
    expect(await db.alert.findUniqueOrThrow({ where: { orgId_id: { orgId: b.orgId, id: bAlert.id } } })).toMatchObject({ status: "NEW", assigneeId: null });
    expect(await db.auditLog.count({ where: { entityType: "Alert", orgId: { in: [a.orgId, b.orgId] } } })).toBe(0);
  });
});

describe("alert rules", () => {
  it("reads stored thresholds with the defaults filled in, and every type without a row at its defaults", async () => {
    const owner = await makeOrg();
    await db.alertRule.create({ data: { orgId: owner.orgId, type: "FEE_RATE_HIGH", enabled: false, thresholds: { toleranceBps: 80 } } });
    const rules = await loadAlertRules(db, owner.orgId);
    expect(rules).toHaveLength(9);
    expect(rules.find((rule) => rule.type === "FEE_RATE_HIGH")).toMatchObject({ enabled: false, customized: true, thresholds: { toleranceBps: 80, learnedFactorPct: 150, minFeeMinor: 10_000 } });
    expect(rules.find((rule) => rule.type === "OVERDUE_RECEIVABLE")).toMatchObject({ enabled: true, customized: false, thresholds: { days: 30, minAmountMinor: 0 } });
  });

  it("saves a rule typed in yuan, percent and days as minor units and bps, marks the computation stale, audits before and after", async () => {
    const owner = await makeOrg();
    await db.alertComputation.create({ data: { orgId: owner.orgId, computedAt: new Date(), asOf: new Date("2025-04-01T00:00:00Z"), stale: false, durationMs: 5 } });
    await signInAs(owner);
    expect(await updateAlertRuleAction(IDLE, formData({ type: "UNUSUAL_CHANGE", enabled: "on", windowDays: "21", factorPct: "250", minAmountMinor: "8,000.50" }))).toEqual({
      status: "ok",
      data: { type: "UNUSUAL_CHANGE", enabled: true },
    });
    const stored = await db.alertRule.findUniqueOrThrow({ where: { orgId_type: { orgId: owner.orgId, type: "UNUSUAL_CHANGE" } } });
    expect(stored).toMatchObject({ enabled: true, thresholds: { windowDays: 21, factorPct: 250, minAmountMinor: 800_050 }, updatedById: owner.userId });
    expect(await db.alertComputation.findUniqueOrThrow({ where: { orgId: owner.orgId } })).toMatchObject({ stale: true });
    const [audit] = await db.auditLog.findMany({ where: { orgId: owner.orgId, action: "alertRule.update" } });
    expect(audit).toMatchObject({
      entityType: "AlertRule",
      entityId: "UNUSUAL_CHANGE",
      before: { enabled: true, customized: false, thresholds: { windowDays: 14, factorPct: 300, minAmountMinor: 1_000_000 } },
      after: { enabled: true, customized: true, thresholds: { windowDays: 21, factorPct: 250, minAmountMinor: 800_050 } },
    });

    // Off: the box unticked; a percent tolerance.
    expect(await updateAlertRuleAction(IDLE, formData({ type: "FEE_RATE_HIGH", toleranceBps: "1.25" }))).toMatchObject({ status: "ok", data: { enabled: false } });
    expect(await db.alertRule.findUniqueOrThrow({ where: { orgId_type: { orgId: owner.orgId, type: "FEE_RATE_HIGH" } } })).toMatchObject({ enabled: false, thresholds: { toleranceBps: 125, learnedFactorPct: 150, minFeeMinor: 10_000 } });
  });

  it("refuses fields it cannot read, naming them, and saves nothing", async () => {
    const owner = await makeOrg();
    await signInAs(owner);
    expect(await updateAlertRuleAction(IDLE, formData({ type: "OVERDUE_RECEIVABLE", enabled: "on", days: "ten", minAmountMinor: "1.234" }))).toMatchObject({
      status: "error",
      fieldErrors: { days: "请输入整数。", minAmountMinor: "请输入不小于 0 的金额（元），最多两位小数。" },
    });
    expect(await updateAlertRuleAction(IDLE, formData({ type: "NOPE" }))).toMatchObject({ status: "error", fieldErrors: { type: "未知的预警类型。" } });
    expect(await db.alertRule.count({ where: { orgId: owner.orgId } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId: owner.orgId, action: "alertRule.update" } })).toBe(0);
  });

  it("lets only OWNER and ADMIN set thresholds", async () => {
    const owner = await makeOrg();
    const admin = await addUser(owner, "ADMIN");
    await signInAs(admin);
    expect(await updateAlertRuleAction(IDLE, formData({ type: "WITHDRAWAL_IN_TRANSIT", enabled: "on", days: "5" }))).toMatchObject({ status: "ok" });
    for (const role of ["ACCOUNTANT", "REVIEWER", "VIEWER"] as const) {
      const member = await addUser(owner, role);
      await signInAs(member);
      expect(await updateAlertRuleAction(IDLE, formData({ type: "WITHDRAWAL_IN_TRANSIT", enabled: "on", days: "9" })), role).toMatchObject({ status: "error", message: FORBIDDEN });
      await expect(updateAlertRule(db, member, { type: "WITHDRAWAL_IN_TRANSIT", enabled: true, thresholds: { days: 9 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.alertRule.findUniqueOrThrow({ where: { orgId_type: { orgId: owner.orgId, type: "WITHDRAWAL_IN_TRANSIT" } } })).toMatchObject({ thresholds: { days: 5 }, updatedById: admin.userId });
  });
});

describe("alert list", () => {
  it("filters, orders, pages and counts the company's alerts", async () => {
    const owner = await makeOrg();
    const other = await makeOrg("别的公司");
    const accountant = await addUser(owner, "ACCOUNTANT");
    const store = await createStore(db, owner, STORE_INPUT);
    const account = await createFundAccount(db, owner, ACCOUNT_INPUT);
    const seeds: (Seed & { key: string })[] = [
      { key: "a", type: "OVERDUE_RECEIVABLE", severity: "LOW", status: "NEW", storeId: store.id, day: "2025-03-05", amountMinor: 100n },
      { key: "b", type: "OVERDUE_RECEIVABLE", severity: "HIGH", status: "IN_PROGRESS", storeId: store.id, day: "2025-03-02", amountMinor: 900n, assigneeId: accountant.userId },
      { key: "c", type: "BALANCE_BREAK", severity: "HIGH", status: "NEW", fundAccountId: account.id, day: "2025-03-20", amountMinor: 50n },
      { key: "d", type: "BALANCE_BREAK", severity: "MEDIUM", status: "RESOLVED", fundAccountId: account.id, day: "2025-03-10", amountMinor: 70n },
      { key: "e", type: "DUPLICATE_ROW", severity: "MEDIUM", status: "IGNORED", fundAccountId: account.id, day: null, amountMinor: 30n },
      { key: "f", type: "FEE_RATE_HIGH", severity: "MEDIUM", status: "NEW", storeId: store.id, day: "2025-02-28", amountMinor: 10n },
    ];
    const ids = new Map<string, string>();
    for (const seed of seeds) ids.set(seed.key, (await insertAlert(owner.orgId, seed)).id);
    // Another company's open alerts never count here.
    await insertAlert(other.orgId, { severity: "HIGH" });
    await insertAlert(other.orgId, { severity: "HIGH", status: "IN_PROGRESS" });

    const keys = async (params: Record<string, string>, pageSize = 50) => {
      const page = await listAlerts(db, owner.orgId, alertFilterSchema.parse(params), pageSize);
      const back = new Map([...ids].map(([key, id]) => [id, key]));
      return { keys: page.rows.map((row) => back.get(row.id)), total: page.total, pages: page.pages };
    };
    // Default: open ones (a b c f), HIGH first, then the newest day.
    expect(await keys({})).toEqual({ keys: ["c", "b", "f", "a"], total: 4, pages: 1 });
    // A cause without a day goes after those with one, within its severity.
    expect(await keys({ status: "all" })).toMatchObject({ keys: ["c", "b", "d", "f", "e", "a"], total: 6 });
    expect((await keys({ status: "RESOLVED" })).keys).toEqual(["d"]);
    expect((await keys({ status: "IGNORED" })).keys).toEqual(["e"]);
    expect((await keys({ type: "OVERDUE_RECEIVABLE" })).keys).toEqual(["b", "a"]);
    expect((await keys({ severity: "MEDIUM", status: "all" })).keys).toEqual(["d", "f", "e"]);
    expect((await keys({ store: store.id, status: "all" })).keys).toEqual(["b", "f", "a"]);
    expect((await keys({ account: account.id, status: "all" })).keys).toEqual(["c", "d", "e"]);
    expect((await keys({ assignee: accountant.userId })).keys).toEqual(["b"]);
    expect((await keys({ assignee: "none" })).keys).toEqual(["c", "f", "a"]);
    expect((await keys({ from: "2025-03-01", to: "2025-03-10", status: "all" })).keys).toEqual(["b", "d", "a"]);
    expect((await keys({ sort: "amount", dir: "desc", status: "all" })).keys).toEqual(["b", "a", "d", "c", "e", "f"]);
    expect(await keys({ status: "all" }, 4)).toMatchObject({ keys: ["c", "b", "d", "f"], total: 6, pages: 2 });
    expect((await keys({ status: "all", page: "2" }, 4)).keys).toEqual(["e", "a"]);
    // Another company's store as the filter: nothing, not its rows.
    expect(await keys({ store: randomUUID() })).toMatchObject({ keys: [], total: 0 });

    expect(await openAlertCounts(db, owner.orgId)).toEqual({ total: 4, byType: { OVERDUE_RECEIVABLE: 2, BALANCE_BREAK: 1, FEE_RATE_HIGH: 1 }, bySeverity: { HIGH: 2, MEDIUM: 1, LOW: 1 } });
    expect(await countOpenAlerts(db, owner.orgId)).toBe(4);
    expect(await countOpenAlerts(db, other.orgId)).toBe(2);

    // The export: the same rows in the same order, with names and sentences in the reader's words.
    const exported = await db.$transaction(async (tx) => {
      const { table, rowCount } = await EXPORT_SOURCES.alerts.describe(
        tx,
        { orgId: owner.orgId, orgName: owner.orgName, timeZone: "Asia/Shanghai", locale: "zh-CN", t: exportTranslator("zh-CN"), requestedBy: "王会计", requestedById: null, requestedAt: new Date() },
        { account: account.id, status: "all" },
      );
      const rows = [];
      for await (const row of table.rows) rows.push(row);
      return { rowCount, rows, filters: table.filters };
    });
    expect(exported.rowCount).toBe(3);
    expect(exported.rows.map((row) => [row.severity, row.type, row.status, row.amount, row.day, row.owner])).toEqual([
      ["高", "余额断档", "新", 50n, "2025-03-20", ACCOUNT_INPUT.name],
      ["中", "余额断档", "已解决", 70n, "2025-03-10", ACCOUNT_INPUT.name],
      ["中", "重复导入", "已忽略", 30n, null, ACCOUNT_INPUT.name],
    ]);
    expect(exported.filters).toEqual([
      { label: "状态", value: "全部" },
      { label: "资金账户", value: ACCOUNT_INPUT.name },
    ]);
    await expect(db.$transaction((tx) => EXPORT_SOURCES.alerts.describe(tx, { orgId: owner.orgId, orgName: owner.orgName, timeZone: "Asia/Shanghai", locale: "zh-CN", t: exportTranslator("zh-CN"), requestedBy: "x", requestedById: null, requestedAt: new Date() }, { store: randomUUID() }))).rejects.toMatchObject({ messageKey: "exportFilterRefused" });
  });
});
