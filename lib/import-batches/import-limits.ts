// Upload limits. IMPORT_MAX_BYTES overrides the size limit (bytes); IMPORT_MAX_ROWS and
// IMPORT_MAX_COLUMNS the data rows and the columns one file may have (see lib/import/limits.ts).
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "@/lib/import";

export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const CHUNK_BYTES = 1024 * 1024;
/** How many errors and sample rows a batch keeps for people to read. */
export const KEPT_ERRORS = 200;
export const KEPT_SAMPLE_ROWS = 20;

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const fromEnv = Number(process.env[name]);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}

export function maxUploadBytes(): number {
  const fromEnv = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MAX_UPLOAD_BYTES;
}

/** What every read of an upload (preview, commit, CLI) is held to. */
export function importLimits(): ImportLimits {
  return {
    maxRows: positiveIntegerFromEnv("IMPORT_MAX_ROWS", DEFAULT_IMPORT_LIMITS.maxRows),
    maxColumns: positiveIntegerFromEnv("IMPORT_MAX_COLUMNS", DEFAULT_IMPORT_LIMITS.maxColumns),
    maxLineChars: DEFAULT_IMPORT_LIMITS.maxLineChars,
  };
}
