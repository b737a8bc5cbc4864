// 回款管理 订单明细: every order with its money, status, aging and follow-up, filtered, sorted, paged
// and totalled in PostgreSQL; ?order=<storeId>:<orderNo> opens one order in the drawer.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DrawerFrame } from "@/components/receivables/drawer-frame";
import { bucketLabel } from "@/lib/receivables/bucket-label";
import { FreshnessLine } from "@/components/receivables/freshness-line";
import { ReceivableDetailPanel } from "@/components/receivables/receivable-detail-panel";
import { ReceivableFilters } from "@/components/receivables/receivable-filters";
import { ReceivableList, type ReceivableListRow } from "@/components/receivables/receivable-list";
import { orderParam, readOrderParam, withParams } from "@/components/receivables/receivable-links";
import { FOLLOW_UP_STATES } from "@/lib/receivables/follow-up-states";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export/export-buttons";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadFilterOwners, offeredOwners } from "@/lib/match-review/filter-options";
import { hasProblems, pageProblem, receivableFilterProblems } from "@/lib/match-review/filter-problems";
import { listMembers } from "@/lib/members/member-service";
import { listReceivables, receivableFilterSchema, type ReceivableRow } from "@/lib/receivables/list-receivables";
import { loadReceivableDetail } from "@/lib/receivables/receivable-detail";
import { levelOf, type FollowUpLevelView } from "@/lib/receivables/receivable-settings";
import { RECEIVABLE_STATUSES } from "@/lib/receivables/receivable-status";
import { receivablesFreshness } from "@/lib/receivables/stale-receivables";
import { formatLocalDateTime } from "@/lib/shared/local-time";
import { pageSizeOf } from "@/lib/table-preferences/page-sizes";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";
import { loadReceivablesView } from "../_shared/receivables-view";

const PLATFORMS = ["TMALL", "TAOBAO", "JD", "PDD", "DOUYIN", "SHOPIFY", "AMAZON", "OTHER"];

export default async function ReceivableOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const params = await searchParams;
  const view = await loadReceivablesView(ctx.orgId, params);
  const [t, preference, owners, memberships, freshness] = await Promise.all([
    getTranslations("receivables"),
    readTablePreference(db, ctx.orgId, ctx.userId, "receivables.orders"),
    loadFilterOwners(db, ctx.orgId),
    listMembers(db, ctx.orgId),
    receivablesFreshness(db, ctx.orgId),
  ]);
  const members = memberships.map((membership) => ({ id: membership.user.id, name: membership.user.name || membership.user.email }));
  const buckets = view.settings.buckets;
  const problems = receivableFilterProblems(params, {
    stores: new Set(owners.stores.map((store) => store.id)),
    buckets: new Set(buckets.map((bucket) => bucket.key)),
    members: new Set(members.map((member) => member.id)),
    platforms: new Set(PLATFORMS),
    statuses: new Set<string>(RECEIVABLE_STATUSES),
    follow: new Set<string>(FOLLOW_UP_STATES),
  });
  const filter = receivableFilterSchema.parse(params);
  const pageSize = pageSizeOf(params.size, preference.pageSize);
  const opened = readOrderParam(params.order);
  const [data, detail] = await Promise.all([
    hasProblems(problems) ? null : listReceivables(db, view.query, filter, pageSize),
    opened ? loadReceivableDetail(db, view.query, opened.storeId, opened.orderNo) : null,
  ]);
  const beyond = data ? pageProblem(data.page, data.pages) : undefined;

  const levelName = (level: FollowUpLevelView) => level.name ?? (level.defaultKey ? t(`levels.${level.defaultKey}.name`) : "");
  const levelAction = (level: FollowUpLevelView) => level.action ?? (level.defaultKey ? t(`levels.${level.defaultKey}.action`) : null);
  const tBuckets = await getTranslations("receivables.buckets");
  const labelOfBucket = new Map(buckets.map((bucket) => [bucket.key, bucketLabel(tBuckets, bucket)]));
  const listRow = (row: ReceivableRow): ReceivableListRow => {
    const level = levelOf(view.settings.levels, row.days);
    return { ...row, key: orderParam(row.storeId, row.orderNo), bucketLabel: row.bucket ? (labelOfBucket.get(row.bucket) ?? row.bucket) : null, levelLabel: level ? levelName(level) : null, levelAction: level ? levelAction(level) : null };
  };
  const canFollow = can(ctx.role, "receivables.follow");
  const closeHref = withParams(params, { order: undefined });
  const openedLevel = detail ? levelOf(view.settings.levels, detail.row.days) : null;

  return (
    <div>
      <div className="mb-4">
        <PageHeader
          title={t("tabs.orders")}
          intro={t("list.intro")}
          actions={<ExportButtons source="receivables" params={Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "order"))} />}
        />
        <FreshnessLine freshness={freshness} timeZone={view.timeZone} />
      </div>
      <ReceivableFilters
        values={params}
        stores={offeredOwners(owners.stores, params.store)}
        buckets={buckets.map((bucket) => ({ value: bucket.key, label: labelOfBucket.get(bucket.key)! }))}
        members={members.map((member) => ({ value: member.id, label: member.name }))}
        asOf={view.asOf}
        currentUserId={ctx.userId}
        problems={problems}
      />
      {!data ? (
        <Alert tone="error">{t("list.filterProblems")}</Alert>
      ) : beyond ? (
        <Alert tone="error">
          {t("list.pageBeyond", { page: data.page, pages: data.pages })}{" "}
          <Link href={withParams(params, { page: String(data.pages) })} className="font-medium underline">
            {t("list.lastPage")}
          </Link>
        </Alert>
      ) : (
        <ReceivableList
          rows={data.rows.map(listRow)}
          page={{ totals: data.totals, page: data.page, pages: data.pages, pageSize: data.pageSize }}
          preference={preference}
          canFollow={canFollow}
          members={members}
          emptyText={t("list.empty")}
        />
      )}
      {opened ? (
        detail ? (
          <DrawerFrame title={detail.row.orderNo} subtitle={`${detail.row.storeName} · ${t("drawer.asOf", { asOf: view.asOf })}`} closeHref={closeHref}>
            <ReceivableDetailPanel
              detail={detail}
              notes={detail.notes.map((note) => ({ id: note.id, body: note.body, author: note.author, at: formatLocalDateTime(note.at, view.timeZone).slice(0, 16) }))}
              members={members}
              canFollow={canFollow}
              canWriteOff={can(ctx.role, "workspace.match")}
              level={openedLevel ? { label: levelName(openedLevel), action: levelAction(openedLevel) } : null}
            />
          </DrawerFrame>
        ) : (
          <DrawerFrame title={t("drawer.notFoundTitle")} closeHref={closeHref}>
            <Alert tone="error">{t("drawer.notFound")}</Alert>
          </DrawerFrame>
        )
      ) : null}
    </div>
  );
}
