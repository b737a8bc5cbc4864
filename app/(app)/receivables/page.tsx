// 回款管理 概览: how fresh the figures are, which orders and which day they are for, then the status
// cards, the per-store summary and the aging table. Every figure links to its orders.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AgingTable } from "@/components/receivables/aging-table";
import { FreshnessLine } from "@/components/receivables/freshness-line";
import { RangeForm } from "@/components/receivables/range-form";
import type { ListLink } from "@/components/receivables/receivable-links";
import { ordersHref } from "@/components/receivables/receivable-links";
import { StatusCards } from "@/components/receivables/status-cards";
import { StoreSummaryTable } from "@/components/receivables/store-summary-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { receivablesSummary } from "@/lib/receivables/receivables-summary";
import { receivablesFreshness } from "@/lib/receivables/stale-receivables";
import { loadReceivablesView, monthRange, overviewRange, shiftMonth } from "./_shared/receivables-view";

export default async function ReceivablesOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const params = await searchParams;
  const view = await loadReceivablesView(ctx.orgId, params);
  const [t, range, freshness] = await Promise.all([getTranslations("receivables"), overviewRange(ctx.orgId, params, view.today), receivablesFreshness(db, ctx.orgId)]);
  const summary = await receivablesSummary(db, view.query, { from: range.from, to: range.to });
  // Links to the list carry the as-of day, so the orders behind a figure are those of the figure;
  // the overview's own links keep it only when it is not today.
  const listView: ListLink = { from: range.from, to: range.to, asOf: view.asOf };
  const asOf = view.asOf !== view.today ? view.asOf : undefined;
  const thisMonth = monthRange(view.today.slice(0, 7));
  const lastMonth = monthRange(shiftMonth(view.today.slice(0, 7), -1));
  const overviewHref = (extra: Record<string, string | undefined>) => {
    const query = new URLSearchParams(Object.entries({ ...extra, asOf }).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
    return query ? `/receivables?${query}` : "/receivables";
  };
  const same = (other: { from: string; to: string }) => !range.all && range.from === other.from && range.to === other.to;
  return (
    <div className="space-y-6">
      <div>
        <PageHeader
          title={t("title")}
          intro={t("overview.intro")}
          actions={
            can(ctx.role, "receivables.follow") ? (
              <Link href={ordersHref({ owner: ctx.userId })} className="text-sm text-brand-700 hover:underline">
                {t("filters.mine")}
              </Link>
            ) : null
          }
        />
        <FreshnessLine freshness={freshness} timeZone={view.timeZone} />
      </div>
      <RangeForm
        from={range.from}
        to={range.to}
        asOf={view.asOf}
        quick={[
          { key: "thisMonth", href: overviewHref(thisMonth), active: same(thisMonth) },
          { key: "lastMonth", href: overviewHref(lastMonth), active: same(lastMonth) },
          { key: "all", href: overviewHref({ range: "all" }), active: range.all },
        ]}
      />
      <p className="text-xs text-slate-600" data-testid="receivables-view">
        {range.all ? t("range.showingAll", { asOf: view.asOf }) : t("range.showing", { from: range.from ?? "…", to: range.to ?? "…", asOf: view.asOf })}
      </p>
      <StatusCards statuses={summary.statuses} view={listView} />
      <StoreSummaryTable stores={summary.stores} view={listView} />
      <AgingTable buckets={view.settings.buckets} cells={summary.aging} stores={summary.stores} view={listView} />
    </div>
  );
}
