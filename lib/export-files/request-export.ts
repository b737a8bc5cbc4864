// Asking for an export: the file's line in the export centre and its audit row ("who exported which
// data"), in one transaction. The caller then queues its job ("export-file"; the CLI runs it inline):
// the worker writes the file (run-export.ts), the web server never does. A line whose job was never
// queued (the server died in between) is ended by the job sweep like an orphaned batch or run.
import type { Db } from "@/lib/db/client";
import type { ExportFormat } from "@/lib/db/generated/enums";
import type { Role } from "@/lib/auth/roles";
import { can } from "@/lib/auth/roles";
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { AppError } from "@/lib/errors";
import type { ExportLocale } from "@/lib/export";
import { exportSource, type ExportSourceId } from "@/lib/export-sources/export-sources";
import type { ExportParams } from "@/lib/export-sources/export-source";
import { exportTranslator } from "@/lib/export-sources/export-translator";
import { exportFileName } from "./export-file-name";
import { exportRetentionHours } from "./export-retention";

/** Who asks: a member (with their role), or the CLI (role OWNER: it already holds the database). */
export type ExportRequester = { orgId: string; userId: string | null; userEmail: string | null; userName: string; role: Role };

export type ExportRequest = { source: string; format: ExportFormat; locale: ExportLocale; params: ExportParams };

/** URL parameters that choose a page of the list, not its rows: an export is every page. */
const PAGING_PARAMS = new Set(["page", "size", "lpage", "rpage", "lsize", "rsize"]);

export function exportParamsOf(search: Record<string, string | undefined>): ExportParams {
  return Object.fromEntries(Object.entries(search).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "" && !PAGING_PARAMS.has(entry[0])));
}

export async function requestExport(db: Db, who: ExportRequester, request: ExportRequest) {
  const source = exportSource(request.source);
  if (!source) throw new AppError("NOT_FOUND", { messageKey: "exportUnknownSource" });
  if (!can(who.role, source.permission)) throw new AppError("FORBIDDEN");
  const org = await db.organization.findUniqueOrThrow({ where: { id: who.orgId }, select: { timezone: true } });
  const t = exportTranslator(request.locale);
  const title = source.titleOf?.(t, request.params as ExportParams) ?? t(`export.sources.${request.source as ExportSourceId}`);
  const now = new Date();
  const params = exportParamsOf(request.params);
  return db.$transaction(async (tx) => {
    const file = await tx.exportFile.create({
      data: {
        orgId: who.orgId,
        source: request.source,
        format: request.format,
        locale: request.locale,
        params,
        title,
        fileName: exportFileName(title, request.format, now, org.timezone),
        createdById: who.userId,
        createdByName: who.userName,
        createdAt: now,
        expiresAt: new Date(now.getTime() + exportRetentionHours() * 3_600_000),
      },
    });
    await writeAuditLog(tx, who, { action: "export.create", entityType: "ExportFile", entityId: file.id, after: { source: request.source, format: request.format, params, title } });
    return file;
  });
}
