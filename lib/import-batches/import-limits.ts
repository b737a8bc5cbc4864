// Upload limits. IMPORT_MAX_BYTES overrides the size limit (bytes).
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const CHUNK_BYTES = 1024 * 1024;
/** How many errors and sample rows a batch keeps for people to read. */
export const KEPT_ERRORS = 200;
export const KEPT_SAMPLE_ROWS = 20;

export function maxUploadBytes(): number {
  const fromEnv = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MAX_UPLOAD_BYTES;
}
