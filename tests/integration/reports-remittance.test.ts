// 回款情况分析 and 销售数据对比 on a generated month, imported through the importer, reconciled by a
// run and rebuilt into OrderReceivable (and its cube). Every figure is checked against sums computed
// here another way: sales and order counts from the imported "Order" rows, the rest from the
// OrderReceivable rows summed in TypeScript — never from the reports' own cube queries. Each 合计
// must be the sum of its rows, each row's drill-down 合计 the row, and another company's orders
// must never show.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { describeStores, generateMonth, readGroundTruth } from "@/lib/generate";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { confirmProposals } from "@/lib/match-review/decide-proposals";
import { refreshReceivables } from "@/lib/receivables/refresh-receivables";
import { resolveReportFilters, type ReportFilterInput } from "@/lib/reports/report-filters";
import type { ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { ReportScope } from "@/lib/reports/standard-report";
import { standardReport } from "@/lib/reports/standard-reports";
import { db, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";

const AS_OF = "2025-04-20";
let outDir: string;
let owner: OrgContext;
let other: OrgContext;
/** The generator's ground truth for the owner's month: what buyers paid, per store name. */
let truthPaidByStore: Map<string, bigint>;

async function importMonth(ctx: OrgContext, orders: number, seed: number) {
  const month = await generateMonth({ orders, seed, outDir: path.join(outDir, String(seed)) });
  await importGeneratedFiles(ctx, month);
  await runReconciliation(db, ctx, {}, getPgPool());
  // Confirmed proposals make more orders received in full, so the DSO and collection rate have something to say.
  const proposed = await db.matchGroup.findMany({ where: { orgId: ctx.orgId, status: "PROPOSED" }, select: { id: true } });
  await confirmProposals(db, ctx, proposed.map((group) => group.id));
  await refreshReceivables(getPgPool(), ctx.orgId);
  const storeNames = new Map(describeStores().map((store) => [store.key as string, store.name]));
  const paid = new Map<string, bigint>();
  for await (const record of readGroundTruth(month.groundTruthPath)) {
    if (record.type !== "order" || !record.inExport) continue;
    const name = storeNames.get(record.store)!;
    paid.set(name, (paid.get(name) ?? 0n) + BigInt(record.amounts.paid));
  }
  return paid;
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "reports-remittance-"));
  owner = await makeOrg("回款报表公司");
  other = await makeOrg("另一家公司");
  truthPaidByStore = await importMonth(owner, 2000, 17);
  await importMonth(other, 300, 23);
}, 600_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const scopeOf = (ctx: OrgContext): ReportScope => ({ orgId: ctx.orgId, timeZone: "Asia/Shanghai", asOf: AS_OF });

async function runReport(id: string, ctx: OrgContext, input: ReportFilterInput): Promise<ReportResult> {
  const filters = await resolveReportFilters(db, ctx.orgId, input);
  return standardReport(id)!.run(db, scopeOf(ctx), filters);
}

// ---- The figures computed another way ------------------------------------------------------

type Sums = { orders: bigint; sales: bigint; refunds: bigint; fees: bigint; settled: bigint; received: bigint; outstanding: bigint; overdue: bigint; dsoDays: bigint; dsoOrders: bigint };
const zero = (): Sums => ({ orders: 0n, sales: 0n, refunds: 0n, fees: 0n, settled: 0n, received: 0n, outstanding: 0n, overdue: 0n, dsoDays: 0n, dsoOrders: 0n });
const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const DAY_MS = 86_400_000;

type OrderFacts = { storeId: string; storeName: string; platform: string; day: string };

/** Each order (store + trimmed number) from the imported "Order" rows: its business day and sales. */
async function ordersFromExports(orgId: string) {
  const [rows, stores] = await Promise.all([db.order.findMany({ where: { orgId } }), db.store.findMany({ where: { orgId } })]);
  const storeById = new Map(stores.map((store) => [store.id, store]));
  const orders = new Map<string, OrderFacts & { sales: bigint }>();
  for (const row of rows) {
    const key = `${row.storeId}|${row.orderNo.trim()}`;
    const rowDay = dayOf(row.paidAt ?? row.orderedAt ?? row.confirmedAt);
    const known = orders.get(key);
    const store = storeById.get(row.storeId)!;
    if (!known) orders.set(key, { storeId: row.storeId, storeName: store.name, platform: store.platform, day: rowDay!, sales: row.paidAmountMinor });
    else {
      known.sales += row.paidAmountMinor;
      if (rowDay && rowDay < known.day) known.day = rowDay;
    }
  }
  return orders;
}

/** Sums per group key of the orders whose business day is in [from, to], by hand. */
async function handSums(orgId: string, from: string, to: string, keyOf: (order: OrderFacts) => string) {
  const orders = await ordersFromExports(orgId);
  const receivables = await db.orderReceivable.findMany({ where: { orgId } });
  const groups = new Map<string, Sums>();
  const total = zero();
  for (const order of orders.values()) {
    if (order.day < from || order.day > to) continue;
    const group = keyOf(order);
    if (!groups.has(group)) groups.set(group, zero());
    for (const sums of [groups.get(group)!, total]) {
      sums.orders += 1n;
      sums.sales += order.sales;
    }
  }
  for (const r of receivables) {
    const day = dayOf(r.day);
    if (!day || day < from || day > to) continue;
    const store = orders.get(`${r.storeId}|${r.orderNo}`)!;
    const received = r.stage === "RECEIVED" && r.confirmedAt && r.receivedOn;
    const dso = received ? BigInt(Math.round((Date.parse(dayOf(r.receivedOn)!) - Date.parse(dayOf(r.confirmedAt)!)) / DAY_MS)) : 0n;
    for (const sums of [groups.get(keyOf({ ...store, day }))!, total]) {
      sums.refunds += r.refundMinor;
      sums.fees += r.commissionMinor + r.serviceFeeMinor + r.promotionMinor + r.otherFeesMinor;
      sums.settled += r.settledMinor;
      sums.received += r.receivedMinor;
      sums.outstanding += r.outstandingMinor;
      if (r.aging && r.expectedOn && dayOf(r.expectedOn)! < AS_OF) sums.overdue += r.outstandingMinor;
      if (received) {
        sums.dsoDays += dso;
        sums.dsoOrders += 1n;
      }
    }
  }
  return { groups, total };
}

const rate = (part: bigint, whole: bigint) => (whole === 0n ? null : Number(part) / Number(whole));
const average = (sum: bigint, count: bigint) => (count === 0n ? null : BigInt(Math.round(Number(sum) / Number(count))));

/** The remittance columns a row must have, from hand sums. */
function expectedRemittance(s: Sums) {
  return {
    orders: s.orders,
    sales: s.sales,
    refunds: s.refunds,
    fees: s.fees,
    settled: s.settled,
    received: s.received,
    outstanding: s.outstanding,
    overdue: s.overdue,
    collectionRate: rate(s.received, s.settled),
    dsoDays: average(s.dsoDays, s.dsoOrders),
  };
}
const pick = (row: ReportRow, keys: string[]) => Object.fromEntries(keys.map((key) => [key, row[key]]));

const MESSAGES = ["zh-CN", "en"].map((locale) => JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8")) as Record<string, unknown>);
const hasMessage = (key: string) => MESSAGES.every((messages) => typeof key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages) === "string");

/** Every header and note of a result is a message in both languages. */
function expectMessages(result: ReportResult) {
  for (const key of [...result.columns.map((column) => column.label), ...(result.notes ?? []).map((note) => note.key)]) expect(hasMessage(key), key).toBe(true);
}

/** Every money and integer column's 合计 is the sum of its rows; every rate is the rate of the sums. */
function expectTotalsAreSums(result: ReportResult) {
  for (const column of result.columns) {
    if (column.type !== "money" && column.type !== "integer") continue;
    if (column.key === "dsoDays") continue;
    const sum = result.rows.reduce((acc, row) => acc + ((row[column.key] as bigint | null) ?? 0n), 0n);
    expect(result.totals[column.key], column.key).toBe(sum);
  }
}

const storeKey = (order: OrderFacts) => order.storeId;

// ---- 回款情况分析 -----------------------------------------------------------------------------

describe("回款情况分析", () => {
  it("gives each store's figures as the orders and receivables sum them by hand", async () => {
    const result = await runReport("remittance", owner, { from: "2025-03-01", to: "2025-03-31", by: "store" });
    const hand = await handSums(owner.orgId, "2025-03-01", "2025-03-31", storeKey);
    expect(result.rows.length).toBe(hand.groups.size);
    expect(hand.total.orders).toBeGreaterThan(1500n);
    expect(hand.total.overdue).toBeGreaterThan(0n);
    expect(hand.total.dsoOrders).toBeGreaterThan(0n);
    const keys = Object.keys(expectedRemittance(zero()));
    result.rows.forEach((row, index) => {
      const storeId = result.drill![index]!.store!;
      expect(pick(row, keys), String(row.store)).toEqual(expectedRemittance(hand.groups.get(storeId)!));
      expect(row.currency).toBe("CNY");
    });
    expect(pick(result.totals, keys)).toEqual(expectedRemittance(hand.total));
    expectTotalsAreSums(result);
    expectMessages(result);
    expect(result.columns.find((column) => column.key === "platform")!.codes).toBe("platforms");
    expect(result.columns.every((column) => column.label.startsWith("reports.remittance.columns."))).toBe(true);
  });

  it("gives each store's sales as the generator says buyers paid", async () => {
    // Every order of the exports, whatever its business day: a period wide enough for all of them.
    const result = await runReport("remittance", owner, { from: "2025-01-01", to: "2025-05-31", by: "store" });
    expect(new Map(result.rows.map((row) => [row.store, row.sales]))).toEqual(truthPaidByStore);
  });

  it("groups by platform and by month with the same sums", async () => {
    const byPlatform = await runReport("remittance", owner, { from: "2025-03-01", to: "2025-03-31", by: "platform" });
    const handPlatform = await handSums(owner.orgId, "2025-03-01", "2025-03-31", (order) => order.platform);
    const keys = Object.keys(expectedRemittance(zero()));
    expect(byPlatform.rows.map((row) => row.platform).sort()).toEqual([...handPlatform.groups.keys()].sort());
    for (const row of byPlatform.rows) expect(pick(row, keys)).toEqual(expectedRemittance(handPlatform.groups.get(String(row.platform))!));
    expectTotalsAreSums(byPlatform);

    // A period over two months, grouped by month: February's few early orders and March.
    const byMonth = await runReport("remittance", owner, { from: "2025-02-01", to: "2025-04-30", by: "month" });
    const handMonth = await handSums(owner.orgId, "2025-02-01", "2025-04-30", (order) => order.day.slice(0, 7));
    for (const row of byMonth.rows) expect(pick(row, keys), String(row.month)).toEqual(expectedRemittance(handMonth.groups.get(String(row.month)) ?? zero()));
    expect(pick(byMonth.totals, keys)).toEqual(expectedRemittance(handMonth.total));
    expectTotalsAreSums(byMonth);
    expectMessages(byMonth);
    expectMessages(byPlatform);
    // Each month's month-on-month sales are the month before's, over the same days.
    const march = byMonth.rows.find((row) => row.month === "2025-03")!;
    const april = byMonth.rows.find((row) => row.month === "2025-04");
    expect(march.momSales).toBe(handMonth.groups.get("2025-02")?.sales ?? 0n);
    if (april) expect(april.momSales).toBe(march.sales);
  });

  it("sets a whole month beside the whole month before (环比) and a year earlier (同比)", async () => {
    // April has (almost) no orders of its own: its month-on-month period is all of March.
    const april = await runReport("remittance", owner, { from: "2025-04-01", to: "2025-04-30", by: "store" });
    const march = await handSums(owner.orgId, "2025-03-01", "2025-03-31", storeKey);
    expect(april.notes).toContainEqual({ key: "reports.remittance.notes.comparisons", values: { momFrom: "2025-03-01", momTo: "2025-03-31", yoyFrom: "2024-04-01", yoyTo: "2024-04-30" } });
    april.rows.forEach((row, index) => {
      const sums = march.groups.get(april.drill![index]!.store!) ?? zero();
      expect({ momSales: row.momSales, momReceived: row.momReceived, yoySales: row.yoySales }).toEqual({ momSales: sums.sales, momReceived: sums.received, yoySales: 0n });
    });
    expect(april.totals.momSales).toBe(march.total.sales);
    expect(april.totals.momSalesGrowth).toBe(rate((april.totals.sales as bigint) - march.total.sales, march.total.sales));
    expectTotalsAreSums(april);
    // March against February: growth from a base of (nearly) nothing, and no year-earlier sales.
    const result = await runReport("remittance", owner, { from: "2025-03-01", to: "2025-03-31" });
    const february = await handSums(owner.orgId, "2025-02-01", "2025-02-28", storeKey);
    expect(result.totals.momSales).toBe(february.total.sales);
    expect(result.totals.yoySales).toBe(0n);
    expect(result.totals.yoySalesGrowth).toBeNull();
  });

  it("drills each row down to its orders, whose 合计 is the row", async () => {
    for (const by of ["store", "platform", "month"] as const) {
      const input = { from: "2025-03-01", to: "2025-03-31", by };
      const filters = await resolveReportFilters(db, owner.orgId, input);
      const report = standardReport("remittance")!;
      const result = await report.run(db, scopeOf(owner), filters);
      for (const [index, row] of result.rows.entries()) {
        const drill = await report.drill(db, scopeOf(owner), filters, result.drill![index]!, { limit: 20, offset: 0 });
        expect(drill.count, `${by} ${index}`).toBe(Number(row.orders));
        expect(pick(drill.totals, ["paid", "refund", "fees", "settled", "received", "outstanding", "overdue"])).toEqual({
          paid: row.sales,
          refund: row.refunds,
          fees: row.fees,
          settled: row.settled,
          received: row.received,
          outstanding: row.outstanding,
          overdue: row.overdue,
        });
        expect(drill.rows.length).toBe(Math.min(20, drill.count));
        if (index === 0) expectMessages(drill);
      }
    }
  });

  it("pages a drill-down through all its orders, the pages summing to its 合计", async () => {
    const filters = await resolveReportFilters(db, owner.orgId, { from: "2025-03-01", to: "2025-03-31", by: "platform" });
    const report = standardReport("remittance")!;
    const result = await report.run(db, scopeOf(owner), filters);
    const key = result.drill![0]!;
    const first = await report.drill(db, scopeOf(owner), filters, key, { limit: 100, offset: 0 });
    const seen = new Set<string>();
    let paid = 0n;
    let outstanding = 0n;
    for (let offset = 0; offset < first.count; offset += 100) {
      const page = await report.drill(db, scopeOf(owner), filters, key, { limit: 100, offset });
      for (const row of page.rows) {
        seen.add(`${row.store}|${row.orderNo}`);
        paid += row.paid as bigint;
        outstanding += row.outstanding as bigint;
        expect(row.platform).toBe(key.platform);
      }
    }
    expect(seen.size).toBe(first.count);
    expect({ paid, outstanding }).toEqual({ paid: first.totals.paid, outstanding: first.totals.outstanding });
    expect(first.columns.find((column) => column.key === "status")!.codes).toBe("receivables.statuses");
  });

  it("refuses a drill key it did not hand out, and never shows another company's orders", async () => {
    const filters = await resolveReportFilters(db, owner.orgId, { from: "2025-03-01", to: "2025-03-31", by: "store" });
    const report = standardReport("remittance")!;
    const page = { limit: 10, offset: 0 };
    await expect(report.drill(db, scopeOf(owner), filters, { platform: "TMALL" }, page)).rejects.toMatchObject({ code: "INVALID" });
    await expect(report.drill(db, scopeOf(owner), filters, { store: "not-a-uuid" }, page)).rejects.toMatchObject({ code: "INVALID" });
    await expect(report.drill(db, scopeOf(owner), { ...filters, by: "month" }, { month: "2025-06" }, page)).rejects.toMatchObject({ code: "INVALID" });
    const ownStore = await db.store.findFirstOrThrow({ where: { orgId: owner.orgId } });
    await expect(report.drill(db, scopeOf(owner), filters, { store: ownStore.id, extra: "x" }, page)).rejects.toMatchObject({ code: "INVALID" });

    // The other company's store, asked for in this company's scope: nothing.
    const theirStore = await db.store.findFirstOrThrow({ where: { orgId: other.orgId } });
    const drill = await report.drill(db, scopeOf(owner), filters, { store: theirStore.id }, page);
    expect({ count: drill.count, rows: drill.rows.length, paid: drill.totals.paid }).toEqual({ count: 0, rows: 0, paid: 0n });
    // Its store filter is refused as not found.
    await expect(resolveReportFilters(db, owner.orgId, { from: "2025-03-01", to: "2025-03-31", store: theirStore.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Each company's report sums its own orders only.
    for (const ctx of [owner, other]) {
      const result = await runReport("remittance", ctx, { from: "2025-03-01", to: "2025-03-31" });
      const hand = await handSums(ctx.orgId, "2025-03-01", "2025-03-31", storeKey);
      expect({ orders: result.totals.orders, sales: result.totals.sales, received: result.totals.received }).toEqual({ orders: hand.total.orders, sales: hand.total.sales, received: hand.total.received });
    }
  });
});

// ---- 销售数据对比 ----------------------------------------------------------------------------

describe("销售数据对比", () => {
  it("compares each store's sales, settled and received over two ranges, by hand", async () => {
    const input = { from: "2025-03-16", to: "2025-03-31", compare: "range", from2: "2025-03-01", to2: "2025-03-15" };
    const result = await runReport("sales-comparison", owner, input);
    const [now, then] = await Promise.all([handSums(owner.orgId, "2025-03-16", "2025-03-31", storeKey), handSums(owner.orgId, "2025-03-01", "2025-03-15", storeKey)]);
    expect(now.total.orders).toBeGreaterThan(0n);
    expect(then.total.orders).toBeGreaterThan(0n);
    const expected = (a: Sums, b: Sums) => ({
      orders: a.orders,
      ordersCompared: b.orders,
      sales: a.sales,
      salesCompared: b.sales,
      salesDifference: a.sales - b.sales,
      salesGrowth: rate(a.sales - b.sales, b.sales),
      settled: a.settled,
      settledCompared: b.settled,
      settledDifference: a.settled - b.settled,
      settledGrowth: rate(a.settled - b.settled, b.settled),
      received: a.received,
      receivedCompared: b.received,
      receivedDifference: a.received - b.received,
      receivedGrowth: rate(a.received - b.received, b.received),
      settledRate: rate(a.settled, a.sales),
      receivedRate: rate(a.received, a.settled),
    });
    const keys = Object.keys(expected(zero(), zero()));
    expect(result.rows.length).toBe(new Set([...now.groups.keys(), ...then.groups.keys()]).size);
    result.rows.forEach((row, index) => {
      const storeId = result.drill![index]!.store!;
      const [a, b] = [now.groups.get(storeId) ?? zero(), then.groups.get(storeId) ?? zero()];
      for (const key of keys) {
        const value = expected(a, b)[key as keyof ReturnType<typeof expected>];
        if (typeof value === "number") expect(row[key], `${String(row.store)} ${key}`).toBeCloseTo(value, 12);
        else expect(row[key], `${String(row.store)} ${key}`).toBe(value);
      }
    });
    expect(pick(result.totals, ["sales", "salesCompared", "settled", "received", "receivedCompared"])).toEqual(pick(expected(now.total, then.total), ["sales", "salesCompared", "settled", "received", "receivedCompared"]));
    expect(result.totals.salesGrowth).toBeCloseTo(rate(now.total.sales - then.total.sales, then.total.sales)!, 12);
    expectTotalsAreSums(result);
    expect(result.columns.find((column) => column.key === "salesCompared")!.labelValues).toEqual({ period: "2025-03-01 – 2025-03-15" });
    expectMessages(result);
    expect(result.notes![0]).toMatchObject({ key: "reports.sales-comparison.notes.periods", values: { from2: "2025-03-01", to2: "2025-03-15" } });

    // Each row's drill-down: the store's orders of the main period, summing to the row.
    const filters = await resolveReportFilters(db, owner.orgId, input);
    const report = standardReport("sales-comparison")!;
    for (const [index, row] of result.rows.entries()) {
      const drill = await report.drill(db, scopeOf(owner), filters, result.drill![index]!, { limit: 5, offset: 0 });
      expect({ count: drill.count, paid: drill.totals.paid, settled: drill.totals.settled, received: drill.totals.received }).toEqual({ count: Number(row.orders), paid: row.sales, settled: row.settled, received: row.received });
    }
    await expect(report.drill(db, scopeOf(owner), filters, { month: "2025-03" }, { limit: 5, offset: 0 })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("compares a whole month with the whole month before, and keeps a store that sold only then", async () => {
    const result = await runReport("sales-comparison", owner, { from: "2025-04-01", to: "2025-04-30", compare: "mom" });
    const march = await handSums(owner.orgId, "2025-03-01", "2025-03-31", storeKey);
    expect(result.columns.find((column) => column.key === "salesCompared")!.labelValues).toEqual({ period: "2025-03-01 – 2025-03-31" });
    expect(result.rows.length).toBeGreaterThanOrEqual(march.groups.size);
    expect(result.totals.salesCompared).toBe(march.total.sales);
    expectTotalsAreSums(result);
  });

  it("filters to one store and platform", async () => {
    const store = await db.store.findFirstOrThrow({ where: { orgId: owner.orgId, platform: "PDD" } });
    const result = await runReport("sales-comparison", owner, { from: "2025-03-01", to: "2025-03-31", store: store.id, compare: "yoy" });
    const hand = await handSums(owner.orgId, "2025-03-01", "2025-03-31", storeKey);
    expect(result.rows.map((row) => row.store)).toEqual([store.name]);
    expect(result.rows[0]!.sales).toBe(hand.groups.get(store.id)!.sales);
    expect(result.rows[0]!.salesGrowth).toBeNull();
    const tmall = await runReport("sales-comparison", owner, { from: "2025-03-01", to: "2025-03-31", platform: "TMALL" });
    expect(tmall.rows.every((row) => row.platform === "TMALL")).toBe(true);
    expect(tmall.rows.length).toBeGreaterThan(0);
  });
});
