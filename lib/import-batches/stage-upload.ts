// Step 1 of an import: keep the uploaded bytes in PostgreSQL (in 1 MiB chunks) with their SHA-256,
// so the preview and the commit can run on any app instance, and an oversized file is refused
// while it streams in, before it fills memory or disk.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { ImportBatch } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/load-org-context";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";
import { CHUNK_BYTES, maxUploadBytes } from "./import-limits";


/** Re-cuts whatever chunk sizes arrive into CHUNK_BYTES pieces. */
async function* rechunk(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    pending.push(Buffer.from(piece));
    pendingBytes += piece.length;
    while (pendingBytes >= CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, CHUNK_BYTES);
      pending = [all.subarray(CHUNK_BYTES)];
      pendingBytes = all.length - CHUNK_BYTES;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending);
}

/** A display name only: never used as a path. Strips folders and control characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 255) || "upload";
}

/** A store or fund account named by the client must be the company's own: else "not found", naming which. */
async function assertTargetsBelongToOrg(db: Db, orgId: string, ids: { storeId?: string | null; fundAccountId?: string | null }) {
  if (ids.storeId != null) {
    const found = isUuid(ids.storeId) && (await db.store.count({ where: { orgId, id: ids.storeId } })) > 0;
    if (!found) throw new AppError("NOT_FOUND", { messageKey: "storeNotFound" });
  }
  if (ids.fundAccountId != null) {
    const found = isUuid(ids.fundAccountId) && (await db.fundAccount.count({ where: { orgId, id: ids.fundAccountId } })) > 0;
    if (!found) throw new AppError("NOT_FOUND", { messageKey: "fundAccountNotFound" });
  }
}

export async function stageUpload(
  db: Db,
  ctx: Actor,
  input: { fileName: string; source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>; storeId?: string | null; fundAccountId?: string | null },
  limitBytes = maxUploadBytes(),
): Promise<ImportBatch> {
  await assertTargetsBelongToOrg(db, ctx.orgId, input);
  const batch = await db.importBatch.create({
    data: {
      orgId: ctx.orgId,
      status: "PARSING",
      fileName: cleanFileName(input.fileName),
      fileSha256: "",
      fileSizeBytes: 0,
      storeId: input.storeId ?? null,
      fundAccountId: input.fundAccountId ?? null,
      createdById: ctx.userId,
    },
  });
  const hash = createHash("sha256");
  let size = 0;
  let seq = 0;
  try {
    for await (const chunk of rechunk(input.source)) {
      size += chunk.length;
      if (size > limitBytes) {
        throw new AppError("INVALID", { messageKey: "fileTooLarge", params: { maxMb: Math.round(limitBytes / 1048576) } });
      }
      hash.update(chunk);
      await db.importFileChunk.create({ data: { orgId: ctx.orgId, batchId: batch.id, seq: seq++, data: new Uint8Array(chunk) } });
    }
  } catch (error) {
    await db.importBatch.delete({ where: { orgId_id: { orgId: batch.orgId, id: batch.id } } }); // chunks cascade
    throw error;
  }
  return db.importBatch.update({
    where: { orgId_id: { orgId: batch.orgId, id: batch.id } },
    data: { fileSha256: hash.digest("hex"), fileSizeBytes: size },
  });
}

/** The staged bytes, one chunk at a time (never the whole file in memory). */
export async function* readStagedFile(db: Db, orgId: string, batchId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.importFileChunk.findUnique({
      where: { orgId_batchId_seq: { orgId, batchId, seq } },
      select: { data: true },
    });
    if (!chunk) return;
    yield chunk.data;
  }
}
