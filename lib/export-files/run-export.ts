// The export job's work: the source streams the rows its filters keep out of one REPEATABLE READ
// snapshot (so the rows and the totals it checks agree), the writer makes the file in a temporary
// folder, and the bytes and the DONE line are stored in one transaction. A killed worker leaves no
// half file: the temporary one dies with the process's folder, the chunks were never committed.
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Db, Tx } from "@/lib/db/client";
import { checkPdfRowCount, writePdf, writeXlsx, type ExportLocale, type ExportRow, type ExportTable } from "@/lib/export";
import { exportSource } from "@/lib/export-sources/export-sources";
import type { ExportParams } from "@/lib/export-sources/export-source";
import { exportTranslator } from "@/lib/export-sources/export-translator";
import { toJsonValue } from "@/lib/shared/json-safe";
import { EXPORT_EXTENSIONS } from "./export-file-name";

const EXPORT_CHUNK_BYTES = 1024 * 1024;
/** Long enough for a million-row export on a slow machine; a cancel or a dead worker ends it sooner. */
const EXPORT_TRANSACTION_MS = 2 * 3_600_000;

export type ExportOutcome = { rows: number; sizeBytes: number };
/** What the job gives the export (lib/jobs' JobContext has this shape): progress throws once cancelled. */
type ExportProgress = (fraction: number, phase?: string) => void;

export async function runExport(ctx: { db: Db; progress: ExportProgress }, orgId: string, exportId: string): Promise<ExportOutcome> {
  const { db } = ctx;
  const file = await db.exportFile.findFirstOrThrow({ where: { orgId, id: exportId } });
  const started = await db.exportFile.updateMany({ where: { orgId, id: exportId, status: "QUEUED" }, data: { status: "RUNNING" } });
  if (started.count === 0) throw new Error(`export ${exportId} is ${file.status}, not QUEUED`);
  const source = exportSource(file.source);
  if (!source) throw new Error(`export ${exportId}: unknown source ${file.source}`);
  const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true, timezone: true } });
  const locale: ExportLocale = file.locale === "en" ? "en" : "zh-CN";
  const folder = await mkdtemp(path.join(os.tmpdir(), "export-"));
  const target = path.join(folder, `file.${EXPORT_EXTENSIONS[file.format]}`);
  try {
    const written = await db.$transaction(
      async (tx) => {
        const { table, rowCount } = await source.describe(
          tx,
          { orgId, orgName: org.name, timeZone: org.timezone, locale, t: exportTranslator(locale), requestedBy: file.createdByName, requestedById: file.createdById, requestedAt: file.createdAt },
          file.params as ExportParams,
        );
        // Above the PDF limit, say so before reading a row (the page offers Excel instead).
        if (file.format === "PDF") checkPdfRowCount(rowCount);
        const counted: ExportTable = { ...table, rows: withProgress(table.rows, rowCount, ctx.progress) };
        const result = file.format === "PDF" ? await writePdf(counted, target, { locale }) : await writeXlsx(counted, target, { locale });
        return { rows: result.rows, filters: table.filters ?? [] };
      },
      { isolationLevel: "RepeatableRead", timeout: EXPORT_TRANSACTION_MS, maxWait: 30_000 },
    );
    ctx.progress(0.97, "saving");
    const sizeBytes = (await stat(target)).size;
    await storeExportFile(db, orgId, exportId, target, { rowCount: written.rows, sizeBytes, filters: written.filters });
    return { rows: written.rows, sizeBytes };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function* withProgress(rows: ExportTable["rows"], expected: number, progress: ExportProgress): AsyncGenerator<ExportRow> {
  let seen = 0;
  progress(0, "exporting");
  for await (const row of rows) {
    // Also where a cancel stops the export: progress throws once someone asked.
    if (++seen % 500 === 0) progress(expected > 0 ? (0.95 * seen) / expected : 0, "exporting");
    yield row;
  }
}

/** The bytes, in order, and the line's DONE: together or not at all. */
async function storeExportFile(db: Db, orgId: string, exportId: string, filePath: string, facts: { rowCount: number; sizeBytes: number; filters: unknown }) {
  await db.$transaction(
    async (tx) => {
      let seq = 0;
      for await (const chunk of createReadStream(filePath, { highWaterMark: EXPORT_CHUNK_BYTES })) {
        await tx.exportFileChunk.create({ data: { orgId, exportId, seq: seq++, data: new Uint8Array(chunk as Buffer) } });
      }
      const done = await tx.exportFile.updateMany({
        where: { orgId, id: exportId, status: "RUNNING" },
        data: { status: "DONE", rowCount: facts.rowCount, sizeBytes: BigInt(facts.sizeBytes), filters: toJsonValue(facts.filters), finishedAt: new Date() },
      });
      // Deleted while it ran: keep nothing.
      if (done.count === 0) throw new Error(`export ${exportId} is no longer running`);
    },
    { timeout: 10 * 60_000 },
  );
}

/** The job failed, was cancelled or lost its worker: the line says so, and holds no bytes. */
export async function endUnfinishedExport(db: Tx, orgId: string, exportId: string, status: "FAILED" | "CANCELLED", messageKey: string, messageParams?: Record<string, string | number>) {
  await db.exportFile.updateMany({
    where: { orgId, id: exportId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status, messageKey, messageParams: messageParams ? toJsonValue(messageParams) : undefined, finishedAt: new Date() },
  });
}
