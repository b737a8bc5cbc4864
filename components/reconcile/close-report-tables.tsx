"use client";
// The close report's lists in the shared dense table: the month's summary by list, the open items
// kept at submission or lock, and the rows marked not for reconciliation.
import { useFormatter, useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import type { OpenItem, OpenItemGroup } from "@/lib/match-review/close-checklist";
import type { ReportSummaryRow } from "@/lib/match-review/close-report";
import type { ExcludedPage } from "@/lib/match-review/exclusion-lists";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import { excludedColumns } from "./excluded-rows-table";

export function ReportSummaryTable({ rows, preference }: { rows: ReportSummaryRow[]; preference: TablePreference }) {
  const t = useTranslations("closeReport");
  const columns: DataColumn<ReportSummaryRow>[] = [
    { id: "list", header: t("columns.list"), type: "text", value: (row) => t(`lists.${row.list}`), hideable: false, size: 140 },
    { id: "rows", header: t("columns.rows"), type: "integer", value: (row) => row.rows, size: 80 },
    { id: "amount", header: t("columns.amount"), type: "money", value: (row) => row.amountMinor, size: 130 },
    { id: "open", header: t("columns.open"), type: "integer", value: (row) => row.openRows, size: 80 },
    { id: "openAmount", header: t("columns.openAmount"), type: "money", value: (row) => row.openMinor, size: 130 },
    { id: "excluded", header: t("columns.excluded"), type: "integer", value: (row) => row.excludedRows, size: 100 },
  ];
  const sum = (pick: (row: ReportSummaryRow) => bigint | number) => rows.reduce((total, row) => total + BigInt(pick(row)), 0n);
  // Every list of the month is on this one page, so its 合计 is the sum of its rows.
  const totals = { label: t("totalRow"), values: { rows: sum((row) => row.rows), amount: sum((row) => row.amountMinor), open: sum((row) => row.openRows), openAmount: sum((row) => row.openMinor), excluded: sum((row) => row.excludedRows) } };
  return (
    <DataTable tableKey="close-report.summary" testId="report-summary" columns={columns} rows={rows} rowId={(row) => row.list} paging={{ page: 1, pages: 1, total: rows.length, pageSize: 50 }} preference={preference} totals={totals} emptyText="" />
  );
}

/** `groups` are the snapshot's sums per list and store or account: the 合计 and subtotals cover every open row, not just the page or the listed ones. */
export function ReportOpenItemsTable({ rows, groups, paging, preference, emptyText }: { rows: OpenItem[]; groups: OpenItemGroup[]; paging: { page: number; pages: number; total: number; pageSize: number }; preference: TablePreference; emptyText: string }) {
  const t = useTranslations("closeReport");
  const columns: DataColumn<OpenItem>[] = [
    { id: "list", header: t("itemColumns.list"), type: "text", value: (row) => t(`lists.${row.list}`), size: 110 },
    { id: "day", header: t("itemColumns.day"), type: "date", value: (row) => row.day, size: 84 },
    { id: "ref", header: t("itemColumns.ref"), type: "text", value: (row) => row.ref ?? row.detail ?? "", hideable: false, size: 160, cell: (row) => <span className="font-mono text-slate-800">{row.ref ?? row.detail}</span> },
    { id: "remaining", header: t("itemColumns.remaining"), type: "money", value: (row) => row.remainingMinor, size: 110 },
    { id: "owner", header: t("itemColumns.owner"), type: "text", value: (row) => row.owner, size: 120 },
    { id: "detail", header: t("itemColumns.detail"), type: "text", value: (row) => row.detail ?? "", size: 200 },
  ];
  return (
    <DataTable
      tableKey="close-report.open"
      testId="report-open"
      paramPrefix="o"
      totals={{ label: t("openTotalRow", { count: groups.reduce((total, group) => total + group.count, 0) }), values: { remaining: groups.reduce((total, group) => total + group.remainingMinor, 0n) } }}
      subtotals={groups.length > 1 ? groups.map((group) => ({ label: t("openSubtotalRow", { list: t(`lists.${group.list}`), owner: group.owner, count: group.count }), values: { remaining: group.remainingMinor } })) : []}
      columns={columns}
      rows={rows}
      rowId={(row) => `${row.side}:${row.id}`}
      paging={paging}
      preference={preference}
      emptyText={emptyText}
      rowAttributes={(row) => ({ "data-row-ref": row.ref ?? "" })}
    />
  );
}

export function ReportExcludedTable({ data, preference, emptyText }: { data: ExcludedPage; preference: TablePreference; emptyText: string }) {
  const t = useTranslations("exclusions");
  const format = useFormatter();
  return (
    <DataTable
      tableKey="close-report.excluded"
      testId="report-excluded"
      paramPrefix="x"
      columns={excludedColumns(t, (date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short" }))}
      rows={data.rows}
      rowId={(row) => `${row.side}:${row.id}`}
      paging={{ page: data.page, pages: data.pages, total: data.total, pageSize: data.pageSize }}
      preference={preference}
      totals={{ label: t("totalRow", { count: data.total }), values: { amount: data.amountMinor } }}
      emptyText={emptyText}
      rowAttributes={(row) => ({ "data-row-ref": row.ref ?? "" })}
    />
  );
}
