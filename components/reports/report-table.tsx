"use client";
// A report (standard, custom, or a drill-down page) in the shared dense table: typed columns, the
// server's 合计 row, and the first column linking to the row's drill-down when it has one.
import Link from "next/link";
import { DataTable, type TablePaging } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import type { ReportTableModel, ReportTableRow } from "./report-view-model";

type Props = {
  tableKey: string;
  model: ReportTableModel;
  totalLabel: string;
  emptyText: string;
  preference: TablePreference;
  /** A drill-down page's paging; a report shows all its rows on one page. */
  paging?: TablePaging;
  testId?: string;
};

export function ReportTable({ tableKey, model, totalLabel, emptyText, preference, paging, testId = "report" }: Props) {
  const columns: DataColumn<ReportTableRow>[] = model.columns.map((column, index) => ({
    id: column.key,
    header: column.header,
    type: column.type,
    value: (row) => row.cells[column.key],
    hideable: index > 0,
    size: column.type === "money" ? 112 : column.type === "percent" ? 76 : column.type === "integer" ? 72 : column.type === "date" ? 96 : 132,
    currency: column.currencyKey ? (row) => String(row.cells[column.currencyKey!] ?? "CNY") : undefined,
    cell:
      index === 0
        ? (row) =>
            row.href ? (
              <Link href={row.href} className="text-brand-700 hover:underline" data-testid="report-drill">
                {String(row.cells[column.key] ?? "")}
              </Link>
            ) : (
              String(row.cells[column.key] ?? "")
            )
        : undefined,
  }));
  return (
    <DataTable
      tableKey={tableKey}
      testId={testId}
      columns={columns}
      rows={model.rows}
      rowId={(row) => row.id}
      paging={paging ?? { page: 1, pages: 1, total: model.rows.length, pageSize: 500 }}
      preference={preference}
      totals={{ label: totalLabel, values: model.totals }}
      emptyText={emptyText}
    />
  );
}
