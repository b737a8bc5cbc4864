// POST /api/imports?fileName=…[&storeId=…|&fundAccountId=…] with the file as the raw body.
// A route handler rather than a server action: the body streams into PostgreSQL chunk by chunk,
// so a 200 MB statement never sits in memory, and the browser can show upload progress.
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { requireActionContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { appErrorStatus } from "@/lib/http/app-error-status";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { maxUploadBytes } from "@/lib/import-batches/import-limits";
import { stageUpload } from "@/lib/import-batches/stage-upload";

async function* bodyChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export async function POST(request: Request) {
  const t = await getTranslations("errors");
  // Cookies ride along on cross-site posts; only our own pages may upload into the user's company.
  if (!isSameOriginRequest(request.headers)) return NextResponse.json({ error: t("crossOrigin") }, { status: 403 });
  const errorResponse = (error: unknown) => {
    if (!isAppError(error)) throw error;
    return NextResponse.json({ error: t(error.messageKey, error.params) }, { status: appErrorStatus(error) });
  };
  let ctx: OrgContext;
  try {
    // The same guard as server actions: signed in, password settled, allowed to import.
    ctx = await requireActionContext("imports.manage");
  } catch (error) {
    return errorResponse(error);
  }
  if (!request.body) return NextResponse.json({ error: t("INVALID") }, { status: 400 });

  // Refuse an announced oversized upload before reading a byte; stageUpload still counts the
  // bytes as they stream, for clients that send no length.
  const announced = Number(request.headers.get("content-length") ?? 0);
  if (announced > maxUploadBytes()) {
    return NextResponse.json({ error: t("fileTooLarge", { maxMb: Math.round(maxUploadBytes() / 1048576) }) }, { status: 413 });
  }
  const params = new URL(request.url).searchParams;
  // stageUpload answers "not found" for an id that is not one of the company's.
  const optionalId = (name: string) => params.get(name) || null;
  try {
    const batch = await stageUpload(db, ctx, {
      fileName: params.get("fileName") ?? "upload",
      source: bodyChunks(request.body),
      storeId: optionalId("storeId"),
      fundAccountId: optionalId("fundAccountId"),
    });
    await enqueueJob(db, "import-preview", { orgId: ctx.orgId, batchId: batch.id });
    return NextResponse.json({ batchId: batch.id }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
