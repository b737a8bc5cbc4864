// 回款天数 (DSO) per platform: over the period's orders received in full, the average days from
// 确认收货 to the bank (the receivables cube's dsoDays / dsoOrders, as 回款情况分析 averages them), beside
// the same average for the comparison period (环比: the period before; 同比: a year earlier; or the
// range asked for). A platform leads to its orders (回款情况分析's drill-down by platform).
import { cubeSums } from "@/lib/reports/receivable-cube-sums";
import { comparisonPeriod } from "@/lib/reports/report-filters";
import { roundedAverage } from "@/lib/reports/report-rates";
import type { ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { AnalysisChart } from "./analysis-chart";
import { reportRowsLink } from "./analysis-links";

const label = (key: string) => `analysis.columns.${key}`;

export const daysToCash: AnalysisChart = {
  id: "days-to-cash",
  title: "analysis.charts.days-to-cash.title",
  kind: "bar",
  category: ["platform"],
  series: [{ column: "dsoDays" }, { column: "dsoDaysCompared", compared: true }],
  readsReceivables: true,
  run: async (tx, scope, filters): Promise<ReportResult> => {
    const compared = comparisonPeriod(filters);
    const range = { store: filters.store, platform: filters.platform };
    const [main, before] = await Promise.all([
      cubeSums(tx, scope, { ...range, from: filters.from, to: filters.to }, "platform"),
      cubeSums(tx, scope, { ...range, ...compared }, "platform"),
    ]);
    const platforms = [...new Set([...main.groups.keys(), ...before.groups.keys()])].sort();
    const rows: ReportRow[] = platforms.map((platform) => {
      const [now, then] = [main.groups.get(platform), before.groups.get(platform)];
      return {
        platform,
        dsoOrders: now?.dsoOrders ?? 0n,
        dsoDays: now ? roundedAverage(now.dsoDays, now.dsoOrders) : null,
        dsoOrdersCompared: then?.dsoOrders ?? 0n,
        dsoDaysCompared: then ? roundedAverage(then.dsoDays, then.dsoOrders) : null,
      };
    });
    return {
      columns: [
        { key: "platform", label: label("platform"), type: "text", codes: "platforms" },
        { key: "dsoOrders", label: label("dsoOrders"), type: "integer" },
        { key: "dsoDays", label: label("dsoDays"), type: "integer", summed: false },
        { key: "dsoOrdersCompared", label: label("dsoOrdersCompared"), labelValues: { from: compared.from, to: compared.to }, type: "integer" },
        { key: "dsoDaysCompared", label: label("dsoDaysCompared"), labelValues: { from: compared.from, to: compared.to }, type: "integer", summed: false },
      ],
      rows,
      totals: {
        dsoOrders: main.total.dsoOrders,
        dsoDays: roundedAverage(main.total.dsoDays, main.total.dsoOrders),
        dsoOrdersCompared: before.total.dsoOrders,
        dsoDaysCompared: roundedAverage(before.total.dsoDays, before.total.dsoOrders),
      },
      drill: platforms.map((platform) => ({ platform })),
      notes: [{ key: "analysis.notes.dso" }, { key: "analysis.notes.compared", values: { from: compared.from, to: compared.to } }],
    };
  },
  drillHref: (filters, key) => (key.platform ? reportRowsLink("remittance", { from: filters.from, to: filters.to, store: filters.store, platform: filters.platform, by: "platform" }, { platform: key.platform }) : null),
};
