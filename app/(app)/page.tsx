// 首页 / 概览: the chosen month at a glance (its close status, 资金, 待办, the last imports and runs:
// lib/overview/month-glance.ts), then the company's stores and fund accounts, and until the first run what to do next.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listFundAccounts } from "@/lib/fund-accounts/fund-account-service";
import { maskAccountNumber } from "@/lib/fund-accounts/mask-account-number";
import { formatBpsAsPercent } from "@/lib/shared/percent-bps";
import { listStores } from "@/lib/stores/store-service";
import { importedRowCounts } from "@/lib/import-batches/imported-row-counts";
import { summaryMonths } from "@/lib/match-review/month-summary";
import { MONTH_TEXT } from "@/lib/match-runs/run-scope";
import { loadMonthGlance } from "@/lib/overview/month-glance";
import { MonthPicker } from "@/components/overview/month-picker";
import { MonthStateCard } from "@/components/overview/month-state-card";
import { RecentImportsCard } from "@/components/overview/recent-imports-card";
import { RecentRunsCard } from "@/components/overview/recent-runs-card";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const ctx = await requirePageContext();
  const [t, stores, accounts, counts, months, lastRun, params] = await Promise.all([
    getTranslations(),
    listStores(db, ctx.orgId),
    listFundAccounts(db, ctx.orgId),
    importedRowCounts(db, ctx.orgId),
    summaryMonths(db, ctx.orgId),
    db.reconciliationRun.findFirst({ where: { orgId: ctx.orgId }, select: { id: true } }),
    searchParams,
  ]);
  const hasData = [counts.ordersByStore, counts.settlementLinesByStore, counts.transactionsByAccount].some((byId) => byId.size > 0);
  // The month asked for in the URL (a month without data yet is still shown: all zero), else the latest with data.
  const month = params.month && MONTH_TEXT.test(params.month) ? params.month : months[0];
  const glance = month ? await loadMonthGlance(db, ctx.orgId, month) : null;
  const pickable = month && !months.includes(month) ? [month, ...months].sort().reverse() : months;
  const manageLink = (href: string) => (
    <Link href={href} className="text-sm text-brand-600 hover:underline">
      {t("overview.manage")}
    </Link>
  );

  return (
    <div>
      <PageHeader
        title={t("overview.title")}
        intro={t("overview.intro", { org: ctx.orgName })}
        actions={month ? <MonthPicker months={pickable} value={month} /> : null}
      />
      {glance ? (
        <div className="mb-6 space-y-4">
          <MonthStateCard glance={glance} />
          <div className="grid gap-4 lg:grid-cols-2">
            <RecentImportsCard imports={glance.imports} timeZone={glance.timeZone} />
            <RecentRunsCard runs={glance.runs} timeZone={glance.timeZone} />
          </div>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`${t("overview.stores")} · ${stores.length}`} actions={manageLink("/settings/stores")}>
          {stores.length === 0 ? (
            <p className="text-sm text-slate-500">{t("overview.noStores")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="overview-stores">
              {stores.map((store) => (
                <li key={store.id} className="flex items-center justify-between gap-3 py-2.5">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-800">{store.name}</p>
                    <p className="text-xs text-slate-500">
                      {t("stores.termsShort")} {t("stores.termsDays", { days: store.settlementTermsDays })} ·{" "}
                      {t("stores.feeRateShort")} {formatBpsAsPercent(store.feeRateBps)}% · {store.currency}
                    </p>
                    <p className="num text-xs text-slate-500">
                      {t("overview.imported", {
                        orders: counts.ordersByStore.get(store.id) ?? 0,
                        lines: counts.settlementLinesByStore.get(store.id) ?? 0,
                      })}
                    </p>
                  </div>
                  <Badge tone="brand">{t(`platforms.${store.platform}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={`${t("overview.accounts")} · ${accounts.length}`} actions={manageLink("/settings/accounts")}>
          {accounts.length === 0 ? (
            <p className="text-sm text-slate-500">{t("overview.noAccounts")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="overview-accounts">
              {accounts.map((account) => (
                <li key={account.id} className="flex items-center justify-between gap-3 py-2.5">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-800">{account.name}</p>
                    <p className="num text-xs text-slate-500">
                      {[account.institution, maskAccountNumber(account.accountNumber), account.currency]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                    <p className="num text-xs text-slate-500">
                      {t("overview.importedTransactions", { count: counts.transactionsByAccount.get(account.id) ?? 0 })}
                    </p>
                  </div>
                  <Badge>{t(`accountTypes.${account.type}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      {/* Until the first run: what to do next. After it, the month above says what is left. */}
      {lastRun ? null : (
        <div className="mt-6 rounded-lg bg-brand-50 px-5 py-4 text-sm text-brand-900 ring-1 ring-brand-100">
          <p className="font-medium">{t("overview.nextSteps")}</p>
          <p className="mt-1">
            {hasData ? t("overview.nextStepsWithData") : t("overview.nextStepsText")}{" "}
            {hasData ? (
              <Link href="/reconcile" className="font-medium underline underline-offset-2">
                {t("overview.startReconciling")}
              </Link>
            ) : null}
          </p>
        </div>
      )}
    </div>
  );
}
