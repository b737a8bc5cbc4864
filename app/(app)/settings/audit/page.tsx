// The audit trail: who (by name), when (the company's clock), what (one sentence per entry), with
// filters and server-side paging over the whole log; 导出 Excel / PDF export exactly what the filters
// keep (lib/export-sources/audit-source.ts reads them with the same parseAuditFilter).
import { getLocale, getTranslations } from "next-intl/server";
import { AuditFilters, type AuditKindOption } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export/export-buttons";
import { parseAuditFilter } from "@/lib/audit/audit-filter";
import { AUDIT_TABLE_KEY, toAuditRows } from "@/lib/audit/audit-rows";
import { AUDIT_AREAS, AUDIT_KINDS, auditKindLabel, type Translate } from "@/lib/audit/audit-sentences";
import { listAuditActors, listAuditLog } from "@/lib/audit/list-audit-log";
import { loadAuditLookups } from "@/lib/audit/load-audit-lookups";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { readTablePreference } from "@/lib/table-preferences/table-preferences";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext("audit.read");
  const params = await searchParams;
  const [org, preference] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timezone: true } }),
    readTablePreference(db, ctx.orgId, ctx.userId, AUDIT_TABLE_KEY),
  ]);
  const { filter, problems } = parseAuditFilter(params, preference.pageSize);
  const refused = problems.length > 0;
  const [translate, locale, actors, result] = await Promise.all([
    getTranslations(),
    getLocale(),
    listAuditActors(db, ctx.orgId),
    // A filter with a refused value is not run: the list would not be what the person asked for.
    refused ? { total: 0, entries: [], page: 1, pages: 1, pageSize: filter.pageSize } : listAuditLog(db, ctx.orgId, filter, org.timezone),
  ]);
  const t = translate as unknown as Translate;
  const lookups = await loadAuditLookups(db, ctx.orgId, result.entries);
  const rows = toAuditRows(result.entries, lookups, t, locale === "en" ? "en" : "zh-CN", org.timezone);
  const kinds: AuditKindOption[] = AUDIT_AREAS.map((area) => ({
    area,
    areaLabel: t.has(`audit.kinds.${area}`) ? t(`audit.kinds.${area}`) : area,
    kinds: AUDIT_KINDS.filter((kind) => kind.startsWith(`${area}.`)).map((kind) => ({ value: kind, label: auditKindLabel(kind, t) })),
  }));

  return (
    <div>
      <PageHeader title={translate("audit.title")} intro={translate("audit.intro", { zone: org.timezone })} actions={<ExportButtons source="audit" params={params} />} />
      <AuditFilters values={params} problems={problems} people={actors.people} hasSystem={actors.hasSystem} kinds={kinds} />
      {refused ? (
        <div className="mb-3">
          <Alert tone="error">{translate("audit.refused")}</Alert>
        </div>
      ) : null}
      <AuditTable
        rows={rows}
        paging={{ page: result.page, pages: result.pages, total: result.total, pageSize: result.pageSize }}
        preference={preference}
        emptyText={refused ? translate("audit.refused") : translate("audit.empty")}
      />
    </div>
  );
}
