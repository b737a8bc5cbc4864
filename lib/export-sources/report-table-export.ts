// Any report (standard, custom) as the export layer's table: headers and codes in the file's
// language, money and counts totalled by the writer and checked against the report's own 合计 (a
// file whose rows do not add up to the page's totals is refused, never written), rates as ratios.
import type { ExportColumn, ExportRow, ExportTable } from "@/lib/export";
import type { ReportResult } from "@/lib/reports/report-result";
import { cellValue, columnLabel } from "@/lib/reports/report-text";
import type { ExportContext } from "./export-source";

type Heading = { title: string; period?: string; filters: { label: string; value: string }[] };

export function reportExportTable(ctx: ExportContext, result: ReportResult, heading: Heading): ExportTable {
  const { t } = ctx;
  // A cut list's 合计 covers rows the file does not hold: the file then totals nothing rather than
  // print a 合计 that is not the sum of its rows (the writer would refuse it).
  const summed = (key: string) => !result.truncated && typeof result.totals[key] === "bigint";
  const columns: ExportColumn[] = result.columns.map((column) => ({
    key: column.key,
    label: columnLabel(t, column),
    type: column.type === "integer" ? "integer" : column.type,
    currency: column.currencyKey ? sharedCurrency(result, column.currencyKey) : undefined,
    total: (column.type === "money" || column.type === "integer") && column.summed !== false && summed(column.key),
  }));
  const rows: ExportRow[] = result.rows.map((row) => Object.fromEntries(result.columns.map((column) => [column.key, cellValue(t, column, row[column.key])])));
  const expectedTotals = Object.fromEntries(columns.filter((column) => column.total).map((column) => [column.key, result.totals[column.key] as bigint]));
  return {
    title: heading.title,
    company: ctx.orgName,
    period: heading.period,
    filters: heading.filters,
    generatedBy: ctx.requestedBy,
    generatedAt: ctx.requestedAt,
    timeZone: ctx.timeZone,
    columns,
    rows,
    expectedTotals,
  };
}

/** A file column has one currency: the rows' one currency, else CNY (the page says the mix). */
function sharedCurrency(result: ReportResult, key: string): string | undefined {
  const currencies = new Set(result.rows.map((row) => row[key]).filter((value): value is string => typeof value === "string"));
  return currencies.size === 1 ? [...currencies][0] : undefined;
}
