// POST /api/imports?fileName=…[&storeId=…|&fundAccountId=…] with the file as the raw body.
// A route handler rather than a server action: the body streams into PostgreSQL chunk by chunk,
// so a 200 MB statement never sits in memory, and the browser can show upload progress.
import { after, NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getOrgContext } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { runImportStepInChild } from "@/lib/import-batches/run-import-step-in-child";
import { maxUploadBytes } from "@/lib/import-batches/import-limits";
import { stageUpload } from "@/lib/import-batches/stage-upload";
import { isUuid } from "@/lib/shared/uuid";

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
  const ctx = await getOrgContext();
  if (!ctx) return NextResponse.json({ error: t("UNAUTHENTICATED") }, { status: 401 });
  if (!can(ctx.role, "imports.manage")) return NextResponse.json({ error: t("FORBIDDEN") }, { status: 403 });
  if (!request.body) return NextResponse.json({ error: t("INVALID") }, { status: 400 });

  // Refuse an announced oversized upload before reading a byte; stageUpload still counts the
  // bytes as they stream, for clients that send no length.
  const announced = Number(request.headers.get("content-length") ?? 0);
  if (announced > maxUploadBytes()) {
    return NextResponse.json({ error: t("fileTooLarge", { maxMb: Math.round(maxUploadBytes() / 1048576) }) }, { status: 413 });
  }
  const params = new URL(request.url).searchParams;
  const optionalId = (name: string) => {
    const value = params.get(name);
    return value && isUuid(value) ? value : null;
  };
  try {
    const batch = await stageUpload(db, ctx, {
      fileName: params.get("fileName") ?? "upload",
      source: bodyChunks(request.body),
      storeId: optionalId("storeId"),
      fundAccountId: optionalId("fundAccountId"),
    });
    after(() => runImportStepInChild(db, { step: "preview", orgId: ctx.orgId, batchId: batch.id }));
    return NextResponse.json({ batchId: batch.id }, { status: 201 });
  } catch (error) {
    if (isAppError(error)) return NextResponse.json({ error: t(error.messageKey, error.params) }, { status: 413 });
    throw error;
  }
}
