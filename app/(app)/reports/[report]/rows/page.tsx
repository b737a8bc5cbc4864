// A report row's drill-down (/reports/<id>/rows?…filters…&k.<name>=…): the orders, bill lines,
// bank rows or adjustments behind the figure, a page at a time, with their 合计 over all of them —
// which equals the figure on the report.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/export/export-buttons";
import { ReportTable } from "@/components/reports/report-table";
import { reportTableModel } from "@/components/reports/report-view-model";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { standardReport } from "@/lib/reports/standard-reports";
import type { DrillResult } from "@/lib/reports/report-result";
import { pageSizeOf } from "@/lib/table-preferences/page-sizes";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";
import { filterParams, readReportRequest } from "../../_shared/report-request";

type Props = { params: Promise<{ report: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportRowsPage({ params, searchParams }: Props) {
  const ctx = await requirePageContext();
  const locale = (await getLocale()) === "en" ? "en" : "zh-CN";
  const { report: id } = await params;
  const report = standardReport(id);
  if (!report) notFound();
  const search = await searchParams;
  const request = await readReportRequest(ctx.orgId, search);
  const drillParams = Object.fromEntries(Object.entries(search).flatMap(([name, value]) => (name.startsWith("k.") && typeof value === "string" ? [[name, value]] : [])));
  const key = Object.fromEntries(Object.entries(search).flatMap(([name, value]) => (name.startsWith("k.") && typeof value === "string" ? [[name.slice(2), value]] : [])));
  const [t, preference] = await Promise.all([getTranslations(), readTablePreference(db, ctx.orgId, ctx.userId, `reports.${id}.rows`)]);
  const pageSize = pageSizeOf(typeof search.size === "string" ? search.size : undefined, preference.pageSize);
  const page = Math.max(1, Number(typeof search.page === "string" ? search.page : 1) || 1);
  let result: DrillResult | undefined;
  let problem = request.problem;
  if (request.filters) {
    try {
      result = await report.drill(db, request.scope, request.filters, key, { limit: pageSize, offset: (page - 1) * pageSize });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problem = { messageKey: error.messageKey, params: error.params };
    }
  }
  const back = `/reports/${id}?${new URLSearchParams(filterParams(request.input)).toString()}`;
  const model = result ? reportTableModel(t, locale, result, undefined, (page - 1) * pageSize) : undefined;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("reports.rows.title", { report: t(`reports.${id}.title`) })}
        intro={t("reports.rows.intro", { from: request.input.from ?? "", to: request.input.to ?? "" })}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {result ? <ExportButtons source="report-rows" params={{ report: id, ...filterParams(request.input), ...drillParams }} /> : null}
            <Link href={back} className="rounded-md px-3 py-1.5 text-sm text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
              {t("reports.rows.back")}
            </Link>
          </div>
        }
      />
      {problem ? <Alert tone="error">{t(`errors.${problem.messageKey}`, problem.params)}</Alert> : null}
      {model && result ? (
        <ReportTable
          tableKey={`reports.${id}.rows`}
          testId="report-rows"
          model={model}
          totalLabel={t("reports.totalRow")}
          emptyText={t("reports.rows.empty")}
          preference={preference}
          paging={{ page, pages: Math.max(1, Math.ceil(result.count / pageSize)), total: result.count, pageSize }}
        />
      ) : null}
    </div>
  );
}
