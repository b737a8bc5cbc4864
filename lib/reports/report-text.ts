// A report's words in the reader's language: headers are message keys, coded text cells (platform,
// fee type, account type) are codes under a namespace. The page, the export and the CLI read a
// report through these two functions, so a header or a code reads the same in all three.
import type { ReportCell, ReportColumn } from "./report-result";

export type ReportTranslator = (key: string, values?: Record<string, string | number>) => string;

export function columnLabel(t: ReportTranslator, column: ReportColumn): string {
  return t(column.label, column.labelValues);
}

/** A cell as it is shown: a code translated, everything else unchanged. */
export function cellValue(t: ReportTranslator, column: ReportColumn, value: ReportCell | undefined): ReportCell {
  if (value === undefined) return null;
  return column.codes && typeof value === "string" && value !== "" ? t(`${column.codes}.${value}`) : value;
}
