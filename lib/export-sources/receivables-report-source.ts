// 回款报表: a month's remittance per store (lib/receivables/remittance-report.ts) — orders, paid,
// refunds, each fee, settled, received, outstanding, overdue on the as-of day — with its 合计 row.
//
// Params: { month: "YYYY-MM", asOf?: "YYYY-MM-DD" }.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportColumn, ExportRow } from "@/lib/export";
import { monthBounds } from "@/lib/ledger/business-day";
import { MONTH_PATTERN } from "@/lib/match-review/periods";
import { loadReceivableQuery } from "@/lib/receivables/receivable-query";
import { remittanceReport } from "@/lib/receivables/remittance-report";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";

export const receivablesReportSource: ExportSource = { permission: "org.read", describe: describeReport };

async function describeReport(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const { t } = ctx;
  const month = params.month?.trim() ?? "";
  if (!MONTH_PATTERN.test(month)) throw new AppError("INVALID", { messageKey: "exportSourceBadMonth", params: { value: month.slice(0, 20) } });
  const query = await loadReceivableQuery(tx, ctx.orgId, params.asOf);
  const report = await remittanceReport(tx, query, month);
  const money = (key: string, label: string): ExportColumn => ({ key, label: t(label), type: "money", total: true });
  const columns: ExportColumn[] = [
    { key: "store", label: t("receivables.columns.store"), type: "text" },
    { key: "platform", label: t("receivables.columns.platform"), type: "text" },
    { key: "orders", label: t("receivables.report.orders"), type: "integer", total: true },
    money("paid", "receivables.columns.paid"),
    money("refund", "receivables.columns.refund"),
    money("commission", "receivables.report.commission"),
    money("serviceFee", "receivables.report.serviceFee"),
    money("promotion", "receivables.report.promotion"),
    money("otherFees", "receivables.report.otherFees"),
    money("settled", "receivables.columns.settled"),
    money("received", "receivables.columns.received"),
    money("outstanding", "receivables.columns.outstanding"),
    money("overdue", "receivables.report.overdue"),
    { key: "overdueOrders", label: t("receivables.report.overdueOrders"), type: "integer", total: true },
  ];
  const rows: ExportRow[] = report.stores.map((line) => ({
    store: line.storeName,
    platform: t(`platforms.${line.platform}`),
    orders: line.orders,
    paid: line.paidMinor,
    refund: line.refundMinor,
    commission: line.commissionMinor,
    serviceFee: line.serviceFeeMinor,
    promotion: line.promotionMinor,
    otherFees: line.otherFeesMinor,
    settled: line.settledMinor,
    received: line.receivedMinor,
    outstanding: line.outstandingMinor,
    overdue: line.overdueMinor,
    overdueOrders: line.overdueOrders,
  }));
  const { first, last } = monthBounds(month);
  const total = report.total;
  return {
    rowCount: rows.length,
    table: {
      title: t("receivables.report.title", { month }),
      company: ctx.orgName,
      period: t("export.periodRange", { from: first, to: last }),
      filters: [
        { label: t("workspace.month"), value: month },
        { label: t("receivables.filters.asOf"), value: query.asOf },
      ],
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows,
      expectedTotals: {
        paid: total.paidMinor,
        refund: total.refundMinor,
        commission: total.commissionMinor,
        serviceFee: total.serviceFeeMinor,
        promotion: total.promotionMinor,
        otherFees: total.otherFeesMinor,
        settled: total.settledMinor,
        received: total.receivedMinor,
        outstanding: total.outstandingMinor,
        overdue: total.overdueMinor,
      },
    },
  };
}
