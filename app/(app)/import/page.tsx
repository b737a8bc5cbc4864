import { randomUUID } from "node:crypto";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BatchStatusBadge } from "@/components/import/batch-status-badge";
import { RefreshIfRestored } from "@/components/import/refresh-if-restored";
import { RefreshWhile } from "@/components/import/refresh-while";
import { UploadGroupPanel } from "@/components/import/upload-group-panel";
import { UploadDropzone } from "@/components/import/upload-dropzone";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export/export-buttons";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listImportBatches } from "@/lib/import-batches/batch-queries";
import { describeFormat } from "@/lib/import-batches/column-mappings";
import { KIND_FROM_DB } from "@/lib/import-batches/import-kinds";
import { maxUploadBytes } from "@/lib/import-batches/import-limits";
import { loadUploadGroup, uploadGroupIds } from "@/lib/import-batches/upload-group";

/** Once per server render: names this copy of the list. */
function newRenderToken(): string {
  return randomUUID();
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ upload?: string | string[] }> }) {
  const ctx = await requirePageContext();
  const upload = (await searchParams).upload;
  const [t, format, locale, { batches }, group] = await Promise.all([
    getTranslations("imports"),
    getFormatter(),
    getLocale(),
    listImportBatches(db, ctx.orgId),
    loadUploadGroup(db, ctx.orgId, uploadGroupIds(typeof upload === "string" ? upload : undefined)),
  ]);
  const lang = locale === "en" ? "en" : "zh-CN";
  const formatLabels = new Map(
    await Promise.all(
      [...new Set(batches.map((batch) => batch.format))].map(async (id) => [id, await describeFormat(db, ctx.orgId, id, lang)] as const),
    ),
  );
  const formatLabel = (id: string | null) => formatLabels.get(id) ?? "—";
  const busy = [...batches, ...group].some((batch) => batch.status === "PARSING" || batch.status === "COMMITTING");
  // The list is rendered per request: a copy shown again with the same token came from the client cache.
  const renderToken = newRenderToken();

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} actions={<ExportButtons source="imports" params={{}} />} />
      <RefreshWhile active={busy} />
      <RefreshIfRestored renderToken={renderToken} />
      {can(ctx.role, "imports.manage") ? <UploadDropzone maxMb={Math.round(maxUploadBytes() / 1048576)} /> : null}
      {group.length > 1 && can(ctx.role, "imports.manage") ? <UploadGroupPanel batches={group} /> : null}

      <section>
        <h2 className="mb-3 text-sm font-semibold text-slate-800">{t("batches")}</h2>
        {batches.length === 0 ? (
          <EmptyState>{t("noBatches")}</EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("time")}</Th>
                <Th>{t("file")}</Th>
                <Th>{t("format")}</Th>
                <Th>{t("target")}</Th>
                <Th>{t("status")}</Th>
                <Th className="text-right">{t("rows")}</Th>
                <Th className="text-right">{t("new")}</Th>
                <Th className="text-right">{t("duplicates")}</Th>
                <Th className="text-right">{t("invalid")}</Th>
                <Th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="import-batches">
              {batches.map((batch) => (
                <tr key={batch.id}>
                  <Td className="num whitespace-nowrap">{format.dateTime(batch.createdAt, { dateStyle: "short", timeStyle: "short" })}</Td>
                  <Td className="max-w-64 truncate font-medium text-slate-900" title={batch.fileName}>
                    {batch.fileName}
                  </Td>
                  <Td>
                    {formatLabel(batch.format)}
                    {batch.kind ? <span className="block text-xs text-slate-500">{t(`kinds.${KIND_FROM_DB[batch.kind]}`)}</span> : null}
                  </Td>
                  <Td>{batch.store?.name ?? batch.fundAccount?.name ?? "—"}</Td>
                  <Td>
                    <BatchStatusBadge status={batch.status} />
                  </Td>
                  <Td className="num text-right">{batch.rowCount}</Td>
                  <Td className="num text-right">{batch.status === "COMMITTED" || batch.status === "UNDONE" ? batch.insertedCount : "—"}</Td>
                  <Td className="num text-right">{batch.status === "COMMITTED" || batch.status === "UNDONE" ? batch.duplicateCount : "—"}</Td>
                  <Td className={`num text-right ${batch.invalidCount > 0 ? "text-red-700" : ""}`}>{batch.invalidCount}</Td>
                  <Td className="text-right">
                    <Link href={`/import/${batch.id}`} className="text-brand-600 hover:underline">
                      {t("open")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}
