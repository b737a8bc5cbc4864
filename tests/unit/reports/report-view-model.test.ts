// A report as the table shows it: headers and codes translated, rates in percent, drill links.
import { describe, expect, it } from "vitest";
import { reportTableModel } from "@/components/reports/report-view-model";
import type { ReportResult } from "@/lib/reports/report-result";

const t = (key: string, values?: Record<string, string | number>) => `[${key}${values ? JSON.stringify(values) : ""}]`;

const result: ReportResult = {
  columns: [
    { key: "platform", label: "reports.columns.platform", type: "text", codes: "platforms" },
    { key: "sales", label: "reports.columns.sales", type: "money", currencyKey: "currency" },
    { key: "rate", label: "reports.columns.rate", labelValues: { period: "2025-03" }, type: "percent" },
  ],
  rows: [
    { platform: "TMALL", sales: 12_345n, rate: 0.12345, currency: "USD" },
    { platform: "JD", sales: 5n, rate: null, currency: "CNY" },
  ],
  totals: { sales: 12_350n, rate: 0.5 },
  drill: [{ platform: "TMALL" }, null],
  notes: [{ key: "reports.notes.x", values: { n: 2 }, money: { amount: { minor: 123_456n, currency: "CNY" } } }],
};

describe("reportTableModel", () => {
  const model = reportTableModel(t, "zh-CN", result, (key) => `/rows?p=${key.platform}`);
  it("translates headers with their values, and coded text under its namespace", () => {
    expect(model.columns.map((column) => column.header)).toEqual(["[reports.columns.platform]", "[reports.columns.sales]", '[reports.columns.rate{"period":"2025-03"}]']);
    expect(model.rows[0]!.cells.platform).toBe("[platforms.TMALL]");
  });
  it("shows a ratio as percent with two decimals, keeps a missing rate empty and money in minor units", () => {
    expect(model.rows[0]!.cells.rate).toBe(12.35);
    expect(model.rows[1]!.cells.rate).toBeNull();
    expect(model.rows[0]!.cells.sales).toBe(12_345n);
    expect(model.rows[0]!.cells.currency).toBe("USD");
    expect(model.totals.rate).toBe(50);
  });
  it("links a row to its drill-down only when it has one", () => {
    expect(model.rows.map((row) => row.href)).toEqual(["/rows?p=TMALL", undefined]);
    expect(model.notes).toEqual(['[reports.notes.x{"n":2,"amount":"¥1,234.56"}]']);
  });
});
