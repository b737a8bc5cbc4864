// 数据分析's charts (lib/analysis/analysis-charts.ts) to Excel and PDF: the table under a chart, for
// the dashboard's filters, with its 合计 — exactly what its "table" toggle shows.
//
// Params: { chart: <id>, from, to, store?, platform?, account?, compare?, from2?, to2?, asOf? }.
import type { Tx } from "@/lib/db/client";
import { analysisChart } from "@/lib/analysis/analysis-charts";
import { AppError } from "@/lib/errors";
import { resolveReportFilters, type ReportFilterInput } from "@/lib/reports/report-filters";
import { reportFilterLines } from "@/lib/reports/report-filter-lines";
import { loadReportScope } from "@/lib/reports/report-scope";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { reportExportTable } from "./report-table-export";

export const analysisChartSource: ExportSource = {
  permission: "org.read",
  describe: describeChart,
  titleOf: (t, params) => {
    const chart = analysisChart(params.chart ?? "");
    return chart ? t(chart.title) : undefined;
  },
};

async function describeChart(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const id = params.chart ?? "";
  const chart = analysisChart(id);
  if (!chart) throw new AppError("INVALID", { messageKey: "exportSourceBadParam", params: { name: "chart", value: id.slice(0, 40) } });
  const scope = await loadReportScope(tx, ctx.orgId, params.asOf);
  const filters = await resolveReportFilters(tx, ctx.orgId, params as ReportFilterInput);
  const result = await chart.run(tx, scope, filters);
  const table = reportExportTable(ctx, result, {
    title: ctx.t(chart.title),
    period: ctx.t("export.periodRange", { from: filters.from, to: filters.to }),
    filters: await reportFilterLines(tx, ctx.orgId, ctx.t, ["store", "platform", "account", "compare"], filters, scope.asOf),
  });
  return { table, rowCount: result.rows.length };
}
