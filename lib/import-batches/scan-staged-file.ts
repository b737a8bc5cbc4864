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
  /** Called with 0..1 as the file is read, at most every 250 ms. */
  onProgress?: (fraction: number) => void;
};

async function* countingBytes(
  source: AsyncIterable<Uint8Array>,
  totalBytes: number,
  onProgress?: (fraction: number) => void,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  let reportedAt = 0;
  for await (const chunk of source) {
    read += chunk.length;
    const now = Date.now();
    if (onProgress && now - reportedAt > 250) {
      reportedAt = now;
      onProgress(totalBytes > 0 ? Math.min(1, read / totalBytes) : 1);
    }
    yield chunk;
  }
}

export async function openStagedFile(db: Db, batch: ImportBatch, options: ScanOptions): Promise<OpenedImport | FailedImport> {
  const stream = countingBytes(readStagedFile(db, batch.orgId, batch.id), Number(batch.fileSizeBytes), options.onProgress);
  // A format id "mapping:…" names a saved column mapping rather than an adapter.
  const columnMapping = options.columnMapping ?? (await mappingForFormat(db, batch.orgId, options.format));
  const detection = columnMapping ? { columnMapping } : { format: options.format, kind: options.kind };
  return parseImportFile({ fileName: batch.fileName, stream }, { ...detection, limits: importLimits() });
}
