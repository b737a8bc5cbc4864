// 回款管理 · 订单明细: every order the list's filters keep on its as-of day, in the list's order, one
// row each with its money along the chain, its status and the reason in words, its aging bucket and
// follow-up; the list's 合计 as the totals the file must reach.
//
// Params: the list's URL filters (lib/receivables/list-receivables.ts) and asOf.
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportColumn, ExportRow } from "@/lib/export";
import { formatMinor } from "@/lib/money";
import { bucketLabel } from "@/lib/receivables/bucket-label";
import { filteredReceivablesSql, readReceivableRow, RECEIVABLE_COLUMNS, RECEIVABLE_OWNER_JOIN, receivableFilterSchema, receivableTotals, type ReceivableRow } from "@/lib/receivables/list-receivables";
import { reasonText } from "@/lib/receivables/reason-text";
import { loadReceivableQuery } from "@/lib/receivables/receivable-query";
import { cursorRows } from "./cursor-rows";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { filterLabels } from "./filter-labels";

export const receivablesSource: ExportSource = { permission: "org.read", describe: describeReceivables };

async function describeReceivables(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const { t } = ctx;
  const query = await loadReceivableQuery(tx, ctx.orgId, params.asOf);
  const filter = receivableFilterSchema.parse(params);
  const stores = await tx.store.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } });
  // The page shows nothing for a store or bucket it does not know; the export refuses them the same way.
  if ((params.store && !stores.some((store) => store.id === filter.store)) || (params.bucket && !query.buckets.some((bucket) => bucket.key === filter.bucket))) {
    throw new AppError("INVALID", { messageKey: "exportFilterRefused" });
  }
  const totals = await receivableTotals(tx, query, filter);
  const money = (minor: bigint) => formatMinor(minor, "CNY", ctx.locale);
  const bucketNames = new Map(query.buckets.map((bucket) => [bucket.key, bucketLabel((key, values) => t(`receivables.buckets.${key}`, values), bucket)]));
  const columns: ExportColumn[] = [
    { key: "store", label: t("receivables.columns.store"), type: "text" },
    { key: "orderNo", label: t("receivables.columns.orderNo"), type: "text" },
    { key: "paidAt", label: t("receivables.columns.paidAt"), type: "date", withTime: true, pdf: false },
    { key: "expectedOn", label: t("receivables.columns.expectedOn"), type: "date" },
    { key: "paid", label: t("receivables.columns.paid"), type: "money", total: true },
    { key: "refund", label: t("receivables.columns.refund"), type: "money", total: true },
    { key: "fees", label: t("receivables.columns.fees"), type: "money", total: true },
    { key: "settled", label: t("receivables.columns.settled"), type: "money", total: true },
    { key: "received", label: t("receivables.columns.received"), type: "money", total: true },
    { key: "outstanding", label: t("receivables.columns.outstanding"), type: "money", total: true },
    { key: "status", label: t("receivables.columns.status"), type: "text" },
    { key: "days", label: t("receivables.columns.days"), type: "integer" },
    { key: "bucket", label: t("receivables.columns.bucket"), type: "text" },
    { key: "reason", label: t("receivables.columns.reason"), type: "text" },
    { key: "owner", label: t("receivables.columns.owner"), type: "text" },
    { key: "nextActionOn", label: t("receivables.columns.nextActionOn"), type: "date", pdf: false },
    { key: "followState", label: t("receivables.columns.followState"), type: "text", pdf: false },
  ];
  const toRow = (row: ReceivableRow): ExportRow => ({
    store: row.storeName,
    orderNo: row.orderNo,
    paidAt: row.paidAt,
    expectedOn: row.expectedOn,
    paid: row.paidMinor,
    refund: row.refundMinor,
    fees: row.feesMinor,
    settled: row.settledMinor,
    received: row.receivedMinor,
    outstanding: row.outstandingMinor,
    status: t(`receivables.statuses.${row.status}`),
    days: row.days,
    bucket: row.bucket ? (bucketNames.get(row.bucket) ?? "") : "",
    reason: reasonText((key, values) => t(`receivables.reasons.${key}`, values), ctx.locale, row),
    owner: row.ownerName,
    nextActionOn: row.nextActionOn,
    followState: row.followState ? t(`receivables.followStates.${row.followState}`) : "",
  });
  const { sql, params: values, order } = filteredReceivablesSql(query, filter);
  async function* rows(): AsyncGenerator<ExportRow> {
    for await (const batch of cursorRows<Parameters<typeof readReceivableRow>[0]>(tx, `SELECT ${RECEIVABLE_COLUMNS} FROM (${sql}) x ${RECEIVABLE_OWNER_JOIN} ORDER BY ${order}`, values)) {
      for (const row of batch) yield toRow(readReceivableRow(row));
    }
  }
  const members = filter.owner && filter.owner !== "none" ? await tx.user.findMany({ where: { id: filter.owner }, select: { name: true, email: true } }) : [];
  return {
    rowCount: totals.count,
    table: {
      title: t("receivables.exports.ordersTitle"),
      company: ctx.orgName,
      period: filter.from || filter.to ? t("export.periodRange", { from: filter.from ?? "…", to: filter.to ?? "…" }) : undefined,
      filters: filterLabels(t, [
        ["receivables.filters.asOf", query.asOf],
        ["receivables.filters.store", stores.find((store) => store.id === filter.store)?.name],
        ["receivables.filters.platform", filter.platform ? t(`platforms.${filter.platform}`) : undefined],
        ["receivables.filters.status", filter.status ? t(`receivables.statuses.${filter.status}`) : undefined],
        ["receivables.filters.bucket", filter.bucket ? bucketNames.get(filter.bucket) : undefined],
        ["receivables.filters.due", filter.due ? t(`receivables.filters.dueChoices.${filter.due}`) : undefined],
        ["receivables.filters.min", filter.min ? money(BigInt(filter.min)) : undefined],
        ["receivables.filters.max", filter.max ? money(BigInt(filter.max)) : undefined],
        ["receivables.filters.owner", filter.owner === "none" ? t("receivables.filters.nobody") : members[0] ? members[0].name || members[0].email : undefined],
        ["receivables.filters.follow", filter.follow ? t(`receivables.followStates.${filter.follow}`) : undefined],
        ["receivables.filters.q", filter.q],
      ]),
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows: rows(),
      expectedTotals: { paid: totals.paidMinor, refund: totals.refundMinor, fees: totals.feesMinor, settled: totals.settledMinor, received: totals.receivedMinor, outstanding: totals.outstandingMinor },
    },
  };
}
