// One standard report (/reports/<id>): its filters, the table with its 合计, each row linking to
// the rows behind it, and Excel / PDF of exactly what the filters show.
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/export/export-buttons";
import { FreshnessLine } from "@/components/receivables/freshness-line";
import { ReportFilterForm } from "@/components/reports/report-filter-form";
import { ReportTable } from "@/components/reports/report-table";
import { reportTableModel } from "@/components/reports/report-view-model";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { monthBounds, shiftMonth } from "@/lib/ledger/business-day";
import { receivablesFreshness } from "@/lib/receivables/stale-receivables";
import { standardReport } from "@/lib/reports/standard-reports";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";
import { filterParams, readReportRequest } from "../_shared/report-request";
import { reportFilterOptions, singleMonth } from "../_shared/report-options";

type Props = { params: Promise<{ report: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StandardReportPage({ params, searchParams }: Props) {
  const ctx = await requirePageContext();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const { report: id } = await params;
  const report = standardReport(id);
  if (!report) notFound();
  const request = await readReportRequest(ctx.orgId, await searchParams);
  const [t, options, preference, freshness, result] = await Promise.all([
    getTranslations(),
    reportFilterOptions(ctx.orgId),
    readTablePreference(db, ctx.orgId, ctx.userId, `reports.${id}`),
    report.readsReceivables ? receivablesFreshness(db, ctx.orgId) : undefined,
    request.filters ? report.run(db, request.scope, request.filters) : undefined,
  ]);
  const current = filterParams(request.input);
  const link = (path: string, extra: Record<string, string>) => `${path}?${new URLSearchParams({ ...current, ...extra }).toString()}`;
  const month = singleMonth(request.input.from, request.input.to);
  const monthLink = (to: string) => {
    const { first, last } = monthBounds(to);
    return link(`/reports/${id}`, { from: first, to: last });
  };
  const model = result ? reportTableModel(t, locale, result, (key) => link(`/reports/${id}/rows`, prefixKey(key))) : undefined;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t(`reports.${id}.title`)}
        intro={t(`reports.${id}.intro`)}
        actions={request.filters ? <ExportButtons source="report" params={{ report: id, ...current }} /> : null}
      />
      <ReportFilterForm
        action={`/reports/${id}`}
        fields={report.filters}
        values={request.input}
        stores={options.stores}
        accounts={options.accounts}
        months={month ? { previous: monthLink(shiftMonth(month, -1)), next: monthLink(shiftMonth(month, 1)) } : undefined}
      />
      {freshness ? <FreshnessLine freshness={freshness} timeZone={request.scope.timeZone} /> : null}
      {request.problem ? <Alert tone="error">{t(`errors.${request.problem.messageKey}`, request.problem.params)}</Alert> : null}
      {model ? (
        <>
          <ReportTable tableKey={`reports.${id}`} testId={`report-${id}`} model={model} totalLabel={t("reports.totalRow")} emptyText={t("reports.empty")} preference={preference} />
          {model.notes.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600" data-testid="report-notes">
              {model.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Drill keys travel in the URL as k.<name>, apart from the filters. */
function prefixKey(key: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(key).map(([name, value]) => [`k.${name}`, value]));
}
