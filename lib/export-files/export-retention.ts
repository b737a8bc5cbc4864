// How long a finished export stays downloadable. EXPORT_RETENTION_HOURS overrides the default week;
// after it the worker's sweep deletes the file's bytes (the export centre keeps the line, and the
// audit log keeps who exported what).
export const DEFAULT_EXPORT_RETENTION_HOURS = 7 * 24;

export function exportRetentionHours(): number {
  const fromEnv = Number(process.env.EXPORT_RETENTION_HOURS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_EXPORT_RETENTION_HOURS;
}
