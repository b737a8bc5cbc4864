// 数据分析 (/analysis): the dashboard's charts for the shared filters (period with 上月/下月, store,
// platform, account, comparison), each with its table, its Excel / PDF and its bars leading to the
// rows behind them. Opens on the newest month with orders, like the reports.
import { getLocale, getTranslations } from "next-intl/server";
import { AnalysisChartCard } from "@/components/analysis/analysis-chart-card";
import { chartView } from "@/components/analysis/chart-view-model";
import { FreshnessLine } from "@/components/receivables/freshness-line";
import { ReportFilterForm } from "@/components/reports/report-filter-form";
import { reportTableModel } from "@/components/reports/report-view-model";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { runAnalysisCharts } from "@/lib/analysis/analysis-charts";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { monthBounds, shiftMonth } from "@/lib/ledger/business-day";
import { receivablesFreshness } from "@/lib/receivables/stale-receivables";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";
import { filterParams, readReportRequest } from "../reports/_shared/report-request";
import { reportFilterOptions, singleMonth } from "../reports/_shared/report-options";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The filters the dashboard offers besides the period. */
const FIELDS = ["store", "platform", "account", "compare"] as const;

export default async function AnalysisPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const request = await readReportRequest(ctx.orgId, await searchParams);
  // The dashboard has no grouping: `by` is the reports' and is not carried over.
  const { by: _by, ...input } = request.input;
  const [t, options, freshness, charts] = await Promise.all([
    getTranslations(),
    reportFilterOptions(ctx.orgId),
    receivablesFreshness(db, ctx.orgId),
    request.filters ? runAnalysisCharts(db, request.scope, request.filters) : undefined,
  ]);
  const preferences = charts ? await Promise.all(charts.map(({ chart }) => readTablePreference(db, ctx.orgId, ctx.userId, `analysis.${chart.id}`))) : [];
  const current = filterParams(input);
  const month = singleMonth(input.from, input.to);
  const monthLink = (to: string) => {
    const { first, last } = monthBounds(to);
    return `/analysis?${new URLSearchParams({ ...current, from: first, to: last }).toString()}`;
  };
  return (
    <div className="space-y-4">
      <PageHeader title={t("analysis.title")} intro={t("analysis.intro")} />
      <ReportFilterForm
        action="/analysis"
        fields={FIELDS}
        values={input}
        stores={options.stores}
        accounts={options.accounts}
        months={month ? { previous: monthLink(shiftMonth(month, -1)), next: monthLink(shiftMonth(month, 1)) } : undefined}
      />
      <FreshnessLine freshness={freshness} timeZone={request.scope.timeZone} />
      {request.problem ? <Alert tone="error">{t(`errors.${request.problem.messageKey}`, request.problem.params)}</Alert> : null}
      {charts && request.filters ? (
        <div className="grid gap-4 xl:grid-cols-2">
          {charts.map(({ chart, result }, index) => (
            <AnalysisChartCard
              key={chart.id}
              id={chart.id}
              title={t(chart.title)}
              intro={t(chart.title.replace(/\.title$/, ".intro"))}
              view={chartView(t, locale, chart, result, request.filters!)}
              table={reportTableModel(t, locale, result, (key) => chart.drillHref(request.filters!, key) ?? "")}
              preference={preferences[index]!}
              exportParams={{ chart: chart.id, ...current }}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
