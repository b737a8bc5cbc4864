// A standard report row's drill-down (/reports/<id>/rows) to Excel and PDF: every base row behind
// the figure, read page by page through the report's own drill (one snapshot: the export's
// transaction), with the 合计 the page shows over all of them.
//
// Params: the report's (see report-source.ts) and the drill key as k.<name>.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportRow } from "@/lib/export";
import { resolveReportFilters, type ReportFilterInput } from "@/lib/reports/report-filters";
import type { DrillKey, DrillResult } from "@/lib/reports/report-result";
import { loadReportScope } from "@/lib/reports/report-scope";
import { reportFilterLines } from "@/lib/reports/report-filter-lines";
import { cellValue } from "@/lib/reports/report-text";
import { standardReport } from "@/lib/reports/standard-reports";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { reportExportTable } from "./report-table-export";

/** Rows read per drill page (the drills' own page cap). */
const PAGE = 1000;

export const reportRowsSource: ExportSource = {
  permission: "org.read",
  describe: describeRows,
  titleOf: (t, params) => (standardReport(params.report ?? "") ? t("reports.rows.title", { report: t(`reports.${params.report}.title`) }) : undefined),
};

async function describeRows(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const id = params.report ?? "";
  const report = standardReport(id);
  if (!report) throw new AppError("INVALID", { messageKey: "exportSourceBadParam", params: { name: "report", value: id.slice(0, 40) } });
  const scope = await loadReportScope(tx, ctx.orgId, params.asOf);
  const filters = await resolveReportFilters(tx, ctx.orgId, params as ReportFilterInput);
  const key: DrillKey = Object.fromEntries(Object.entries(params).flatMap(([name, value]) => (name.startsWith("k.") ? [[name.slice(2), value]] : [])));
  const first = await report.drill(tx, scope, filters, key, { limit: PAGE, offset: 0 });
  const table = reportExportTable(ctx, { ...first, rows: [] }, {
    title: ctx.t("reports.rows.title", { report: ctx.t(`reports.${id}.title`) }),
    period: ctx.t("export.periodRange", { from: filters.from, to: filters.to }),
    filters: await reportFilterLines(tx, ctx.orgId, ctx.t, report.filters, filters, scope.asOf),
  });
  const shown = (page: DrillResult): ExportRow[] => page.rows.map((row) => Object.fromEntries(page.columns.map((column) => [column.key, cellValue(ctx.t, column, row[column.key])])));
  async function* rows(): AsyncIterable<ExportRow> {
    yield* shown(first);
    for (let offset = PAGE; offset < first.count; offset += PAGE) yield* shown(await report!.drill(tx, scope, filters, key, { limit: PAGE, offset }));
  }
  return { table: { ...table, rows: rows() }, rowCount: first.count };
}
