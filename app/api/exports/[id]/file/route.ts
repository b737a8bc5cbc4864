// GET /api/exports/:id/file — the finished file, streamed chunk by chunk from PostgreSQL. Another
// company's export, or one whose page the reader may not open, is "not found"; an expired one is gone.
import { getTranslations } from "next-intl/server";
import { requireActionContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { exportFileBytes } from "@/lib/export-files/export-file-bytes";
import { attachmentHeader, EXPORT_CONTENT_TYPES } from "@/lib/export-files/export-file-name";
import { findExport } from "@/lib/export-files/export-queries";
import { appErrorStatus } from "@/lib/http/app-error-status";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations();
  const refuse = (text: string, status: number) => new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  let orgId: string;
  let line;
  try {
    const ctx = await requireActionContext("org.read");
    orgId = ctx.orgId;
    line = await findExport(db, ctx.orgId, ctx.role, (await params).id);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refuse(t(`errors.${error.messageKey}`, error.params), appErrorStatus(error));
  }
  if (!line) return refuse(t("errors.NOT_FOUND"), 404);
  if (line.status !== "DONE") return refuse(t("errors.exportNotReady"), 409);
  if (line.expired) return refuse(t("errors.exportExpired"), 410);
  const chunks = exportFileBytes(db, orgId, line.id);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[line.format],
      "Content-Disposition": attachmentHeader(line.fileName),
      ...(line.sizeBytes !== null ? { "Content-Length": line.sizeBytes.toString() } : {}),
      "Cache-Control": "private, no-store",
    },
  });
}
