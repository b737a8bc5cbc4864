// A month's close report (对账报告): status and who submitted and locked it when, the month's totals,
// the open items kept at submission or lock, and the rows marked not for reconciliation.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReportExcludedTable, ReportOpenItemsTable, ReportSummaryTable } from "@/components/reconcile/close-report-tables";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export/export-buttons";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { loadCloseReport } from "@/lib/match-review/close-report";
import { listExcludedRows } from "@/lib/match-review/exclusion-lists";
import { MONTH_PATTERN } from "@/lib/match-review/periods";
import { pageSizeOf } from "@/lib/table-preferences/page-sizes";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";

const TONE = { OPEN: "neutral", SUBMITTED: "warning", LOCKED: "brand" } as const;

const pageOf = (text: string | undefined) => Math.max(1, Math.min(100_000, Number.parseInt(text ?? "1", 10) || 1));

export default async function CloseReportPage({ params, searchParams }: { params: Promise<{ month: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const { month } = await params;
  if (!MONTH_PATTERN.test(month)) notFound();
  const query = await searchParams;
  const [t, tw, format, report, summaryPreference, openPreference, excludedPreference] = await Promise.all([
    getTranslations("closeReport"),
    getTranslations("workspace"),
    getFormatter(),
    loadCloseReport(db, ctx.orgId, month),
    readTablePreference(db, ctx.orgId, ctx.userId, "close-report.summary"),
    readTablePreference(db, ctx.orgId, ctx.userId, "close-report.open"),
    readTablePreference(db, ctx.orgId, ctx.userId, "close-report.excluded"),
  ]);
  const excluded = await listExcludedRows(db, ctx.orgId, { month, page: pageOf(query.xpage), pageSize: pageSizeOf(query.xsize, excludedPreference.pageSize) });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "short", timeStyle: "short" });

  const facts = report.snapshot?.facts;
  const openSize = pageSizeOf(query.osize, openPreference.pageSize);
  const openPages = Math.max(1, Math.ceil((facts?.items.length ?? 0) / openSize));
  const openPage = Math.min(pageOf(query.opage), openPages);
  const openRows = facts?.items.slice((openPage - 1) * openSize, openPage * openSize) ?? [];

  return (
    <div className="space-y-6">
      <div>
        <Link href="/reconcile/periods" className="text-xs text-brand-700 hover:underline">
          {t("back")}
        </Link>
        <PageHeader title={t("title", { month })} actions={<ExportButtons source="month-close" params={{ month }} />} />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600" data-testid="report-status">
          <Badge tone={TONE[report.status]}>{tw(`periodStatus.${report.status}`)}</Badge>
          {report.submitted && report.status !== "OPEN" ? <span>{t("submitted", { name: report.submitted.by, when: when(report.submitted.at) })}</span> : null}
          {report.locked ? <span>{t("locked", { name: report.locked.by, when: when(report.locked.at) })}</span> : null}
          {report.reopened && report.status === "OPEN" ? <span>{t("reopened", { name: report.reopened.by, when: when(report.reopened.at), reason: report.reopened.reason })}</span> : null}
          {!report.submitted ? <span>{t("notYet")}</span> : null}
        </div>
      </div>

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-800">{t("summary")}</h2>
        <p className="text-xs text-slate-500">{t("summaryIntro")}</p>
        <ReportSummaryTable rows={report.summary} preference={summaryPreference} />
      </section>

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-800">{t("openItems")}</h2>
        {report.snapshot && facts ? (
          <>
            <p className="text-xs text-slate-500">
              {t("openItemsAt", { step: t(`step${report.snapshot.step}`), when: when(report.snapshot.at), name: report.snapshot.by })}
              {report.snapshot.confirmedOpenItems ? ` · ${t("confirmedOpen")}` : ""}
            </p>
            <p className="num text-sm text-slate-700" data-testid="report-open-summary">
              {t("openSummary", { rows: facts.openRows, proposals: facts.openProposals, excluded: facts.excludedRows })}
              {facts.items.length < facts.openRows ? ` ${t("truncated", { shown: facts.items.length, total: facts.openRows })}` : ""}
            </p>
            <ReportOpenItemsTable rows={openRows} groups={facts.groups} paging={{ page: openPage, pages: openPages, total: facts.items.length, pageSize: openSize }} preference={openPreference} emptyText={t("noOpenItems")} />
          </>
        ) : (
          <p className="text-sm text-slate-500">{t("noSnapshot")}</p>
        )}
      </section>

      <section className="space-y-2">
        <h2 className="text-sm font-semibold text-slate-800">{t("excludedTitle")}</h2>
        <ReportExcludedTable data={excluded} preference={excludedPreference} emptyText={t("noExcluded")} />
      </section>
    </div>
  );
}
