// One saved custom report: its result, who saved it and whether it is shared, and the builder to
// change it (its owner, or an OWNER / ADMIN for a shared one) or to save a copy. ?spec= holds
// unsaved changes; without it the page shows the report as saved. Another company's report, or a
// colleague's private one, is "not found".
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExportButtons } from "@/components/export/export-buttons";
import { CustomReportBuilder } from "@/components/reports/custom/custom-report-builder";
import { CustomReportChart } from "@/components/reports/custom/custom-report-chart";
import { CustomReportTable } from "@/components/reports/custom/custom-report-table";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { builderCatalog } from "@/lib/reports/custom/catalog";
import { fitsBarChart } from "@/lib/reports/custom/fits-bar-chart";
import { customReportView, loadFilterOptions } from "@/lib/reports/custom/custom-report-view";
import { loadSavedReport, type SavedReportView } from "@/lib/reports/custom/saved-reports";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";

export default async function SavedReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams?: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const query = (await searchParams) ?? {};
  let report: SavedReportView;
  try {
    report = await loadSavedReport(db, ctx.orgId, ctx.userId, id, ctx.role);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [t, view, options, preference] = await Promise.all([
    getTranslations(),
    customReportView(db, ctx.orgId, query.spec, report.spec),
    loadFilterOptions(db, ctx.orgId),
    readTablePreference(db, ctx.orgId, ctx.userId, "reports.custom"),
  ]);
  const changed = Boolean(query.spec);
  const intro = (
    <span className="flex flex-wrap items-center gap-2">
      <Badge tone={report.shared ? "brand" : "muted"}>{report.shared ? t("reports.custom.saved.shared") : t("reports.custom.saved.private")}</Badge>
      {report.ownerName ? <span>{t("reports.custom.saved.by", { name: report.ownerName })}</span> : null}
      {changed ? <span className="text-amber-700">{t("reports.custom.unsaved")}</span> : null}
      <Link href="/reports/custom" className="text-brand-700 hover:underline">
        {t("reports.custom.allReports")}
      </Link>
    </span>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title={report.name}
        intro={intro}
        // The saved report exports by its id; unsaved changes export as the spec the page shows.
        actions={view.result ? <ExportButtons source="custom-report" params={changed ? { spec: view.encoded } : { id: report.id }} /> : null}
      />
      <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card>
          <CustomReportBuilder
            key={report.id}
            catalog={builderCatalog()}
            spec={view.spec}
            stores={options.stores}
            accounts={options.accounts}
            canSave={can(ctx.role, "reports.save")}
            editing={{ id: report.id, name: report.name, shared: report.shared, editable: report.editable }}
          />
        </Card>
        <div className="min-w-0 space-y-4">
          {view.error ? <Alert tone="error">{t(`errors.${view.error.key}` as never, view.error.params as never)}</Alert> : null}
          {view.result && fitsBarChart(view.result) ? <CustomReportChart result={view.result} /> : null}
          {view.result ? <CustomReportTable result={view.result} preference={preference} /> : null}
        </div>
      </div>
    </div>
  );
}
