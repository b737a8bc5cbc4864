// 报表查询's standard reports (lib/reports/standard-reports.ts) to Excel and PDF: exactly the table
// the page shows for the same filters, with its 合计.
//
// Params: { report: <id>, from, to, store?, platform?, account?, by?, compare?, from2?, to2?, asOf? }.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { resolveReportFilters, type ReportFilterInput } from "@/lib/reports/report-filters";
import { loadReportScope } from "@/lib/reports/report-scope";
import { reportFilterLines } from "@/lib/reports/report-filter-lines";
import { standardReport } from "@/lib/reports/standard-reports";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { reportExportTable } from "./report-table-export";

export const reportSource: ExportSource = {
  permission: "org.read",
  describe: describeReport,
  titleOf: (t, params) => (standardReport(params.report ?? "") ? t(`reports.${params.report}.title`) : undefined),
};

async function describeReport(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const id = params.report ?? "";
  const report = standardReport(id);
  if (!report) throw new AppError("INVALID", { messageKey: "exportSourceBadParam", params: { name: "report", value: id.slice(0, 40) } });
  const scope = await loadReportScope(tx, ctx.orgId, params.asOf);
  const filters = await resolveReportFilters(tx, ctx.orgId, params as ReportFilterInput);
  const result = await report.run(tx, scope, filters);
  const table = reportExportTable(ctx, result, {
    title: ctx.t(`reports.${id}.title`),
    period: ctx.t("export.periodRange", { from: filters.from, to: filters.to }),
    filters: await reportFilterLines(tx, ctx.orgId, ctx.t, report.filters, filters, scope.asOf),
  });
  return { table, rowCount: result.rows.length };
}
