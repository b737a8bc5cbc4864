// 风险预警: the company's alerts, open ones first by default, filtered, sorted (severity, then day),
// paged and counted in PostgreSQL; ?alert=<id> opens one in the drawer, where it is handled.
import { getLocale, getTranslations } from "next-intl/server";
import { AlertDetailPanel } from "@/components/alerts/alert-detail-panel";
import { AlertFilters } from "@/components/alerts/alert-filters";
import { AlertList, type AlertListRow } from "@/components/alerts/alert-list";
import { ExportButtons } from "@/components/export/export-buttons";
import { DrawerFrame } from "@/components/receivables/drawer-frame";
import { withParams } from "@/components/receivables/receivable-links";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { loadAlertDetail } from "@/lib/alerts/alert-detail";
import { alertSentence, alertTypeName, type CheckingTranslator } from "@/lib/alerts/alert-words";
import { alertFilterSchema, alertStatusCounts, listAlerts, type AlertRow } from "@/lib/alerts/list-alerts";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadFilterOwners, offeredOwners } from "@/lib/match-review/filter-options";
import { listMembers } from "@/lib/members/member-service";
import { formatLocalDateTime } from "@/lib/shared/local-time";
import { pageSizeOf } from "@/lib/table-preferences/page-sizes";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const params = await searchParams;
  const filter = alertFilterSchema.parse(params);
  const [t, locale, org, preference, owners, memberships, counts] = await Promise.all([
    getTranslations(),
    getLocale(),
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timezone: true } }),
    readTablePreference(db, ctx.orgId, ctx.userId, "alerts.list"),
    loadFilterOwners(db, ctx.orgId),
    listMembers(db, ctx.orgId),
    alertStatusCounts(db, ctx.orgId),
  ]);
  const lang = locale === "en" ? "en" : "zh-CN";
  const words = t as unknown as CheckingTranslator;
  const members = memberships.map((membership) => ({ id: membership.user.id, name: membership.user.name || membership.user.email }));
  const pageSize = pageSizeOf(params.size, preference.pageSize);
  const [data, detail] = await Promise.all([listAlerts(db, ctx.orgId, filter, pageSize), params.alert ? loadAlertDetail(db, ctx.orgId, params.alert) : null]);

  const listRow = (row: AlertRow): AlertListRow => {
    const { facts: _facts, firstSeenAt, lastSeenAt, closedAt: _closedAt, ...rest } = row;
    return {
      ...rest,
      typeName: alertTypeName(words, row.type),
      message: alertSentence(words, row, lang),
      severityLabel: t(`alerts.severities.${row.severity}`),
      statusLabel: t(`alerts.statuses.${row.status}`),
      owner: [row.storeName, row.accountName].filter(Boolean).join(" / "),
      firstSeen: formatLocalDateTime(firstSeenAt, org.timezone),
      lastSeen: formatLocalDateTime(lastSeenAt, org.timezone),
    };
  };
  const closeHref = withParams(params, { alert: undefined }, "/analysis/alerts");
  const exportParams = Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string" && !["alert", "page", "size"].includes(entry[0])));

  return (
    <div>
      <PageHeader title={t("alerts.title")} intro={t("alerts.intro")} actions={<ExportButtons source="alerts" params={exportParams} />} />
      <p className="mb-3 text-xs text-slate-600" data-testid="alert-status-counts">
        {t("alerts.list.counts", { new: counts.NEW, inProgress: counts.IN_PROGRESS, resolved: counts.RESOLVED, ignored: counts.IGNORED })}
      </p>
      <AlertFilters
        values={params}
        stores={offeredOwners(owners.stores, params.store).map((store) => ({ value: store.id, label: store.name }))}
        accounts={offeredOwners(owners.accounts, params.account).map((account) => ({ value: account.id, label: account.name }))}
        members={members.map((member) => ({ value: member.id, label: member.name }))}
        currentUserId={ctx.userId}
      />
      <AlertList
        rows={data.rows.map(listRow)}
        paging={{ page: data.page, pages: data.pages, total: data.total, pageSize: data.pageSize }}
        preference={preference}
        emptyText={filter.status === "open" ? t("alerts.list.emptyOpen") : t("alerts.list.empty")}
      />
      {params.alert ? (
        detail ? (
          <DrawerFrame title={alertTypeName(words, detail.alert.type)} subtitle={detail.alert.day ?? undefined} closeHref={closeHref} titleIsWords>
            <AlertDetailPanel detail={detail} locale={lang} timeZone={org.timezone} canHandle={can(ctx.role, "alerts.handle")} currentUserId={ctx.userId} members={members} />
          </DrawerFrame>
        ) : (
          <DrawerFrame title={t("alerts.detail.notFoundTitle")} closeHref={closeHref} titleIsWords>
            <Alert tone="error">{t("alerts.detail.notFound")}</Alert>
          </DrawerFrame>
        )
      ) : null}
    </div>
  );
}
