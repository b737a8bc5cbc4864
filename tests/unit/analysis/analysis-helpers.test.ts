// The dashboard's pure helpers: the months a trend spans, where a bar leads, a bucket's days, which
// series a result draws, a value in the axis's unit, and one read per request.
import { describe, expect, it } from "vitest";
import { chartSeries } from "@/lib/analysis/analysis-chart";
import { linkTo, reportRowsLink } from "@/lib/analysis/analysis-links";
import { monthsOf, monthWithin, trendPeriod } from "@/lib/analysis/analysis-period";
import { bucketDays } from "@/lib/analysis/aging";
import { ANALYSIS_CHART_IDS, analysisChart } from "@/lib/analysis/analysis-charts";
import { oncePerScope } from "@/lib/analysis/scope-memo";
import { axisValue } from "@/components/analysis/chart-view-model";
import { agingBuckets } from "@/lib/receivables/aging-buckets";
import type { ReportFilters } from "@/lib/reports/report-filters";

const filters = (from: string, to: string, extra: Partial<ReportFilters> = {}): ReportFilters => ({ from, to, by: "store", compare: "mom", ...extra });

describe("trend period", () => {
  it("shows a one-month period with the eleven months before it", () => {
    expect(trendPeriod({ from: "2025-03-01", to: "2025-03-31" })).toEqual({ from: "2024-04-01", to: "2025-03-31" });
    expect(monthsOf(trendPeriod({ from: "2025-03-01", to: "2025-03-31" }))).toHaveLength(12);
  });
  it("keeps a period of several months as it is, partial months included", () => {
    expect(trendPeriod({ from: "2025-01-15", to: "2025-03-10" })).toEqual({ from: "2025-01-15", to: "2025-03-10" });
    expect(monthsOf({ from: "2024-11-15", to: "2025-02-10" })).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
  });
  it("cuts a month to the period's days", () => {
    expect(monthWithin({ from: "2025-01-15", to: "2025-03-10" }, "2025-01")).toEqual({ from: "2025-01-15", to: "2025-01-31" });
    expect(monthWithin({ from: "2025-01-15", to: "2025-03-10" }, "2025-02")).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(monthWithin({ from: "2025-01-15", to: "2025-03-10" }, "2025-04")).toBeNull();
  });
});

describe("links", () => {
  it("leaves out empty parameters and prefixes drill keys with k.", () => {
    expect(linkTo("/receivables/orders", { store: undefined, from: "2025-03-01", due: "" })).toBe("/receivables/orders?from=2025-03-01");
    expect(linkTo("/reconcile/proposals", {})).toBe("/reconcile/proposals");
    expect(reportRowsLink("remittance", { from: "2025-03-01", to: "2025-03-31", by: "month" }, { month: "2025-03" })).toBe("/reports/remittance/rows?from=2025-03-01&to=2025-03-31&by=month&k.month=2025-03");
  });
  it("leads each chart's bar to a page that lists its rows", () => {
    const f = filters("2025-03-01", "2025-03-31", { store: "0190d0c4-0000-7000-8000-000000000001" });
    expect(analysisChart("sales-settled-received")!.drillHref(f, { month: "2025-02" })).toBe(
      "/reports/remittance/rows?from=2025-02-01&to=2025-02-28&store=0190d0c4-0000-7000-8000-000000000001&by=month&k.month=2025-02",
    );
    expect(analysisChart("aging")!.drillHref(f, { bucket: "over:30" })).toBe("/receivables/orders?store=0190d0c4-0000-7000-8000-000000000001&from=2025-03-01&to=2025-03-31&bucket=over%3A30");
    expect(analysisChart("outstanding-overdue")!.drillHref(f, { month: "2023-01" })).toBeNull();
    expect(analysisChart("fee-rates-by-store")!.drillHref(filters("2025-03-01", "2025-03-31"), { store: "s1" })).toBe("/reports/fees/rows?from=2025-03-01&to=2025-03-31&k.store=s1&k.month=2025-03");
    expect(analysisChart("fee-rates-by-store")!.drillHref(filters("2025-02-01", "2025-03-31"), { store: "s1" })).toBe("/reports/fees?from=2025-02-01&to=2025-03-31&store=s1");
    expect(analysisChart("days-to-cash")!.drillHref(filters("2025-03-01", "2025-03-31"), { platform: "JD" })).toBe("/reports/remittance/rows?from=2025-03-01&to=2025-03-31&by=platform&k.platform=JD");
    expect(analysisChart("open-differences")!.drillHref(filters("2025-03-01", "2025-03-31"), { kind: "unmatchedBank" })).toBe("/reconcile/unmatched?right=bank&rfrom=2025-03-01&rto=2025-03-31");
    expect(analysisChart("match-rate")!.drillHref(filters("2025-03-01", "2025-03-31"), { run: "r", open: "1" })).toBe("/reconcile/proposals");
  });
});

describe("charts", () => {
  it("registers each chart once, with a title under analysis.charts", () => {
    expect(new Set(ANALYSIS_CHART_IDS).size).toBe(ANALYSIS_CHART_IDS.length);
    for (const id of ANALYSIS_CHART_IDS) expect(analysisChart(id)!.title).toBe(`analysis.charts.${id}.title`);
    expect(analysisChart("nope")).toBeUndefined();
  });
  it("names a bucket's days in figures", () => {
    const names = agingBuckets([7, 30], [7, 30, 60, 90]).map((bucket) => `${bucket.kind} ${bucketDays(bucket)}`);
    expect(names).toEqual(["due 30+", "due 8–30", "due 0–7", "over 1–7", "over 8–30", "over 31–60", "over 61–90", "over 90+"]);
  });
  it("draws the result's fee-type columns first, then the chart's own series it has", () => {
    const columns = ["month", "rate_COMMISSION", "rate_PAYMENT_FEE", "commissionRate"].map((key) => ({ key, label: key, type: "percent" as const }));
    const series = chartSeries({ seriesPrefix: "rate_", series: [{ column: "commissionRate", draw: "line" }, { column: "contractRate", draw: "line" }] }, { columns });
    expect(series.map((entry) => entry.column)).toEqual(["rate_COMMISSION", "rate_PAYMENT_FEE", "commissionRate"]);
  });
  it("puts money in yuan and rates in percent on the axis", () => {
    expect(axisValue("money", 12345n)).toBe(123.45);
    expect(axisValue("percent", 0.125)).toBe(12.5);
    expect(axisValue("integer", 7n)).toBe(7);
    expect(axisValue("money", null)).toBeNull();
  });
});

describe("oncePerScope", () => {
  it("reads once per scope and key, and again for another scope", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const [a, b] = [{ orgId: "o", timeZone: "Asia/Shanghai", asOf: "2025-04-01" }, { orgId: "o", timeZone: "Asia/Shanghai", asOf: "2025-04-01" }];
    expect(await oncePerScope(a, "k", read)).toBe(1);
    expect(await oncePerScope(a, "k", read)).toBe(1);
    expect(await oncePerScope(a, "other", read)).toBe(2);
    expect(await oncePerScope(b, "k", read)).toBe(3);
  });
  it("does not keep a failed read", async () => {
    const scope = { orgId: "o", timeZone: "Asia/Shanghai", asOf: "2025-04-01" };
    await expect(oncePerScope(scope, "k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await Promise.resolve();
    expect(await oncePerScope(scope, "k", async () => "fine")).toBe("fine");
  });
});
