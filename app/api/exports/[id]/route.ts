// GET /api/exports/:id — one export's state, for the button that asked for it (polled while the
// worker writes the file). A route rather than a server action: polls never queue behind the page's
// own actions.
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { requireActionContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { findExport } from "@/lib/export-files/export-queries";
import { appErrorStatus } from "@/lib/http/app-error-status";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations();
  try {
    const ctx = await requireActionContext("org.read");
    const line = await findExport(db, ctx.orgId, ctx.role, (await params).id);
    if (!line) return NextResponse.json({ error: t("errors.NOT_FOUND") }, { status: 404 });
    const message = line.messageKey ? t(line.messageKey, (line.messageParams ?? {}) as Record<string, string | number>) : null;
    return NextResponse.json({ status: line.status, progress: line.progress, fileName: line.fileName, rowCount: line.rowCount, expired: line.expired, message });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return NextResponse.json({ error: t(`errors.${error.messageKey}`, error.params) }, { status: appErrorStatus(error) });
  }
}
