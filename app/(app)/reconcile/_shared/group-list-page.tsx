// The shared body of the proposals, approvals and matched pages (loads data, so it lives in app/).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { MatchStatus } from "@/lib/db/generated/enums";
import { Alert } from "@/components/ui/alert";
import { MATCH_RULES } from "@/lib/match-engine";
import { loadFilterOwners, offeredOwners } from "@/lib/match-review/filter-options";
import { groupFilterProblems, hasProblems, pageProblem } from "@/lib/match-review/filter-problems";
import { groupFilterSchema } from "@/lib/match-review/list-groups";
import { loadGroupPage } from "@/lib/match-review/load-group-page";
import { closingMonths } from "@/lib/match-review/month-states";
import { pageSizeOf } from "@/lib/table-preferences/page-sizes";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";
import { GroupFilters } from "@/components/reconcile/group-filters";
import { GroupList } from "@/components/reconcile/group-list";
import { UndoButton } from "@/components/reconcile/undo-button";
import { ExportButtons } from "@/components/export/export-buttons";

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
  const [org, preference, owners, t] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timezone: true } }),
    readTablePreference(db, ctx.orgId, ctx.userId, `groups.${mode}`),
    loadFilterOwners(db, ctx.orgId),
    getTranslations("workspace"),
  ]);
  // A filter the list cannot honour is refused with its reason, and no rows are shown for it.
  const problems = groupFilterProblems(searchParams, {
    stores: new Set(owners.stores.map((store) => store.id)),
    accounts: new Set(owners.accounts.map((account) => account.id)),
    rules: new Set<string>([...MATCH_RULES, "MANUAL"]),
  });
  const pageSize = pageSizeOf(searchParams.size, preference.pageSize);
  const [data, closing] = await Promise.all([hasProblems(problems) ? null : loadGroupPage(db, ctx.orgId, config.statuses, filter, org.timezone, pageSize), closingMonths(db, ctx.orgId)]);
  const beyond = data ? pageProblem(data.page.page, data.page.pages) : undefined;
  const path = `/reconcile/${mode}`;
  const canAct = can(ctx.role, config.permission);
  const lastPage = data ? `${path}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(searchParams).filter((entry): entry is [string, string] => entry[1] !== undefined)), page: String(data.page.pages) }).toString()}` : path;
  return (
    <div>
      <PageHeader
        title={t(config.title)}
        intro={t(config.intro)}
        actions={
          <>
            <ExportButtons source={mode} params={searchParams} />
            {can(ctx.role, "workspace.match") ? <UndoButton /> : null}
          </>
        }
      />
      {children}
      <GroupFilters
        path={path}
        values={searchParams}
        stores={offeredOwners(owners.stores, searchParams.store)}
        accounts={offeredOwners(owners.accounts, searchParams.account)}
        engineFilters={mode !== "approvals"}
        problems={problems}
      />
      {!data ? (
        <Alert tone="error">{t("filterProblems.summary")}</Alert>
      ) : beyond ? (
        <Alert tone="error">
          {t(`filterProblems.${beyond.key}`, beyond.values)}{" "}
          <Link href={lastPage} className="font-medium underline">
            {t("filterProblems.lastPage")}
          </Link>
        </Alert>
      ) : (
        <GroupList
          mode={mode}
          page={data.page}
          preference={preference}
          emptyText={t(config.empty)}
          canAct={canAct}
          canNote={can(ctx.role, "workspace.note")}
          currentUserId={ctx.userId}
          people={data.people}
          notes={data.notes}
          lockedMonths={closing.filter((entry) => entry.status === "LOCKED").map((entry) => entry.month)}
        />
      )}
    </div>
  );
}
