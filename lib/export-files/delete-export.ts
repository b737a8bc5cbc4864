// Deleting an export: its bytes and its line go, its audit row stays, one transaction. Whoever made
// it may delete it, and so may the company's OWNER and ADMINs; one still being written must be
// cancelled (or finish) first.
import type { Db, Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/roles";
import { writeAuditLog } from "@/lib/audit/write-audit-log";
import { AppError } from "@/lib/errors";
import type { ExportRequester } from "./request-export";
import { findExport, type ExportLine } from "./export-queries";

/** Who may delete or cancel an export: whoever made it, and the company's OWNER and ADMINs. */
export function mayChangeExport(line: Pick<ExportLine, "createdById">, who: Pick<ExportRequester, "userId" | "role">): boolean {
  return line.createdById === who.userId || can(who.role, "members.manage");
}

/** The line, when `who` may delete or cancel it. */
export async function exportForChange(tx: Tx, who: ExportRequester, exportId: string): Promise<ExportLine> {
  const line = await findExport(tx, who.orgId, who.role, exportId);
  if (!line) throw new AppError("NOT_FOUND");
  if (!mayChangeExport(line, who)) throw new AppError("FORBIDDEN", { messageKey: "exportNotYours" });
  return line;
}

export async function deleteExport(db: Db, who: ExportRequester, exportId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const line = await exportForChange(tx, who, exportId);
    if (line.status === "QUEUED" || line.status === "RUNNING") throw new AppError("CONFLICT", { messageKey: "exportStillRunning" });
    await tx.exportFile.delete({ where: { orgId_id: { orgId: who.orgId, id: exportId } } });
    await writeAuditLog(tx, who, { action: "export.delete", entityType: "ExportFile", entityId: exportId, before: { source: line.source, format: line.format, title: line.title, fileName: line.fileName } });
  });
}
