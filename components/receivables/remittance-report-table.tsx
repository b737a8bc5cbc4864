"use client";
// 回款报表 in the shared dense table: one row per store, the month's money from paid to received,
// what is still out and how much of it is overdue, with the report's 合计.
import { useTranslations } from "next-intl";
import { DataTable } from "@/components/data-table/data-table";
import type { DataColumn } from "@/components/data-table/columns";
import type { RemittanceLine, RemittanceStoreLine } from "@/lib/receivables/remittance-report";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";

export function RemittanceReportTable({ stores, total, preference }: { stores: RemittanceStoreLine[]; total: RemittanceLine; preference: TablePreference }) {
  const t = useTranslations("receivables");
  const tp = useTranslations("platforms");
  const money = (id: keyof RemittanceLine, header: string): DataColumn<RemittanceStoreLine> => ({ id, header, type: "money", value: (row) => row[id] as bigint, size: 100, currency: (row) => row.currency });
  const columns: DataColumn<RemittanceStoreLine>[] = [
    { id: "store", header: t("columns.store"), type: "text", value: (row) => row.storeName, hideable: false, size: 120 },
    { id: "platform", header: t("columns.platform"), type: "text", value: (row) => tp(row.platform), size: 64 },
    { id: "orders", header: t("report.orders"), type: "integer", value: (row) => row.orders, size: 64 },
    money("paidMinor", t("columns.paid")),
    money("refundMinor", t("columns.refund")),
    money("commissionMinor", t("report.commission")),
    money("serviceFeeMinor", t("report.serviceFee")),
    money("promotionMinor", t("report.promotion")),
    money("otherFeesMinor", t("report.otherFees")),
    money("settledMinor", t("columns.settled")),
    money("receivedMinor", t("columns.received")),
    money("outstandingMinor", t("columns.outstanding")),
    money("overdueMinor", t("report.overdue")),
    { id: "overdueOrders", header: t("report.overdueOrders"), type: "integer", value: (row) => row.overdueOrders, size: 84 },
  ];
  const totals = {
    label: t("report.totalRow"),
    values: Object.fromEntries(columns.filter((column) => column.id !== "store" && column.id !== "platform").map((column) => [column.id, total[column.id as keyof RemittanceLine]])),
  };
  return (
    <DataTable
      tableKey="receivables.report"
      testId="remittance-report"
      columns={columns}
      rows={stores}
      rowId={(row) => row.storeId}
      paging={{ page: 1, pages: 1, total: stores.length, pageSize: 50 }}
      preference={preference}
      totals={totals}
      emptyText={t("report.empty")}
    />
  );
}
