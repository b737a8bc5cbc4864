// Reads a staged upload through the import parser, reporting progress by bytes read.
import type { Db } from "@/lib/db/client";
import type { ImportBatch } from "@/lib/db/generated/client";
import { parseImportFile, type FailedImport, type OpenedImport } from "@/lib/import";
import type { ColumnMapping } from "@/lib/import";
import type { ImportKind } from "@/lib/import/types";
import { mappingForFormat } from "./column-mappings";
import { importLimits } from "./import-limits";
import { readStagedFile } from "./stage-upload";

export type ScanOptions = {
  format?: string;
  kind?: ImportKind;
  columnMapping?: ColumnMapping;
  /** A statement file of several accounts: read only this account's transactions (else it is refused). */
  statementAccount?: string;
  /** Called with 0..1 as the file is read, at most every 250 ms. */
  onProgress?: (fraction: number) => void;
};

/**
 * A progress report may throw to stop the reading — a cancelled job's does (lib/jobs/run-job.ts).
 * Thrown inside the byte stream, the parser would take it for a broken file (READ_FAILED) and carry
 * on with the rows it had: a cancelled preview would show a truncated file, a cancelled commit would
 * store part of it. So the bytes just stop, and the report's error is thrown again outside the parser.
 */
type Stop = { stopped: boolean; error: unknown };

async function* countingBytes(
  source: AsyncIterable<Uint8Array>,
  totalBytes: number,
  stop: Stop,
  onProgress?: (fraction: number) => void,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  let reportedAt = 0;
  for await (const chunk of source) {
    read += chunk.length;
    const now = Date.now();
    if (onProgress && now - reportedAt > 250) {
      reportedAt = now;
      try {
        onProgress(totalBytes > 0 ? Math.min(1, read / totalBytes) : 1);
      } catch (error) {
        Object.assign(stop, { stopped: true, error });
        return;
      }
    }
    yield chunk;
  }
}

/** The parser's batches, ended by the progress report's error as soon as it stopped the bytes. */
async function* untilStopped<T>(batches: AsyncIterable<T>, stop: Stop): AsyncGenerator<T> {
  for await (const part of batches) {
    if (stop.stopped) throw stop.error;
    yield part;
  }
  if (stop.stopped) throw stop.error;
}

export async function openStagedFile(db: Db, batch: ImportBatch, options: ScanOptions): Promise<OpenedImport | FailedImport> {
  const stop: Stop = { stopped: false, error: undefined };
  const stream = countingBytes(readStagedFile(db, batch.orgId, batch.id), Number(batch.fileSizeBytes), stop, options.onProgress);
  // A format id "mapping:…" names a saved column mapping rather than an adapter.
  const columnMapping = options.columnMapping ?? (await mappingForFormat(db, batch.orgId, options.format));
  const detection = columnMapping
    ? { columnMapping, statementAccount: options.statementAccount }
    : { format: options.format, kind: options.kind, statementAccount: options.statementAccount };
  const opened = await parseImportFile({ fileName: batch.fileName, stream }, { ...detection, limits: importLimits() });
  if (stop.stopped) throw stop.error;
  if (!opened.ok) return opened;
  // One line per kind: each keeps its own row type.
  if (opened.kind === "bank") opened.batches = untilStopped(opened.batches, stop);
  else if (opened.kind === "orders") opened.batches = untilStopped(opened.batches, stop);
  else opened.batches = untilStopped(opened.batches, stop);
  return opened;
}
