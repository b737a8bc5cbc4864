// A ReportResult turned into what the shared dense table shows: headers and coded cells in the
// reader's language, rates in percent (the table prints "12.5%" from 12.5), and each row's
// drill-down link. Pure and server-side, so the client table receives plain values only.
import type { CellValue, ColumnType } from "@/components/data-table/columns";
import type { DrillKey, ReportCell, ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { MoneyLocale } from "@/lib/money";
import { cellValue, columnLabel, noteText, type ReportTranslator } from "@/lib/reports/report-text";

export type ReportTableColumn = { key: string; header: string; type: ColumnType; currencyKey?: string };
export type ReportTableRow = { id: string; cells: Record<string, CellValue>; href?: string };
export type ReportTableModel = { columns: ReportTableColumn[]; rows: ReportTableRow[]; totals: Record<string, CellValue>; notes: string[] };

export function reportTableModel(t: ReportTranslator, locale: MoneyLocale, result: ReportResult, drillHref?: (key: DrillKey) => string, rowOffset = 0): ReportTableModel {
  const show = (row: ReportRow) =>
    Object.fromEntries(result.columns.map((column) => [column.key, shown(column.type, cellValue(t, column, row[column.key]))] as const).concat(currencies(result, row)));
  return {
    columns: result.columns.map((column) => ({ key: column.key, header: columnLabel(t, column), type: column.type, currencyKey: column.currencyKey })),
    rows: result.rows.map((row, index) => {
      const key = result.drill?.[index];
      return { id: String(rowOffset + index), cells: show(row), href: key && drillHref ? drillHref(key) : undefined };
    }),
    totals: show(result.totals),
    notes: (result.notes ?? []).map((note) => noteText(t, note, locale)),
  };
}

function shown(type: ColumnType, value: ReportCell): CellValue {
  if (type === "percent" && typeof value === "number") return Math.round(value * 10_000) / 100;
  return value;
}

/** The currency cells money columns point at, kept beside the shown values. */
function currencies(result: ReportResult, row: ReportRow): [string, CellValue][] {
  return result.columns.flatMap((column) => (column.currencyKey ? [[column.currencyKey, row[column.currencyKey] ?? null] as [string, CellValue]] : []));
}
