// 风险预警: every alert the list's filters keep, in the list's order (severity, then day), one row
// each with its rule, its sentence in the reader's language, store or account, the money at stake,
// status, who handles it and when it was first and last seen (in the company's clock).
//
// Params: the list's URL filters (lib/alerts/list-alerts.ts).
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExportColumn, ExportRow } from "@/lib/export";
import { alertSentence, alertTypeName } from "@/lib/alerts/alert-words";
import { alertFilterSchema, countAlerts, filteredAlertsSql, readAlertRow, type AlertRow, type RawAlertRow } from "@/lib/alerts/list-alerts";
import { formatLocalDateTime } from "@/lib/shared/local-time";
import { cursorRows } from "./cursor-rows";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { filterLabels } from "./filter-labels";

export const alertsSource: ExportSource = { permission: "org.read", describe: describeAlerts };

async function describeAlerts(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const { t } = ctx;
  const filter = alertFilterSchema.parse(params);
  const [stores, accounts] = await Promise.all([
    tx.store.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } }),
    tx.fundAccount.findMany({ where: { orgId: ctx.orgId }, select: { id: true, name: true } }),
  ]);
  // The page shows nothing for a store, account or member it does not know; the export refuses them.
  const assignee = filter.assignee && filter.assignee !== "none" ? await tx.membership.findFirst({ where: { orgId: ctx.orgId, userId: filter.assignee }, select: { user: { select: { name: true, email: true } } } }) : null;
  if ((filter.store && !stores.some((store) => store.id === filter.store)) || (filter.account && !accounts.some((account) => account.id === filter.account)) || (filter.assignee && filter.assignee !== "none" && !assignee)) {
    throw new AppError("INVALID", { messageKey: "exportFilterRefused" });
  }
  const count = await countAlerts(tx, ctx.orgId, filter);
  const columns: ExportColumn[] = [
    { key: "severity", label: t("alerts.columns.severity"), type: "text" },
    { key: "type", label: t("alerts.columns.type"), type: "text" },
    { key: "message", label: t("alerts.columns.message"), type: "text" },
    { key: "owner", label: t("alerts.columns.owner"), type: "text" },
    { key: "amount", label: t("alerts.columns.amount"), type: "money" },
    { key: "day", label: t("alerts.columns.day"), type: "date" },
    { key: "status", label: t("alerts.columns.status"), type: "text" },
    { key: "assignee", label: t("alerts.columns.assignee"), type: "text" },
    { key: "firstSeen", label: t("alerts.columns.firstSeen"), type: "date", withTime: true, pdf: false },
    { key: "lastSeen", label: t("alerts.columns.lastSeen"), type: "date", withTime: true, pdf: false },
  ];
  const toRow = (row: AlertRow): ExportRow => ({
    severity: t(`alerts.severities.${row.severity}`),
    type: alertTypeName(t, row.type),
    message: alertSentence(t, row, ctx.locale),
    owner: [row.storeName, row.accountName].filter(Boolean).join(" / "),
    amount: row.amountMinor,
    day: row.day,
    status: t(`alerts.statuses.${row.status}`),
    assignee: row.assigneeName,
    firstSeen: formatLocalDateTime(row.firstSeenAt, ctx.timeZone),
    lastSeen: formatLocalDateTime(row.lastSeenAt, ctx.timeZone),
  });
  const { sql, params: values } = filteredAlertsSql(ctx.orgId, filter);
  async function* rows(): AsyncGenerator<ExportRow> {
    for await (const batch of cursorRows<RawAlertRow>(tx, sql, values)) {
      for (const row of batch) yield toRow(readAlertRow(row));
    }
  }
  return {
    rowCount: count,
    table: {
      title: t("alerts.exports.title"),
      company: ctx.orgName,
      period: filter.from || filter.to ? t("export.periodRange", { from: filter.from ?? "…", to: filter.to ?? "…" }) : undefined,
      filters: filterLabels(t, [
        ["alerts.filters.status", filter.status === "open" || filter.status === "all" ? t(`alerts.statusFilters.${filter.status}`) : t(`alerts.statuses.${filter.status}`)],
        ["alerts.filters.type", filter.type ? alertTypeName(t, filter.type) : undefined],
        ["alerts.filters.severity", filter.severity ? t(`alerts.severities.${filter.severity}`) : undefined],
        ["alerts.filters.store", stores.find((store) => store.id === filter.store)?.name],
        ["alerts.filters.account", accounts.find((account) => account.id === filter.account)?.name],
        ["alerts.filters.assignee", filter.assignee === "none" ? t("alerts.filters.nobody") : assignee ? assignee.user.name || assignee.user.email : undefined],
      ]),
      generatedBy: ctx.requestedBy,
      generatedAt: ctx.requestedAt,
      timeZone: ctx.timeZone,
      columns,
      rows: rows(),
    },
  };
}
