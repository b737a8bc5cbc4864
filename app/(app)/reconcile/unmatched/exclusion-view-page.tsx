// The unmatched page's two other views: rows suggested as not for reconciliation (accept in bulk)
// and rows marked so (restore). Whoever may match by hand may mark, accept and restore.
import { getTranslations } from "next-intl/server";
import { ExcludedRowsTable } from "@/components/reconcile/excluded-rows-table";
import { ExclusionSuggestionsTable } from "@/components/reconcile/exclusion-suggestions-table";
import { UnmatchedViews, type UnmatchedView } from "@/components/reconcile/unmatched-views";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { countExcludedRows, listExcludedRows, listExclusionSuggestions } from "@/lib/match-review/exclusion-lists";
import { pageSizeOf } from "@/lib/table-preferences/page-sizes";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";

export async function UnmatchedViewsNav({ current }: { current: UnmatchedView }) {
  const ctx = await requirePageContext();
  const [t, excluded] = await Promise.all([getTranslations("exclusions"), countExcludedRows(db, ctx.orgId)]);
  return <UnmatchedViews current={current} label={t("viewsLabel")} labels={{ unmatched: t("views.unmatched"), suggested: t("views.suggested"), excluded: t("views.excluded", { count: excluded }) }} />;
}

export async function ExclusionViewPage({ view, params }: { view: "suggested" | "excluded"; params: Record<string, string | undefined> }) {
  const ctx = await requirePageContext();
  const [t, tw] = await Promise.all([getTranslations("exclusions"), getTranslations("workspace")]);
  const canMark = can(ctx.role, "workspace.match");
  const header = (
    <>
      <PageHeader title={tw("tabs.unmatched")} intro={view === "excluded" ? t("excludedIntro") : t("suggestedIntro")} />
      <UnmatchedViewsNav current={view} />
    </>
  );
  if (view === "excluded") {
    const preference = await readTablePreference(db, ctx.orgId, ctx.userId, "unmatched.excluded");
    const page = Math.max(1, Math.min(100_000, Number.parseInt(params.xpage ?? "1", 10) || 1));
    const data = await listExcludedRows(db, ctx.orgId, { page, pageSize: pageSizeOf(params.xsize, preference.pageSize) });
    return (
      <div>
        {header}
        <ExcludedRowsTable data={data} preference={preference} canRestore={canMark} />
      </div>
    );
  }
  const [rules, preference] = await Promise.all([getOrgRules(db, ctx.orgId), readTablePreference(db, ctx.orgId, ctx.userId, "unmatched.suggested")]);
  const rows = await listExclusionSuggestions(db, ctx.orgId, rules);
  return (
    <div>
      {header}
      <ExclusionSuggestionsTable rows={rows} preference={preference} canAccept={canMark} />
    </div>
  );
}
