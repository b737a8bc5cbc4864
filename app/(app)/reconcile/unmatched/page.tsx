import { getTranslations } from "next-intl/server";
import { UndoButton } from "@/components/reconcile/undo-button";
import { UnmatchedWorkspace } from "@/components/reconcile/unmatched-workspace";
import { ExclusionViewPage, UnmatchedViewsNav } from "./exclusion-view-page";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { loadFilterOwners, offeredOwners, unmatchedListOwners } from "@/lib/match-review/filter-options";
import { isCalendarDay } from "@/lib/match-review/filter-problems";
import { LEFT_LISTS, RIGHT_LISTS, listUnmatched, unmatchedFilterSchema, type UnmatchedList } from "@/lib/match-review/list-unmatched";
import { rowNotes } from "@/lib/match-review/notes";
import { pageSizeOf } from "@/lib/table-preferences/page-sizes";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";

/** A pane's filters live in the URL under its prefix: lq=…&lpage=2 for the left, rq=… for the right. */
function paneFilter(params: Record<string, string | undefined>, prefix: "l" | "r") {
  const own = Object.fromEntries(Object.entries(params).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(1), value]));
  const filter = unmatchedFilterSchema.parse(own);
  // A day that does not exist (2025-02-30) is refused in the pane; it must not reach the query.
  return { ...filter, from: filter.from && isCalendarDay(filter.from) ? filter.from : undefined, to: filter.to && isCalendarDay(filter.to) ? filter.to : undefined };
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export default async function UnmatchedPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const params = await searchParams;
  const view = pick(params.view, ["unmatched", "suggested", "excluded"] as const, "unmatched");
  if (view !== "unmatched") return <ExclusionViewPage view={view} params={params} />;
  const leftList: UnmatchedList = pick(params.left, LEFT_LISTS, "orders");
  const rightList: UnmatchedList = pick(params.right, RIGHT_LISTS, "bank");
  const [rules, leftPreference, rightPreference] = await Promise.all([
    getOrgRules(db, ctx.orgId),
    readTablePreference(db, ctx.orgId, ctx.userId, "unmatched.left"),
    readTablePreference(db, ctx.orgId, ctx.userId, "unmatched.right"),
  ]);
  const [t, left, right, owners] = await Promise.all([
    getTranslations("workspace"),
    listUnmatched(db, ctx.orgId, leftList, "down", paneFilter(params, "l"), rules, pageSizeOf(params.lsize, leftPreference.pageSize)),
    listUnmatched(db, ctx.orgId, rightList, "up", paneFilter(params, "r"), rules, pageSizeOf(params.rsize, rightPreference.pageSize)),
    loadFilterOwners(db, ctx.orgId),
  ]);
  const ownersOf = (list: UnmatchedList) => unmatchedListOwners(owners, list);
  // Archived stores and accounts leave the choices (their rows still show unfiltered), except the
  // one a pane's filter already names; the pane checks the rest (filter-problems.ts).
  const choicesOf = (list: UnmatchedList, selected: string | undefined) =>
    offeredOwners(ownersOf(list), selected).map(({ id, name, archived }) => ({ id, name: archived ? `${name}${t("filterProblems.archivedSuffix")}` : name }));
  const canMatch = can(ctx.role, "workspace.match");
  const notes = await rowNotes(db, ctx.orgId, [...left.rows, ...right.rows]);
  return (
    <div>
      <PageHeader title={t("tabs.unmatched")} intro={t("unmatchedIntro")} actions={canMatch ? <UndoButton /> : null} />
      <UnmatchedViewsNav current="unmatched" />
      <UnmatchedWorkspace
        canMatch={canMatch}
        canNote={can(ctx.role, "workspace.note")}
        notes={notes}
        left={{ list: leftList, page: left, owners: choicesOf(leftList, params.lowner), preference: leftPreference }}
        right={{ list: rightList, page: right, owners: choicesOf(rightList, params.rowner), preference: rightPreference }}
      />
    </div>
  );
}
