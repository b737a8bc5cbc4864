"use client";
// A custom report's result (a ReportResult) in the shared dense table: its typed columns, coded
// values in the reader's language, rates in percent and the 合计 row the report computed.
import { useLocale, useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import { formatCell, type DataColumn } from "@/components/data-table/columns";
import type { ReportResult, ReportRow } from "@/lib/reports/report-result";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";

type Row = ReportRow & { __index: number };

/** A ratio (0.125) as the table's percent cells take it (12.5). */
const percent = (value: ReportRow[string]) => (value === null || value === undefined ? null : Number(value) * 100);

export function CustomReportTable({ result, preference }: { result: ReportResult; preference: TablePreference }) {
  const t = useTranslations();
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const text = (codes: string | undefined, value: ReportRow[string]) => {
    if (value === null || value === undefined) return null;
    const key = `${codes}.${String(value)}`;
    return codes && t.has(key as never) ? t(key as never) : String(value);
  };
  const columns: DataColumn<Row>[] = result.columns.map((column, index) => ({
    id: column.key,
    header: t(column.label as never, column.labelValues as never),
    type: column.type,
    size: column.type === "text" ? 140 : 110,
    hideable: index > 0,
    value: (row) => (column.type === "percent" ? percent(row[column.key] ?? null) : column.type === "text" ? text(column.codes, row[column.key] ?? null) : (row[column.key] ?? null)),
    ...(column.currencyKey ? { currency: (row: Row) => String(row[column.currencyKey!] ?? "CNY") } : {}),
  }));
  const rows: Row[] = result.rows.map((row, index) => ({ ...row, __index: index }));
  const totals = {
    label: t("reports.custom.totalRow"),
    // The 合计 row formats only summed types itself: its rate is written here, from the report's sums.
    values: Object.fromEntries(
      result.columns
        .filter((column) => column.key in result.totals)
        .map((column) => [column.key, column.type === "percent" ? formatCell("percent", percent(result.totals[column.key] ?? null), locale) : result.totals[column.key]]),
    ),
  };
  return (
    <div className="space-y-2">
      <DataTable
        tableKey="reports.custom"
        testId="custom-report"
        columns={columns}
        rows={rows}
        rowId={(row) => String(row.__index)}
        paging={{ page: 1, pages: 1, total: rows.length, pageSize: Math.max(rows.length, 1) }}
        preference={preference}
        totals={totals}
        emptyText={t("reports.custom.empty")}
      />
      {result.notes?.map((note) => (
        <p key={note.key} className="text-xs text-slate-500">
          {t(note.key as never, note.values as never)}
        </p>
      ))}
    </div>
  );
}
