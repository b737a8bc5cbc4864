// Everything at once, for small files, previews and tests. Large uploads should iterate
// parseImportFile's batches instead.
import { isFileRefusal } from "./limits";
import { parseImportFile, type FailedImport, type ImportInput, type OpenedImport, type ParseImportOptions } from "./parse-import-file";
import { failedImport } from "./pipeline/opened-table";
import type { ImportError } from "./types";

type Collected<T> = T extends { batches: AsyncIterable<{ rows: Array<infer Row> }> }
  ? Omit<T, "batches"> & { rows: Row[]; errors: ImportError[] }
  : never;

export type ImportResult = Collected<OpenedImport> | (FailedImport & { rows: [] });

export interface ParseImportBufferOptions extends ParseImportOptions {
  /** Keep at most this many errors; the rest are counted in a TOO_MANY_ERRORS entry. Default 10 000. */
  maxErrors?: number;
}

export async function parseImportBuffer(
  input: ImportInput,
  options: ParseImportBufferOptions = {},
): Promise<ImportResult> {
  const opened = await parseImportFile(input, options);
  if (!opened.ok) return { ...opened, rows: [] };
  const maxErrors = options.maxErrors ?? 10_000;
  const rows: unknown[] = [];
  const errors: ImportError[] = [];
  let dropped = 0;
  for await (const batch of opened.batches as AsyncIterable<{ rows: unknown[]; errors: ImportError[] }>) {
    // A file past a limit is refused whole, like one that cannot be opened.
    const refusal = batch.errors.find(isFileRefusal);
    if (refusal) return { ...failedImport([refusal], { fileType: opened.fileType, encoding: opened.encoding }), rows: [] };
    for (const row of batch.rows) rows.push(row);
    for (const error of batch.errors) {
      if (errors.length < maxErrors) errors.push(error);
      else dropped++;
    }
  }
  if (dropped > 0) errors.push({ row: null, column: null, code: "TOO_MANY_ERRORS", params: { count: dropped }, severity: "warning" });
  const meta: Record<string, unknown> = { ...opened };
  delete meta.batches;
  return { ...meta, rows, errors } as ImportResult;
}
