// 回款报表: the month's remittance per store, generated from the receivables the jobs keep current
// after every import, run and change; exported to Excel and PDF like every list.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/export/export-buttons";
import { FreshnessLine } from "@/components/receivables/freshness-line";
import { shiftMonth } from "../_shared/receivables-view";
import { newestOrderMonth } from "@/lib/receivables/newest-order-month";
import { RemittanceReportTable } from "@/components/receivables/remittance-report-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { MONTH_PATTERN } from "@/lib/match-review/periods";
import { loadReceivableQuery } from "@/lib/receivables/receivable-query";
import { remittanceReport } from "@/lib/receivables/remittance-report";
import { receivablesFreshness } from "@/lib/receivables/stale-receivables";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";

export default async function RemittanceReportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const params = await searchParams;
  const query = await loadReceivableQuery(db, ctx.orgId, params.asOf);
  // By default the month of the newest order, so the report opens on data.
  const month = params.month && MONTH_PATTERN.test(params.month) ? params.month : ((await newestOrderMonth(db, ctx.orgId)) ?? query.asOf.slice(0, 7));
  const [t, report, preference, freshness] = await Promise.all([
    getTranslations("receivables"),
    remittanceReport(db, query, month),
    readTablePreference(db, ctx.orgId, ctx.userId, "receivables.report"),
    receivablesFreshness(db, ctx.orgId),
  ]);
  const link = (to: string) => `/receivables/report?${new URLSearchParams({ month: to, ...(params.asOf ? { asOf: params.asOf } : {}) }).toString()}`;
  return (
    <div className="space-y-4">
      <PageHeader title={t("report.title", { month })} intro={t("report.intro", { asOf: query.asOf })} actions={<ExportButtons source="receivables-report" params={{ month, asOf: query.asOf }} />} />
      <form className="flex flex-wrap items-end gap-3 text-sm" action="/receivables/report">
        <Link href={link(shiftMonth(month, -1))} className="rounded-md px-2 py-1.5 text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
          {t("report.previous")}
        </Link>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t("report.month")}</span>
          <input type="month" name="month" defaultValue={month} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t("filters.asOf")}</span>
          <input type="date" name="asOf" defaultValue={query.asOf} className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
          {t("report.show")}
        </button>
        <Link href={link(shiftMonth(month, 1))} className="rounded-md px-2 py-1.5 text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
          {t("report.next")}
        </Link>
      </form>
      <FreshnessLine freshness={freshness} timeZone={query.timeZone} />
      <RemittanceReportTable stores={report.stores} total={report.total} preference={preference} />
    </div>
  );
}
