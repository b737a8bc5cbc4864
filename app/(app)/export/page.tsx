// 数据导出 — the export centre: every file the pages' export buttons made, newest first, with who
// made it, when, from which filters, its size and state; download again (until it expires) or
// delete. Lines whose page the reader's role cannot open (the audit log) are not shown to them.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RefreshWhile } from "@/components/import/refresh-while";
import { DeleteExportButton } from "@/components/export/delete-export-button";
import { CancelJobButton } from "@/components/jobs/cancel-job-button";
import { cancelExportJobAction } from "@/lib/actions/export/exports";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { ExportFilter } from "@/lib/export";
import { mayChangeExport } from "@/lib/export-files/delete-export";
import { exportState, listExports } from "@/lib/export-files/export-queries";
import { exportRetentionHours } from "@/lib/export-files/export-retention";
import { formatFileSize } from "@/lib/shared/file-size";
import { formatLocalDateTime } from "@/lib/shared/local-time";

const TONES = { QUEUED: "neutral", RUNNING: "brand", DONE: "brand", FAILED: "warning", CANCELLED: "muted", EXPIRED: "muted" } as const;

export default async function ExportCentrePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const ctx = await requirePageContext();
  const page = Math.max(1, Math.min(10_000, Number((await searchParams).page) || 1));
  const [t, org, list] = await Promise.all([
    getTranslations(),
    db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timezone: true } }),
    listExports(db, ctx.orgId, ctx.role, page),
  ]);
  const at = (instant: Date) => formatLocalDateTime(instant, org.timezone).slice(0, 16);
  const working = list.lines.some((line) => line.status === "QUEUED" || line.status === "RUNNING");
  return (
    <div>
      <RefreshWhile active={working} />
      <PageHeader title={t("exportCentre.title")} intro={t("exportCentre.intro", { hours: exportRetentionHours() })} />
      <p className="mb-3 text-xs text-slate-500">{t("exportCentre.limitsNote")}</p>
      {list.lines.length === 0 ? (
        <EmptyState>{t("exportCentre.empty")}</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("exportCentre.columns.createdAt")}</Th>
              <Th>{t("exportCentre.columns.title")}</Th>
              <Th>{t("exportCentre.columns.format")}</Th>
              <Th>{t("exportCentre.columns.filters")}</Th>
              <Th className="text-right">{t("exportCentre.columns.rows")}</Th>
              <Th className="text-right">{t("exportCentre.columns.size")}</Th>
              <Th>{t("exportCentre.columns.status")}</Th>
              <Th>{t("exportCentre.columns.by")}</Th>
              <Th>{t("exportCentre.columns.expires")}</Th>
              <Th>{t("exportCentre.columns.actions")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.lines.map((line) => {
              const filters = line.filters as ExportFilter[];
              const status = exportState(line);
              const mayChange = mayChangeExport(line, ctx);
              return (
                <tr key={line.id} data-testid="export-line">
                  <Td className="num whitespace-nowrap">{at(line.createdAt)}</Td>
                  <Td className="whitespace-nowrap font-medium text-slate-900">{t.has(`export.sources.${line.source}`) ? t(`export.sources.${line.source}`) : line.title}</Td>
                  <Td>{line.format === "XLSX" ? "Excel" : "PDF"}</Td>
                  <Td className="max-w-80 text-xs text-slate-600">{filters.length > 0 ? filters.map((filter) => `${filter.label}：${filter.value}`).join("；") : t("exportCentre.noFilters")}</Td>
                  <Td className="num text-right">{line.rowCount?.toLocaleString("en-US") ?? ""}</Td>
                  <Td className="num whitespace-nowrap text-right">{line.sizeBytes !== null ? formatFileSize(Number(line.sizeBytes)) : ""}</Td>
                  <Td>
                    <Badge tone={TONES[status]}>{status === "RUNNING" ? `${t("exportCentre.statuses.RUNNING")} ${Math.round(line.progress * 100)}%` : t(`exportCentre.statuses.${status}`)}</Badge>
                    {line.messageKey && status !== "DONE" ? <p className="mt-1 max-w-72 text-xs text-red-700">{t(line.messageKey, (line.messageParams ?? {}) as Record<string, string | number>)}</p> : null}
                  </Td>
                  <Td className="whitespace-nowrap">{line.createdByName}</Td>
                  <Td className="num whitespace-nowrap">{status === "DONE" ? at(line.expiresAt) : ""}</Td>
                  <Td className="whitespace-nowrap">
                    <span className="flex gap-3">
                      {status === "DONE" ? (
                        <a href={`/api/exports/${line.id}/file`} download className="font-medium text-brand-700 hover:underline">
                          {t("exportCentre.download")}
                        </a>
                      ) : null}
                      {mayChange && line.jobId ? <CancelJobButton jobId={line.jobId} action={cancelExportJobAction} compact /> : null}
                      {mayChange && status !== "QUEUED" && status !== "RUNNING" ? <DeleteExportButton id={line.id} fileName={line.fileName} /> : null}
                    </span>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {list.pages > 1 ? (
        <nav className="mt-3 flex justify-end gap-3 text-sm">
          {page > 1 ? <Link href={`/export?page=${page - 1}`}>{t("common.previous")}</Link> : null}
          <span className="text-slate-500">{t("common.pageOf", { page, pages: list.pages, total: list.total })}</span>
          {page < list.pages ? <Link href={`/export?page=${page + 1}`}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
