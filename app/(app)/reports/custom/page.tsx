// 自定义报表: the builder, its result at once (table, and bars where one dimension meets one
// measure), and the saved reports. The spec lives in the URL (?spec=), so a result is a link and
// the export writes exactly what the page shows.
import { getTranslations } from "next-intl/server";
import { ExportButtons } from "@/components/export/export-buttons";
import { CustomReportBuilder } from "@/components/reports/custom/custom-report-builder";
import { CustomReportChart } from "@/components/reports/custom/custom-report-chart";
import { CustomReportTable } from "@/components/reports/custom/custom-report-table";
import { SavedReportsList } from "@/components/reports/custom/saved-reports-list";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { builderCatalog } from "@/lib/reports/custom/catalog";
import { fitsBarChart } from "@/lib/reports/custom/fits-bar-chart";
import { customReportView, loadFilterOptions, savedReportItems } from "@/lib/reports/custom/custom-report-view";
import { listSavedReports } from "@/lib/reports/custom/saved-reports";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";

export default async function CustomReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const params = await searchParams;
  const [t, view, options, saved, preference] = await Promise.all([
    getTranslations(),
    customReportView(db, ctx.orgId, params.spec),
    loadFilterOptions(db, ctx.orgId),
    listSavedReports(db, ctx),
    readTablePreference(db, ctx.orgId, ctx.userId, "reports.custom"),
  ]);
  const canSave = can(ctx.role, "reports.save");
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("reports.custom.title")}
        intro={t("reports.custom.intro")}
        actions={view.result ? <ExportButtons source="custom-report" params={{ spec: view.encoded }} /> : null}
      />
      <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card>
          <CustomReportBuilder key="new" catalog={builderCatalog()} spec={view.spec} stores={options.stores} accounts={options.accounts} canSave={canSave} />
        </Card>
        <div className="min-w-0 space-y-4">
          {view.error ? <Alert tone="error">{t(`errors.${view.error.key}` as never, view.error.params as never)}</Alert> : null}
          {view.result && fitsBarChart(view.result) ? <CustomReportChart result={view.result} /> : null}
          {view.result ? <CustomReportTable result={view.result} preference={preference} /> : null}
        </div>
      </div>
      <Card title={t("reports.custom.saved.title")}>
        <SavedReportsList reports={savedReportItems(saved, ctx.userId)} canSave={canSave} />
      </Card>
    </div>
  );
}
