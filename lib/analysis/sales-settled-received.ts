// 销售、结算与到账 per month: what buyers paid for the month's orders, what the platforms settled of
// them and what reached the bank, from the receivables cube (receivable-cube-sums.ts, the figures of
// 回款情况分析 by month). With a comparison, each month's sales of the month before (环比) or of a
// year earlier (同比) as a second series. A month leads to its orders (回款情况分析's drill-down).
import { cubeSums, sharedCurrency } from "@/lib/reports/receivable-cube-sums";
import { growth } from "@/lib/reports/report-rates";
import type { ReportColumn, ReportResult, ReportRow } from "@/lib/reports/report-result";
import { shiftPeriodByMonths } from "@/lib/reports/period-shift";
import type { AnalysisChart } from "./analysis-chart";
import { reportRowsLink, storeParams } from "./analysis-links";
import { monthsOf, monthWithin, trendPeriod } from "./analysis-period";

const label = (key: string) => `analysis.columns.${key}`;
const money = (key: string): ReportColumn => ({ key, label: label(key), type: "money", currencyKey: "currency" });

/** Months moved by a comparison: a month before, or a year. */
export const COMPARISON_SHIFT = { mom: 1, yoy: 12 } as const;

export const salesSettledReceived: AnalysisChart = {
  id: "sales-settled-received",
  title: "analysis.charts.sales-settled-received.title",
  kind: "bar",
  category: ["month"],
  series: [{ column: "sales" }, { column: "settled" }, { column: "received" }, { column: "salesCompared", draw: "line", compared: true }],
  readsReceivables: true,
  run: async (tx, scope, filters): Promise<ReportResult> => {
    const period = trendPeriod(filters);
    const range = { ...period, store: filters.store, platform: filters.platform };
    // range compares with a second period that has no months of its own: shown as the month before.
    const shift = filters.compare === "yoy" ? COMPARISON_SHIFT.yoy : COMPARISON_SHIFT.mom;
    const comparedRange = { ...range, ...shiftPeriodByMonths(period, -shift) };
    const [main, compared] = await Promise.all([cubeSums(tx, scope, range, "month"), cubeSums(tx, scope, comparedRange, "month", shift)]);
    const rows: ReportRow[] = monthsOf(period).map((month) => {
      const [now, then] = [main.groups.get(month), compared.groups.get(month)];
      const sales = now?.paid ?? 0n;
      return { month, ...sharedCurrency(now), sales, settled: now?.settled ?? 0n, received: now?.received ?? 0n, salesCompared: then?.paid ?? 0n, salesGrowth: growth(sales, then?.paid ?? 0n) };
    });
    const comparedTotal = rows.reduce((sum, row) => sum + (row.salesCompared as bigint), 0n);
    return {
      columns: [
        { key: "month", label: label("month"), type: "text" },
        money("sales"),
        money("settled"),
        money("received"),
        { ...money("salesCompared"), label: label(`salesCompared.${filters.compare === "yoy" ? "yoy" : "mom"}`) },
        { key: "salesGrowth", label: label("salesGrowth"), type: "percent" },
      ],
      rows,
      totals: { ...sharedCurrency(main.total), sales: main.total.paid, settled: main.total.settled, received: main.total.received, salesCompared: comparedTotal, salesGrowth: growth(main.total.paid, comparedTotal) },
      drill: rows.map((row) => ({ month: String(row.month) })),
      notes: [{ key: "analysis.notes.trend", values: { from: period.from, to: period.to } }],
    };
  },
  drillHref: (filters, key) => {
    if (!key.month) return null;
    const days = monthWithin(trendPeriod(filters), key.month);
    if (!days) return null;
    return reportRowsLink("remittance", { from: days.from, to: days.to, ...storeParams(filters), by: "month" }, { month: key.month });
  },
};
