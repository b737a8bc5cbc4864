// Custom reports (自定义报表) on PostgreSQL over two companies' generated months: each figure equals
// plain SQL written independently (different joins, date_trunc instead of to_char, aging computed
// in TypeScript); ids outside the whitelist are refused, hostile filter values are bound as data,
// another company's rows never appear; the row cap and the statement timeout hold. Saved reports
// through their real doors: create, share, duplicate, change, delete, who may do what, audit rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./request-harness")).harnessNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", async () => (await import("./request-harness")).harnessNextIntl);
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getServerSession: async () => (await import("./request-harness")).currentSession(),
}));

import type { OrgContext } from "@/lib/auth/load-org-context";
import {
  createSavedReportAction,
  deleteSavedReportAction,
  duplicateSavedReportAction,
  shareSavedReportAction,
  updateSavedReportAction,
} from "@/lib/actions/reports/custom-reports";
import { closePgPool, getPgPool } from "@/lib/db/pg-pool";
import { isAppError } from "@/lib/errors";
import { generateMonth } from "@/lib/generate";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { refreshReceivables } from "@/lib/receivables/refresh-receivables";
import type { ReportResult } from "@/lib/reports/report-result";
import { runCustomReport, type RunCustomReportOptions } from "@/lib/reports/custom/run-custom-report";
import { listSavedReports, loadSavedReport } from "@/lib/reports/custom/saved-reports";
import { addUser, db, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";
import { formData, request, signIn } from "./request-harness";

const IDLE = { status: "idle" } as const;
let a: OrgContext;
let b: OrgContext;
let outDir: string;

async function importMonth(ctx: OrgContext, orders: number, seed: number) {
  const month = await generateMonth({ orders, seed, outDir: fs.mkdtempSync(path.join(outDir, "m-")) });
  await importGeneratedFiles(ctx, month);
  await runReconciliation(db, ctx, {}, getPgPool());
  await refreshReceivables(getPgPool(), ctx.orgId);
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "custom-reports-"));
  a = await makeOrg("甲公司");
  b = await makeOrg("乙公司");
  await importMonth(a, 600, 11);
  await importMonth(b, 400, 12);
}, 600_000);

afterAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  await closePgPool();
});

const run = (orgId: string, spec: unknown, options?: RunCustomReportOptions) => db.$transaction((tx) => runCustomReport(tx, orgId, spec, options));
const refusalOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, key: error.messageKey, params: error.params };
    throw error;
  }
  throw new Error("accepted");
};
/** The rows as "key|key" → figures, for comparing with plain SQL regardless of order. */
const byKeys = (result: ReportResult, keys: string[], figures: string[]) =>
  new Map(result.rows.map((row, index) => [keys.map((key) => result.drill?.[index]?.[key] ?? row[key]).join("|"), figures.map((figure) => String(row[figure]))]));

describe("custom report figures equal plain SQL", () => {
  it("orders by store × month: count and sum of paid, with the 合计 row", async () => {
    const result = await run(a.orgId, { version: 1, source: "orders", dimensions: ["store", "month"], measures: ["count", "paid", "refundRate"] });
    const plain = await db.$queryRawUnsafe<{ store: string; month: Date; n: bigint; paid: bigint; refund: bigint }[]>(
      `SELECT "storeId"::text AS store, date_trunc('month', COALESCE("paidAt", "orderedAt", "confirmedAt")) AS month, count(*) AS n, sum("paidAmountMinor")::bigint AS paid, sum("refundMinor")::bigint AS refund
         FROM "Order" WHERE "orgId" = $1::uuid GROUP BY 1, 2`,
      a.orgId,
    );
    expect(plain.length).toBeGreaterThan(1);
    const expected = new Map(plain.map((row) => [`${row.store}|${row.month ? row.month.toISOString().slice(0, 7) : ""}`, [String(row.n), String(row.paid)]]));
    expect(byKeys(result, ["store", "month"], ["count", "paid"])).toEqual(expected);
    // Rates come from sums: the refund rate of a row is its refunds over its paid.
    for (const [index, row] of result.rows.entries()) {
      const source = plain.find((p) => p.store === result.drill![index]!.store && (p.month?.toISOString().slice(0, 7) ?? "") === result.drill![index]!.month)!;
      expect(row.refundRate).toBeCloseTo(Number(source.refund) / Number(source.paid), 12);
    }
    const names = new Map((await db.store.findMany({ where: { orgId: a.orgId } })).map((store) => [store.id, store.name]));
    for (const [index, row] of result.rows.entries()) expect(row.store).toBe(names.get(result.drill![index]!.store!));
    expect(result.totals).toEqual({
      count: plain.reduce((sum, row) => sum + row.n, 0n),
      paid: plain.reduce((sum, row) => sum + row.paid, 0n),
      refundRate: expect.closeTo(Number(plain.reduce((s, r) => s + r.refund, 0n)) / Number(plain.reduce((s, r) => s + r.paid, 0n)), 12),
    });
    expect(result.columns.map((column) => [column.key, column.type, column.label])).toEqual([
      ["store", "text", "reports.custom.dimensions.store"],
      ["month", "text", "reports.custom.dimensions.month"],
      ["count", "integer", "reports.custom.measures.count"],
      ["paid", "money", "reports.custom.measures.paid"],
      ["refundRate", "percent", "reports.custom.measures.refundRate"],
    ]);
  });

  it("bill lines of one store in a period by line type, filters bound as values", async () => {
    const { storeId } = await db.settlementLine.findFirstOrThrow({ where: { orgId: a.orgId }, orderBy: { occurredOn: "asc" } });
    const store = { id: storeId };
    const { first, last } = (await db.$queryRawUnsafe<{ first: string; last: string }[]>(
      `SELECT min("occurredOn")::text AS first, max("occurredOn")::text AS last FROM "SettlementLine" WHERE "orgId" = $1::uuid`,
      a.orgId,
    ))[0]!;
    const from = first!;
    const to = new Date(Date.parse(`${first}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(to < last!).toBe(true);
    const result = await run(a.orgId, {
      version: 1,
      source: "settlementLines",
      dimensions: ["lineType"],
      measures: ["count", "amount", "income", "expense"],
      filters: { from, to, values: { store: [store.id] } },
      sort: { by: "amount", dir: "desc" },
    });
    const lines = await db.settlementLine.findMany({ where: { orgId: a.orgId, storeId: store.id, occurredOn: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } } });
    expect(lines.length).toBeGreaterThan(0);
    const expected = new Map<string, string[]>();
    for (const type of new Set(lines.map((line) => line.lineType))) {
      const of = lines.filter((line) => line.lineType === type);
      const total = (list: typeof lines) => String(list.reduce((sum, line) => sum + line.amountMinor, 0n));
      expected.set(type, [String(of.length), total(of), total(of.filter((line) => line.amountMinor > 0n)), total(of.filter((line) => line.amountMinor < 0n))]);
    }
    expect(byKeys(result, ["lineType"], ["count", "amount", "income", "expense"])).toEqual(expected);
    const amounts = result.rows.map((row) => row.amount as bigint);
    expect(amounts).toEqual([...amounts].sort((x, y) => (x < y ? 1 : x > y ? -1 : 0)));
    expect(result.columns[0]).toMatchObject({ codes: "reports.custom.codes.lineTypes" });
  });

  it("bank rows by account and direction", async () => {
    const result = await run(a.orgId, { version: 1, source: "bankRows", dimensions: ["account", "direction"], measures: ["count", "amount"] });
    const rows = await db.bankTransaction.findMany({ where: { orgId: a.orgId }, select: { fundAccountId: true, amountMinor: true } });
    const expected = new Map<string, string[]>();
    for (const row of rows) {
      const key = `${row.fundAccountId}|${row.amountMinor >= 0n ? "IN" : "OUT"}`;
      const [n, sum] = expected.get(key) ?? ["0", "0"];
      expected.set(key, [String(Number(n) + 1), String(BigInt(sum!) + row.amountMinor)]);
    }
    expect(byKeys(result, ["account", "direction"], ["count", "amount"])).toEqual(expected);
  });

  it("receivables by aging bucket on an as-of day, computed here in TypeScript", async () => {
    const asOf = "2025-05-15";
    const result = await run(a.orgId, { version: 1, source: "receivables", dimensions: ["agingBucket"], measures: ["count", "outstanding", "overdue"] }, { asOf });
    const rows = await db.orderReceivable.findMany({ where: { orgId: a.orgId }, select: { aging: true, expectedOn: true, outstandingMinor: true } });
    const bucketOf = (row: (typeof rows)[number]) => {
      if (!row.aging || !row.expectedOn) return "NONE";
      const days = Math.round((Date.parse(`${asOf}T00:00:00Z`) - row.expectedOn.getTime()) / 86_400_000);
      return days <= 0 ? "NOT_DUE" : days <= 30 ? "OVER_1_30" : days <= 60 ? "OVER_31_60" : days <= 90 ? "OVER_61_90" : "OVER_90";
    };
    const expected = new Map<string, string[]>();
    for (const row of rows) {
      const key = bucketOf(row);
      const [n, out, over] = expected.get(key) ?? ["0", "0", "0"];
      const overdue = key.startsWith("OVER") ? row.outstandingMinor : 0n;
      expected.set(key, [String(Number(n) + 1), String(BigInt(out!) + row.outstandingMinor), String(BigInt(over!) + overdue)]);
    }
    expect(expected.size).toBeGreaterThan(1);
    expect(byKeys(result, ["agingBucket"], ["count", "outstanding", "overdue"])).toEqual(expected);
  });

  it("adjustments by type and match status, and match groups by status", async () => {
    const adjustments = await run(a.orgId, { version: 1, source: "adjustments", dimensions: ["adjustmentType", "matchStatus"], measures: ["count", "amount"] });
    const plain = await db.$queryRawUnsafe<{ type: string; status: string; n: bigint; amount: bigint }[]>(
      `SELECT j.type::text AS type, g.status::text AS status, count(*) AS n, sum(j."amountMinor")::bigint AS amount
         FROM "MatchGroup" g, "MatchAdjustment" j WHERE g."orgId" = $1::uuid AND j."orgId" = g."orgId" AND j."groupId" = g.id GROUP BY 1, 2`,
      a.orgId,
    );
    expect(plain.length).toBeGreaterThan(0);
    expect(byKeys(adjustments, ["adjustmentType", "matchStatus"], ["count", "amount"])).toEqual(new Map(plain.map((row) => [`${row.type}|${row.status}`, [String(row.n), String(row.amount)]])));

    const matches = await run(a.orgId, { version: 1, source: "matches", dimensions: ["matchStatus"], measures: ["count", "matchedAmount"] });
    const groups = await db.matchGroup.groupBy({ by: ["status"], where: { orgId: a.orgId }, _count: { _all: true }, _sum: { amountMinor: true } });
    expect(byKeys(matches, ["matchStatus"], ["count", "matchedAmount"])).toEqual(new Map(groups.map((group) => [group.status, [String(group._count._all), String(group._sum.amountMinor ?? 0n)]])));
  });
});

describe("custom report boundaries", () => {
  it("refuses ids outside the whitelist, naming them", async () => {
    expect(await refusalOf(run(a.orgId, { version: 1, source: "orders", dimensions: ['"passwordHash"'], measures: ["count"] }))).toEqual({
      code: "INVALID",
      key: "customReportUnknownDimension",
      params: { id: '"passwordHash"' },
    });
    expect(await refusalOf(run(a.orgId, { version: 1, source: "User", measures: ["count"] }))).toMatchObject({ key: "customReportUnknownSource", params: { id: "User" } });
    expect(await refusalOf(run(a.orgId, { version: 1, source: "orders", measures: ["count"], having: "1=1" }))).toMatchObject({ key: "customReportUnknownKey" });
  });

  it("binds SQL in a filter value as data: nothing matches, nothing breaks", async () => {
    const hostile = `x') OR 1=1; DROP TABLE "Order"; --`;
    const result = await run(a.orgId, { version: 1, source: "orders", dimensions: ["store"], measures: ["count"], filters: { values: { orderStatus: [hostile], platform: [hostile] } } });
    expect(result.rows).toEqual([]);
    expect(result.totals).toEqual({ count: 0n });
    expect(await db.order.count({ where: { orgId: a.orgId } })).toBeGreaterThan(0);
    // A store or account filter takes only the company's ids.
    expect(await refusalOf(run(a.orgId, { version: 1, source: "orders", measures: ["count"], filters: { values: { store: [hostile] } } }))).toMatchObject({ code: "NOT_FOUND", key: "storeNotFound" });
  });

  it("never returns another company's rows; its ids as filters are not found", async () => {
    const own = await run(a.orgId, { version: 1, source: "orders", dimensions: ["store"], measures: ["count", "paid"] });
    const aStores = new Set((await db.store.findMany({ where: { orgId: a.orgId } })).map((store) => store.id));
    expect(own.drill!.every((key) => aStores.has(key!.store!))).toBe(true);
    const { n } = (await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Order" WHERE "orgId" = $1::uuid`, a.orgId))[0]!;
    expect(own.totals.count).toBe(n);
    const bStores = (await db.store.findMany({ where: { orgId: b.orgId } })).map((store) => store.id);
    for (const source of ["orders", "settlementLines", "receivables"] as const) {
      expect(await refusalOf(run(a.orgId, { version: 1, source, dimensions: ["store"], measures: ["count"], filters: { values: { store: bStores } } })), source).toMatchObject({ code: "NOT_FOUND", key: "storeNotFound" });
      // One of A's stores beside one of B's is refused too, not narrowed to A's.
      expect(await refusalOf(run(a.orgId, { version: 1, source, measures: ["count"], filters: { values: { store: [[...aStores][0]!, bStores[0]!] } } })), source).toMatchObject({ code: "NOT_FOUND" });
    }
    const bAccounts = (await db.fundAccount.findMany({ where: { orgId: b.orgId } })).map((account) => account.id);
    expect(await refusalOf(run(a.orgId, { version: 1, source: "bankRows", measures: ["count"], filters: { values: { account: bAccounts } } }))).toMatchObject({ code: "NOT_FOUND", key: "fundAccountNotFound" });
    // B's own report over B's data holds only B's orders.
    const { n: bOrders } = (await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Order" WHERE "orgId" = $1::uuid`, b.orgId))[0]!;
    expect((await run(b.orgId, { version: 1, source: "orders", measures: ["count"], filters: { values: { store: bStores } } })).totals.count).toBe(bOrders);
  });

  it("caps the groups it returns and says so; the 合计 still covers every row", async () => {
    const all = await run(a.orgId, { version: 1, source: "orders", dimensions: ["day"], measures: ["count", "paid"] });
    expect(all.rows.length).toBeGreaterThan(3);
    const capped = await run(a.orgId, { version: 1, source: "orders", dimensions: ["day"], measures: ["count", "paid"], limit: 3 });
    expect(capped.rows).toEqual(all.rows.slice(0, 3));
    expect(capped.totals).toEqual(all.totals);
    expect(capped.notes).toEqual([{ key: "reports.custom.notes.truncated", values: { limit: 3 } }]);
    expect(all.notes).toEqual([]);
  });

  it("runs under a statement timeout local to its transaction, and restores the caller's", async () => {
    // Another session holds the table: the report waits until its timeout cancels it.
    const blocker = await getPgPool().connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE "Order" IN ACCESS EXCLUSIVE MODE`);
      const started = Date.now();
      expect(await refusalOf(run(a.orgId, { version: 1, source: "orders", measures: ["count"] }, { timeoutMs: 300 }))).toEqual({ code: "INVALID", key: "customReportTimeout", params: { seconds: 1 } });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await blocker.query("ROLLBACK");
      blocker.release();
    }
    const settings = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = '42s'`);
      await runCustomReport(tx, a.orgId, { version: 1, source: "orders", measures: ["count"] });
      return tx.$queryRawUnsafe<{ setting: string }[]>(`SELECT current_setting('statement_timeout') AS setting`);
    });
    expect(settings[0]!.setting).toBe("42s");
  });
});

describe("saved reports", () => {
  const spec = { version: 1, source: "orders", dimensions: ["store"], measures: ["count", "paid"] };
  const signInAs = async (user: OrgContext) => {
    request.token = await signIn({ id: user.userId, email: user.userEmail, name: user.userName });
  };
  const errorOf = (state: unknown) => (state as { status: string; message?: string }).status === "error" ? (state as { message: string }).message : `not an error: ${JSON.stringify(state)}`;
  const audits = (orgId: string) => db.auditLog.findMany({ where: { orgId, entityType: "SavedReport" }, orderBy: { id: "asc" } });

  it("creates, shares, duplicates, changes and deletes, each by who may, with one audit row per change", async () => {
    const owner = await makeOrg("报表公司");
    const accountant = await addUser(owner, "ACCOUNTANT");
    const admin = await addUser(owner, "ADMIN");
    const viewer = await addUser(owner, "VIEWER");

    await signInAs(accountant);
    const created = await createSavedReportAction(IDLE, formData({ name: " 店铺销售 ", spec: JSON.stringify(spec) }));
    expect(created).toMatchObject({ status: "ok" });
    const id = (created as { data: { id: string } }).data.id;
    expect(await db.savedReport.findFirstOrThrow({ where: { orgId: owner.orgId, id } })).toMatchObject({ name: "店铺销售", ownerId: accountant.userId, shared: false, specVersion: 1 });
    expect(errorOf(await createSavedReportAction(IDLE, formData({ name: "店铺销售", spec: JSON.stringify(spec) })))).toBe("你已经有同名的报表了，请换一个名称。");
    expect(errorOf(await createSavedReportAction(IDLE, formData({ name: "坏的", spec: JSON.stringify({ ...spec, measures: ["sum(x)"] }) })))).toBe("这个数据来源没有名为「sum(x)」的指标。");

    // Private: nobody else sees it, not even the company's OWNER.
    expect(await listSavedReports(db, owner)).toEqual([]);
    expect(await refusalOf(loadSavedReport(db, owner.orgId, owner.userId, id))).toMatchObject({ code: "NOT_FOUND", key: "savedReportNotFound" });
    await signInAs(admin);
    expect(errorOf(await deleteSavedReportAction(IDLE, formData({ id })))).toBe("找不到这个报表：它可能已被删除，或没有共享给你。");

    await signInAs(accountant);
    expect(await shareSavedReportAction(IDLE, formData({ id, shared: "on" }))).toEqual({ status: "ok", data: { id, shared: true } });

    // Shared: a viewer sees and runs it, but may not save, copy or change it.
    expect((await listSavedReports(db, viewer)).map((report) => [report.name, report.editable])).toEqual([["店铺销售", false]]);
    const loaded = await loadSavedReport(db, viewer.orgId, viewer.userId, id);
    expect((await run(owner.orgId, loaded.spec)).columns.map((column) => column.key)).toEqual(["store", "count", "paid"]);
    await signInAs(viewer);
    expect(errorOf(await duplicateSavedReportAction(IDLE, formData({ id })))).toBe("您的角色没有执行此操作的权限。");

    // Another accountant copies it (a private copy of their own) but may not change the original.
    const colleague = await addUser(owner, "ACCOUNTANT");
    await signInAs(colleague);
    const copy = (await duplicateSavedReportAction(IDLE, formData({ id }))) as { status: string; data: { id: string } };
    expect(copy.status).toBe("ok");
    expect(await db.savedReport.findFirstOrThrow({ where: { orgId: owner.orgId, id: copy.data.id } })).toMatchObject({ name: "店铺销售 副本", ownerId: colleague.userId, shared: false });
    const again = (await duplicateSavedReportAction(IDLE, formData({ id }))) as { data: { id: string } };
    expect((await db.savedReport.findFirstOrThrow({ where: { orgId: owner.orgId, id: again.data.id } })).name).toBe("店铺销售 副本 (2)");
    expect(errorOf(await updateSavedReportAction(IDLE, formData({ id, name: "劫持", spec: JSON.stringify(spec) })))).toBe(
      "只有报表的创建人可以修改或删除它（共享的报表，所有者和管理员也可以）。",
    );
    expect(errorOf(await deleteSavedReportAction(IDLE, formData({ id })))).toBe("只有报表的创建人可以修改或删除它（共享的报表，所有者和管理员也可以）。");

    // An ADMIN may change a shared report of someone else, and delete it.
    await signInAs(admin);
    const changed = { ...spec, dimensions: ["store", "month"] };
    expect(await updateSavedReportAction(IDLE, formData({ id, name: "店铺月度销售", shared: "on", spec: JSON.stringify(changed) }))).toEqual({ status: "ok", data: { id } });
    expect(await db.savedReport.findFirstOrThrow({ where: { orgId: owner.orgId, id } })).toMatchObject({ name: "店铺月度销售", ownerId: accountant.userId, spec: { dimensions: ["store", "month"] } });
    expect(await deleteSavedReportAction(IDLE, formData({ id }))).toEqual({ status: "ok", data: { deleted: id } });
    expect(await db.savedReport.count({ where: { orgId: owner.orgId, id } })).toBe(0);

    const rows = await audits(owner.orgId);
    expect(rows.map((row) => [row.action, row.actorUserId])).toEqual([
      ["savedReport.create", accountant.userId],
      ["savedReport.update", accountant.userId],
      ["savedReport.duplicate", colleague.userId],
      ["savedReport.duplicate", colleague.userId],
      ["savedReport.update", admin.userId],
      ["savedReport.delete", admin.userId],
    ]);
    expect(rows[0]).toMatchObject({ entityId: id, after: { name: "店铺销售", shared: false } });
    expect(rows[4]).toMatchObject({ before: { name: "店铺销售", shared: true }, after: { name: "店铺月度销售", shared: true } });
  });

  it("another company's report answers not found at every door", async () => {
    const owner = await makeOrg("甲报表");
    const other = await makeOrg("乙报表");
    await signInAs(owner);
    const { data } = (await createSavedReportAction(IDLE, formData({ name: "共享的", shared: "on", spec: JSON.stringify(spec) }))) as { data: { id: string } };
    await signInAs(other);
    const notFound = "找不到这个报表：它可能已被删除，或没有共享给你。";
    expect(errorOf(await updateSavedReportAction(IDLE, formData({ id: data.id, name: "劫持", spec: JSON.stringify(spec) })))).toBe(notFound);
    expect(errorOf(await shareSavedReportAction(IDLE, formData({ id: data.id })))).toBe(notFound);
    expect(errorOf(await duplicateSavedReportAction(IDLE, formData({ id: data.id })))).toBe(notFound);
    expect(errorOf(await deleteSavedReportAction(IDLE, formData({ id: data.id })))).toBe(notFound);
    expect(await refusalOf(loadSavedReport(db, other.orgId, other.userId, data.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await listSavedReports(db, other)).toEqual([]);
    expect(await db.savedReport.findFirstOrThrow({ where: { orgId: owner.orgId, id: data.id } })).toMatchObject({ name: "共享的", shared: true });
  });
});
