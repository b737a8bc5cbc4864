// 未回款与逾期 over time: per month of the orders' business day, what is still to arrive on the as-of
// day and how much of it is past its expected date, from the receivables cube (the figures of
// 回款情况分析 by month). The cube holds each order's state now, not as it stood at each month's end:
// a month's bar is what that month's orders still owe today, so older months fall as money arrives.
// A month leads to 回款管理's list of its orders still to collect.
import { cubeSums, sharedCurrency } from "@/lib/reports/receivable-cube-sums";
import { ratio } from "@/lib/reports/report-rates";
import type { ReportColumn, ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { AnalysisChart } from "./analysis-chart";
import { linkTo, storeParams } from "./analysis-links";
import { monthsOf, monthWithin, trendPeriod } from "./analysis-period";

const label = (key: string) => `analysis.columns.${key}`;
const money = (key: string): ReportColumn => ({ key, label: label(key), type: "money", currencyKey: "currency" });

export const outstandingOverdue: AnalysisChart = {
  id: "outstanding-overdue",
  title: "analysis.charts.outstanding-overdue.title",
  kind: "line",
  category: ["month"],
  series: [{ column: "outstanding" }, { column: "overdue" }],
  readsReceivables: true,
  run: async (tx, scope, filters): Promise<ReportResult> => {
    const period = trendPeriod(filters);
    const sums = await cubeSums(tx, scope, { ...period, store: filters.store, platform: filters.platform }, "month");
    const rows: ReportRow[] = monthsOf(period).map((month) => {
      const group = sums.groups.get(month);
      const [outstanding, overdue] = [group?.outstanding ?? 0n, group?.overdue ?? 0n];
      return { month, ...sharedCurrency(group), outstanding, overdue, overdueShare: ratio(overdue, outstanding) };
    });
    const total = sums.total;
    return {
      columns: [{ key: "month", label: label("month"), type: "text" }, money("outstanding"), money("overdue"), { key: "overdueShare", label: label("overdueShare"), type: "percent" }],
      rows,
      totals: { ...sharedCurrency(total), outstanding: total.outstanding, overdue: total.overdue, overdueShare: ratio(total.overdue, total.outstanding) },
      drill: rows.map((row) => ({ month: String(row.month) })),
      notes: [{ key: "analysis.notes.trend", values: { from: period.from, to: period.to } }, { key: "analysis.notes.outstandingNow", values: { asOf: scope.asOf } }],
    };
  },
  drillHref: (filters, key) => {
    if (!key.month) return null;
    const days = monthWithin(trendPeriod(filters), key.month);
    if (!days) return null;
    return linkTo("/receivables/orders", { ...storeParams(filters), from: days.from, to: days.to, due: "open" });
  },
};
