// Shared by the import tests: where the real fixtures and synthetic samples live, and narrowing of
// an ImportResult to the kind a test expects.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseImportBuffer, type ImportResult, type ParseImportBufferOptions } from "@/lib/import";
import type { ImportKind } from "@/lib/import/types";

/** Real third-party exports, read from their shared location (never copied into the project). */
export const fixturePath = (...parts: string[]) => path.resolve(process.cwd(), "../shared/fixtures", ...parts);
/** Synthetic samples of layouts the shared fixtures lack. */
export const samplePath = (name: string) => path.resolve(process.cwd(), "tests/samples/import", name);

export function importPath(filePath: string, options?: ParseImportBufferOptions): Promise<ImportResult> {
  return parseImportBuffer({ fileName: path.basename(filePath), data: readFileSync(filePath) }, options);
}

export function importText(fileName: string, text: string, options?: ParseImportBufferOptions): Promise<ImportResult> {
  return parseImportBuffer({ fileName, data: Buffer.from(text, "utf8") }, options);
}

export type Imported<K extends ImportKind> = Extract<ImportResult, { ok: true; kind: K }>;

export function expectImported<K extends ImportKind>(result: ImportResult, kind: K): Imported<K> {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${result.kind}`);
  return result as Imported<K>;
}

export function expectFailed(result: ImportResult): Extract<ImportResult, { ok: false }> {
  if (result.ok) throw new Error(`expected the import to fail, got ${result.rows.length} rows`);
  return result;
}

export function rowAt<R extends { sourceRow: number }>(rows: readonly R[], sourceRow: number): R {
  const row = rows.find((r) => r.sourceRow === sourceRow);
  if (!row) throw new Error(`no row ${sourceRow}`);
  return row;
}
