// A report's words in the reader's language: headers are message keys, coded text cells (platform,
// fee type, account type) are codes under a namespace. The page, the export and the CLI read a
// report through these two functions, so a header or a code reads the same in all three.
import { formatMinor, type MoneyLocale } from "@/lib/money";
import type { ReportCell, ReportColumn, ReportNote } from "./report-result";

export type ReportTranslator = (key: string, values?: Record<string, string | number>) => string;

export function columnLabel(t: ReportTranslator, column: ReportColumn): string {
  return t(column.label, column.labelValues);
}

/** A cell as it is shown: a code translated, everything else unchanged. */
export function cellValue(t: ReportTranslator, column: ReportColumn, value: ReportCell | undefined): ReportCell {
  if (value === undefined) return null;
  return column.codes && typeof value === "string" && value !== "" ? t(`${column.codes}.${value}`) : value;
}

/** A note in the reader's words, its amounts formatted as the page prints money. */
export function noteText(t: ReportTranslator, note: ReportNote, locale: MoneyLocale): string {
  const money = Object.fromEntries(Object.entries(note.money ?? {}).map(([name, amount]) => [name, formatMinor(amount.minor, amount.currency, locale)]));
  return t(note.key, { ...note.values, ...money });
}
