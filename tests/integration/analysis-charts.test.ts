// 数据分析's charts on a generated month, imported through the importer, reconciled by a run (half of
// its proposals confirmed by a person) and rebuilt into the receivables and the report rollups.
// Every figure is checked against sums computed here another way: the OrderReceivable rows and the
// bill lines summed in TypeScript, the groups counted by Prisma, the generator's ground truth for
// sales, the workspace's live unmatched sums — never the charts' own cube or rollup queries. Each
// 合计 must be the sum of its rows, every header and note a message in both languages, and another
// company's rows must never show.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucketDays } from "@/lib/analysis/aging";
import { ANALYSIS_CHARTS, analysisChart, runAnalysisCharts } from "@/lib/analysis/analysis-charts";
import { monthsOf, trendPeriod } from "@/lib/analysis/analysis-period";
import { writePdf, writeXlsx } from "@/lib/export";
import { EXPORT_SOURCES } from "@/lib/export-sources/export-sources";
import { exportTranslator } from "@/lib/export-sources/export-translator";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { getPgPool } from "@/lib/db/pg-pool";
import { generateMonth, readGroundTruth } from "@/lib/generate";
import { confirmProposals } from "@/lib/match-review/decide-proposals";
import { unmatchedSums } from "@/lib/match-review/list-unmatched";
import { runReconciliation } from "@/lib/match-runs/run-reconciliation";
import { agingBuckets } from "@/lib/receivables/aging-buckets";
import { classifyFee, COMMISSION_LIKE_FEE_TYPES } from "@/lib/fees/fee-types";
import { resolveReportFilters, type ReportFilterInput, type ReportFilters } from "@/lib/reports/report-filters";
import type { ReportResult, ReportRow } from "@/lib/reports/report-result";
import { defaultReportPeriod } from "@/lib/reports/report-scope";
import { refreshReceivablesAndRollups } from "@/lib/reports/rollups/refresh-report-rollups";
import type { ReportScope } from "@/lib/reports/standard-report";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { db, makeOrg } from "./fixtures";
import { importGeneratedFiles } from "./generated-month";

const AS_OF = "2025-04-20";
let outDir: string;
let owner: OrgContext;
let other: OrgContext;
let period: { from: string; to: string };
let truthPaid: bigint;

async function importMonth(ctx: OrgContext, orders: number, seed: number): Promise<bigint> {
  const month = await generateMonth({ orders, seed, outDir: path.join(outDir, String(seed)) });
  await importGeneratedFiles(ctx, month);
  await runReconciliation(db, ctx, {}, getPgPool());
  // Half the proposals confirmed by a person: the run then has automatic, by-hand and open groups.
  const proposed = await db.matchGroup.findMany({ where: { orgId: ctx.orgId, status: "PROPOSED" }, select: { id: true }, orderBy: { id: "asc" } });
  await confirmProposals(db, ctx, proposed.filter((_, index) => index % 2 === 0).map((group) => group.id));
  await refreshReceivablesAndRollups(getPgPool(), ctx.orgId);
  let paid = 0n;
  for await (const record of readGroundTruth(month.groundTruthPath)) if (record.type === "order" && record.inExport) paid += BigInt(record.amounts.paid);
  return paid;
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "analysis-charts-"));
  owner = await makeOrg("数据分析公司");
  other = await makeOrg("另一家公司");
  truthPaid = await importMonth(owner, 1500, 31);
  await importMonth(other, 300, 37);
  period = await defaultReportPeriod(db, owner.orgId, AS_OF);
}, 600_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const scopeOf = (ctx: OrgContext): ReportScope => ({ orgId: ctx.orgId, timeZone: "Asia/Shanghai", asOf: AS_OF });

async function filtersOf(ctx: OrgContext, input: ReportFilterInput = {}): Promise<ReportFilters> {
  return resolveReportFilters(db, ctx.orgId, { ...period, ...input });
}

async function run(id: string, ctx: OrgContext, input: ReportFilterInput = {}): Promise<ReportResult> {
  return analysisChart(id)!.run(db, scopeOf(ctx), await filtersOf(ctx, input));
}

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const DAY_MS = 86_400_000;
const rate = (part: bigint, whole: bigint) => (whole === 0n ? null : Number(part) / Number(whole));

/** Money and integer columns of the 合计 equal the sum of the rows (an average such as days to cash excepted). */
function expectTotalsAreSums(result: ReportResult) {
  for (const column of result.columns) {
    if ((column.type !== "money" && column.type !== "integer") || column.summed === false) continue;
    const sum = result.rows.reduce((total, row) => total + ((row[column.key] as bigint | null) ?? 0n), 0n);
    expect(result.totals[column.key] ?? 0n, column.key).toBe(sum);
  }
}

const byKey = (rows: ReportRow[], key: string) => new Map(rows.map((row) => [String(row[key]), row]));

describe("数据分析 charts on a generated month", () => {
  it("opens on the generated month", () => {
    expect(period.from.endsWith("-01")).toBe(true);
    expect(monthsOf(period)).toHaveLength(1);
  });

  it("sales, settled and received per month: the OrderReceivable rows summed by month, sales equal to the generator's", async () => {
    const result = await run("sales-settled-received", owner);
    const trend = trendPeriod(period);
    const receivables = await db.orderReceivable.findMany({ where: { orgId: owner.orgId } });
    const expected = new Map<string, { sales: bigint; settled: bigint; received: bigint }>();
    for (const r of receivables) {
      const day = dayOf(r.day);
      if (!day || day < trend.from || day > trend.to) continue;
      const sums = expected.get(day.slice(0, 7)) ?? { sales: 0n, settled: 0n, received: 0n };
      sums.sales += r.paidMinor;
      sums.settled += r.settledMinor;
      sums.received += r.receivedMinor;
      expected.set(day.slice(0, 7), sums);
    }
    expect(result.rows.map((row) => row.month)).toEqual(monthsOf(trend));
    for (const row of result.rows) {
      const sums = expected.get(String(row.month)) ?? { sales: 0n, settled: 0n, received: 0n };
      expect([row.sales, row.settled, row.received], String(row.month)).toEqual([sums.sales, sums.settled, sums.received]);
    }
    const month = byKey(result.rows, "month").get(period.from.slice(0, 7))!;
    expect(month.sales).toBe(truthPaid);
    expect(month.received).toBeGreaterThan(0n);
    expectTotalsAreSums(result);
  });

  it("sales compared month on month and year on year: each month's sales a month or a year earlier", async () => {
    const next = { from: "2025-04-01", to: "2025-04-30" };
    const mom = await analysisChart("sales-settled-received")!.run(db, scopeOf(owner), await resolveReportFilters(db, owner.orgId, { ...next, compare: "mom" }));
    const april = byKey(mom.rows, "month").get("2025-04")!;
    const march = byKey(mom.rows, "month").get(period.from.slice(0, 7))!;
    expect(april.salesCompared).toBe(march.sales);
    const yoy = await analysisChart("sales-settled-received")!.run(db, scopeOf(owner), await resolveReportFilters(db, owner.orgId, { from: "2026-03-01", to: "2026-03-31", compare: "yoy" }));
    expect(byKey(yoy.rows, "month").get("2026-03")!.salesCompared).toBe(march.sales);
    expectTotalsAreSums(mom);
    expectTotalsAreSums(yoy);
  });

  it("outstanding and overdue per month: what each month's orders still owe, and of it what is past due on the as-of day", async () => {
    const result = await run("outstanding-overdue", owner);
    const receivables = await db.orderReceivable.findMany({ where: { orgId: owner.orgId } });
    const expected = new Map<string, { outstanding: bigint; overdue: bigint }>();
    for (const r of receivables) {
      const day = dayOf(r.day);
      if (!day) continue;
      const sums = expected.get(day.slice(0, 7)) ?? { outstanding: 0n, overdue: 0n };
      sums.outstanding += r.outstandingMinor;
      if (r.aging && r.expectedOn && dayOf(r.expectedOn)! < AS_OF) sums.overdue += r.outstandingMinor;
      expected.set(day.slice(0, 7), sums);
    }
    for (const row of result.rows) {
      const sums = expected.get(String(row.month)) ?? { outstanding: 0n, overdue: 0n };
      expect([row.outstanding, row.overdue], String(row.month)).toEqual([sums.outstanding, sums.overdue]);
    }
    expect(result.totals.outstanding).toBeGreaterThan(0n);
    expectTotalsAreSums(result);
  });

  it("aging: the period's open orders in the company's buckets, days counted from the expected date", async () => {
    const result = await run("aging", owner);
    const buckets = agingBuckets([7, 30], [7, 30, 60, 90]);
    const receivables = await db.orderReceivable.findMany({ where: { orgId: owner.orgId, aging: true } });
    const expected = new Map(buckets.map((bucket) => [bucket.key, { orders: 0n, outstanding: 0n }]));
    for (const r of receivables) {
      const day = dayOf(r.day);
      if (!day || day < period.from || day > period.to || !r.expectedOn) continue;
      const days = Math.round((Date.parse(AS_OF) - r.expectedOn.getTime()) / DAY_MS);
      const bucket = buckets.find((b) => (b.from === null || days >= b.from) && (b.to === null || days <= b.to))!;
      expected.get(bucket.key)!.orders += 1n;
      expected.get(bucket.key)!.outstanding += r.outstandingMinor;
    }
    expect(result.rows.map((row) => `${row.kind} ${row.days}`)).toEqual(buckets.map((bucket) => `${bucket.kind} ${bucketDays(bucket)}`));
    result.rows.forEach((row, index) => {
      const sums = expected.get(buckets[index]!.key)!;
      expect([row.orders, row.outstanding], buckets[index]!.key).toEqual([sums.orders, sums.outstanding]);
    });
    expect(result.drill).toEqual(buckets.map((bucket) => ({ bucket: bucket.key })));
    expectTotalsAreSums(result);
  });

  /** Each bill line of the company classified on its own, summed in TypeScript. */
  async function feeLines(orgId: string) {
    const lines = await db.settlementLine.findMany({ where: { orgId }, select: { storeId: true, occurredOn: true, lineType: true, memo: true, amountMinor: true } });
    return lines.map((line) => ({ storeId: line.storeId, day: dayOf(line.occurredOn)!, sale: line.lineType === "SALE" ? line.amountMinor : 0n, fee: line.lineType === "SALE" ? null : classifyFee({ lineType: line.lineType, text: line.memo }), amount: line.amountMinor }));
  }

  it("fee rate per store: the period's fees on its sales, and the contracted rate beside them", async () => {
    const result = await run("fee-rates-by-store", owner);
    const stores = await db.store.findMany({ where: { orgId: owner.orgId } });
    const expected = new Map<string, { sales: bigint; fees: bigint; commission: bigint }>();
    for (const line of await feeLines(owner.orgId)) {
      if (line.day < period.from || line.day > period.to) continue;
      const sums = expected.get(line.storeId) ?? { sales: 0n, fees: 0n, commission: 0n };
      sums.sales += line.sale;
      if (line.fee) {
        sums.fees -= line.amount;
        if (COMMISSION_LIKE_FEE_TYPES.includes(line.fee)) sums.commission -= line.amount;
      }
      expected.set(line.storeId, sums);
    }
    expect(result.rows.length).toBe(expected.size);
    for (const store of stores) {
      const sums = expected.get(store.id);
      const row = result.rows.find((candidate) => candidate.store === store.name);
      if (!sums) {
        expect(row).toBeUndefined();
        continue;
      }
      expect([row!.sales, row!.totalFees, row!.commissionLike], store.name).toEqual([sums.sales, sums.fees, sums.commission]);
      expect(row!.commissionRate).toBeCloseTo(rate(sums.commission, sums.sales)!, 10);
      expect(row!.contractRate).toBe(store.feeRateBps > 0 ? store.feeRateBps / 10_000 : null);
    }
    expect(result.rows.some((row) => (row.totalFees as bigint) > 0n)).toBe(true);
    expectTotalsAreSums(result);
  });

  it("fee rate per fee type and month: each type's fees on the month's sales", async () => {
    const result = await run("fee-types-by-month", owner);
    const trend = trendPeriod(period);
    const sales = new Map<string, bigint>();
    const fees = new Map<string, bigint>();
    for (const line of await feeLines(owner.orgId)) {
      if (line.day < trend.from || line.day > trend.to) continue;
      const month = line.day.slice(0, 7);
      sales.set(month, (sales.get(month) ?? 0n) + line.sale);
      if (line.fee) fees.set(`${month} ${line.fee}`, (fees.get(`${month} ${line.fee}`) ?? 0n) - line.amount);
    }
    const types = [...new Set([...fees.entries()].filter(([, amount]) => amount !== 0n).map(([key]) => key.split(" ")[1]!))].sort();
    expect(result.columns.filter((column) => column.key.startsWith("fee_")).map((column) => column.key.slice(4)).sort()).toEqual(types);
    for (const row of result.rows) {
      const month = String(row.month);
      expect(row.sales, month).toBe(sales.get(month) ?? 0n);
      for (const type of types) {
        const amount = fees.get(`${month} ${type}`) ?? 0n;
        expect(row[`fee_${type}`], `${month} ${type}`).toBe(amount);
        const expectedRate = rate(amount, sales.get(month) ?? 0n);
        if (expectedRate === null) expect(row[`rate_${type}`]).toBeNull();
        else expect(row[`rate_${type}`]).toBeCloseTo(expectedRate, 10);
      }
    }
    expectTotalsAreSums(result);
  });

  it("days to cash per platform: the average days from delivery confirmation to the bank over orders received in full", async () => {
    const result = await run("days-to-cash", owner);
    const [receivables, stores] = await Promise.all([db.orderReceivable.findMany({ where: { orgId: owner.orgId } }), db.store.findMany({ where: { orgId: owner.orgId } })]);
    const platformOf = new Map(stores.map((store) => [store.id, store.platform as string]));
    const expected = new Map<string, { days: bigint; orders: bigint }>();
    for (const r of receivables) {
      const day = dayOf(r.day);
      if (!day || day < period.from || day > period.to || r.stage !== "RECEIVED" || !r.confirmedAt || !r.receivedOn) continue;
      const sums = expected.get(platformOf.get(r.storeId)!) ?? { days: 0n, orders: 0n };
      sums.days += BigInt(Math.round((Date.parse(dayOf(r.receivedOn)!) - Date.parse(dayOf(r.confirmedAt)!)) / DAY_MS));
      sums.orders += 1n;
      expected.set(platformOf.get(r.storeId)!, sums);
    }
    for (const row of result.rows) {
      const sums = expected.get(String(row.platform));
      expect(row.dsoOrders, String(row.platform)).toBe(sums?.orders ?? 0n);
      expect(row.dsoDays, String(row.platform)).toBe(sums && sums.orders > 0n ? BigInt(Math.round(Number(sums.days) / Number(sums.orders))) : null);
    }
    expect([...expected.values()].reduce((total, sums) => total + sums.orders, 0n)).toBeGreaterThan(0n);
    expectTotalsAreSums(result);
  });

  it("match rate per run: automatic, by hand, open and rejected groups of each run", async () => {
    // Runs happen after the month they match: the newest runs show whatever the period.
    const runs = await db.reconciliationRun.findMany({ where: { orgId: owner.orgId, status: "SUCCEEDED" } });
    const result = await run("match-rate", owner);
    expect(result.rows.length).toBe(runs.length);
    const groups = await db.matchGroup.findMany({ where: { orgId: owner.orgId, runId: { in: runs.map((r) => r.id) } }, select: { kind: true, status: true, decidedById: true } });
    const auto = groups.filter((g) => g.kind === "AUTO" && g.status === "CONFIRMED" && g.decidedById === null).length;
    const byHand = groups.filter((g) => (g.status === "CONFIRMED" && g.decidedById !== null) || g.status === "PENDING_APPROVAL").length;
    const open = groups.filter((g) => g.status === "PROPOSED").length;
    expect([result.totals.auto, result.totals.byHand, result.totals.open]).toEqual([BigInt(auto), BigInt(byHand), BigInt(open)]);
    expect(byHand).toBeGreaterThan(0);
    expect(open).toBeGreaterThan(0);
    expect(result.totals.autoRate).toBeCloseTo(auto / groups.length, 10);
    expectTotalsAreSums(result);
  });

  it("open differences: the workspace's unmatched sums, live, and the differences waiting for approval", async () => {
    const result = await run("open-differences", owner);
    const live = {
      unmatchedOrders: await unmatchedSums(db, owner.orgId, "orders", "down", period),
      unmatchedLines: await unmatchedSums(db, owner.orgId, "lines", "down", period),
      unmatchedBank: await unmatchedSums(db, owner.orgId, "bank", "up", period),
    };
    for (const [kind, sums] of Object.entries(live)) {
      const row = result.rows.find((candidate) => candidate.kind === kind)!;
      expect([row.count, row.amount], kind).toEqual([BigInt(sums.count), sums.remainingMinor]);
    }
    const pending = await db.matchGroup.count({ where: { orgId: owner.orgId, status: "PENDING_APPROVAL" } });
    expect(result.rows.filter((row) => row.kind === "pendingApproval").length).toBe(pending === 0 ? 0 : result.rows.length - 3);
    expect(live.unmatchedOrders.count + live.unmatchedLines.count + live.unmatchedBank.count).toBeGreaterThan(0);
    expectTotalsAreSums(result);
  });

  it("a store filter narrows every chart to that store", async () => {
    const store = (await db.store.findMany({ where: { orgId: owner.orgId }, orderBy: { name: "asc" } }))[0]!;
    const sales = await run("sales-settled-received", owner, { store: store.id });
    const expected = await db.orderReceivable.aggregate({ where: { orgId: owner.orgId, storeId: store.id, day: { gte: new Date(period.from), lte: new Date(period.to) } }, _sum: { paidMinor: true } });
    expect(byKey(sales.rows, "month").get(period.from.slice(0, 7))!.sales).toBe(expected._sum.paidMinor ?? 0n);
    const fees = await run("fee-rates-by-store", owner, { store: store.id });
    expect(fees.rows.map((row) => row.store)).toEqual(fees.rows.length ? [store.name] : []);
  });

  it("words every header, code and note in both languages", async () => {
    const all = await runAnalysisCharts(db, scopeOf(owner), await filtersOf(owner, { compare: "yoy" }));
    const has = (messages: unknown, key: string) => key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages) !== undefined;
    for (const { chart, result } of all) {
      const keys = [chart.title, chart.title.replace(/\.title$/, ".intro"), ...result.columns.map((column) => column.label), ...(result.notes ?? []).map((note) => note.key)];
      for (const column of result.columns.filter((c) => c.codes)) for (const row of result.rows) if (row[column.key] !== null) keys.push(`${column.codes}.${String(row[column.key])}`);
      for (const messages of [zh, en]) expect(keys.filter((key) => !has(messages, key)), chart.id).toEqual([]);
    }
  });
});

describe("数据分析 charts exported", () => {
  it("writes every chart's table to Excel and PDF in both languages, its 合计 checked by the writer, titled by the chart", async () => {
    const source = EXPORT_SOURCES["analysis-chart"];
    for (const locale of ["zh-CN", "en"] as const) {
      const t = exportTranslator(locale);
      const ctx = { orgId: owner.orgId, orgName: owner.orgName, timeZone: "Asia/Shanghai", locale, t, requestedBy: "王会计", requestedById: null, requestedAt: new Date() };
      for (const chart of ANALYSIS_CHARTS) {
        const params = { chart: chart.id, ...period, compare: "yoy", asOf: AS_OF };
        expect(source.titleOf!(t, params)).toBe(t(chart.title));
        await db.$transaction(
          async (tx) => {
            const { table, rowCount } = await source.describe(tx, ctx, params);
            expect(table.title).toBe(t(chart.title));
            expect(rowCount).toBe((await chart.run(tx, scopeOf(owner), await filtersOf(owner, { compare: "yoy" }))).rows.length);
            // The writers refuse a file whose rows do not add up to the expected 合计.
            await writeXlsx(table, path.join(outDir, `${chart.id}-${locale}.xlsx`), { locale });
            await writePdf(table, path.join(outDir, `${chart.id}-${locale}.pdf`), { locale });
          },
          { isolationLevel: "RepeatableRead", timeout: 60_000 },
        );
      }
    }
  });

  it("refuses a chart that is none", async () => {
    const ctx = { orgId: owner.orgId, orgName: owner.orgName, timeZone: "Asia/Shanghai", locale: "zh-CN" as const, t: exportTranslator("zh-CN"), requestedBy: "王会计", requestedById: null, requestedAt: new Date() };
    await expect(db.$transaction((tx) => EXPORT_SOURCES["analysis-chart"].describe(tx, ctx, { chart: "nope", ...period }))).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("数据分析 and another company", () => {
  it("refuses the other company's store and account as filters", async () => {
    const store = await db.store.findFirstOrThrow({ where: { orgId: owner.orgId } });
    const account = await db.fundAccount.findFirstOrThrow({ where: { orgId: owner.orgId } });
    await expect(filtersOf(other, { store: store.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(filtersOf(other, { account: account.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never shows the other company's rows: its charts hold its own figures only", async () => {
    const [mine, theirs] = await Promise.all([
      runAnalysisCharts(db, scopeOf(owner), await filtersOf(owner)),
      runAnalysisCharts(db, scopeOf(other), await filtersOf(other)),
    ]);
    const otherPaid = await db.orderReceivable.aggregate({ where: { orgId: other.orgId, day: { gte: new Date(period.from), lte: new Date(period.to) } }, _sum: { paidMinor: true } });
    const theirSales = theirs.find(({ chart }) => chart.id === "sales-settled-received")!.result;
    expect(byKey(theirSales.rows, "month").get(period.from.slice(0, 7))?.sales ?? 0n).toBe(otherPaid._sum.paidMinor ?? 0n);
    const ownerRuns = await db.reconciliationRun.findMany({ where: { orgId: owner.orgId }, select: { id: true } });
    const ownerStores = await db.store.findMany({ where: { orgId: owner.orgId }, select: { id: true } });
    const text = JSON.stringify(theirs.map(({ result }) => ({ rows: result.rows, drill: result.drill })), (_key, value) => (typeof value === "bigint" ? value.toString() : value));
    for (const id of [...ownerRuns, ...ownerStores].map((row) => row.id)) expect(text.includes(id)).toBe(false);
    expect(mine.length).toBe(ANALYSIS_CHARTS.length);
  });
});
