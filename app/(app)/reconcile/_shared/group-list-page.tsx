// The shared body of the proposals, approvals and matched pages (loads data, so it lives in app/).
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { MatchStatus } from "@/lib/db/generated/enums";
import { formatMinor } from "@/lib/money";
import { groupFilterSchema } from "@/lib/match-review/list-groups";
import { loadGroupPage } from "@/lib/match-review/load-group-page";
import { GroupFilters } from "@/components/reconcile/group-filters";
import { GroupList } from "@/components/reconcile/group-list";
import { Pager } from "@/components/reconcile/pager";
import { UndoButton } from "@/components/reconcile/undo-button";

const MODES = {
  proposals: { statuses: ["PROPOSED"], intro: "proposalsIntro", empty: "noProposals", title: "tabs.proposals", permission: "workspace.match" },
  approvals: { statuses: ["PENDING_APPROVAL"], intro: "approvalsIntro", empty: "noPending", title: "tabs.approvals", permission: "workspace.approve" },
  matched: { statuses: ["CONFIRMED"], intro: "matchedIntro", empty: "noMatched", title: "tabs.matched", permission: "workspace.match" },
} as const satisfies Record<string, { statuses: MatchStatus[]; intro: string; empty: string; title: string; permission: string }>;

/** `children` go between the page's header and its filters (the approvals page's thresholds). */
export async function GroupListPage({ mode, searchParams, children }: { mode: keyof typeof MODES; searchParams: Record<string, string | undefined>; children?: React.ReactNode }) {
  const ctx = await requirePageContext();
  const config = MODES[mode];
  const filter = groupFilterSchema.parse(searchParams);
  const org = await db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timezone: true } });
  const [t, data] = await Promise.all([getTranslations("workspace"), loadGroupPage(db, ctx.orgId, config.statuses, filter, org.timezone)]);
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const path = `/reconcile/${mode}`;
  const canAct = can(ctx.role, config.permission);
  return (
    <div>
      <PageHeader title={t(config.title)} intro={t(config.intro)} actions={can(ctx.role, "workspace.match") ? <UndoButton /> : null} />
      {children}
      <GroupFilters path={path} values={searchParams} stores={data.stores} accounts={data.accounts} engineFilters={mode !== "approvals"} />
      <p className="num mb-3 text-sm text-slate-600" data-testid="groups-total">
        {t("groupsTotal", { count: data.page.total, amount: formatMinor(data.page.totalAmountMinor, "CNY", locale) })}
      </p>
      <GroupList
        mode={mode}
        groups={data.page.groups}
        emptyText={t(config.empty)}
        canAct={canAct}
        canNote={can(ctx.role, "workspace.note")}
        currentUserId={ctx.userId}
        people={data.people}
        notes={data.notes}
      />
      <Pager path={path} params={searchParams} page={data.page.page} pages={data.page.pages} total={data.page.total} />
    </div>
  );
}
