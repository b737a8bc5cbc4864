// What one cell of the import preview shows. Only date and time columns are reformatted (the
// importer's "2025-03-04T10:00:00" reads as "2025-03-04 10:00:00"); text is shown exactly as the
// file has it — a memo such as "拼多多提现 TX2025…" or "银联ATM取款" keeps every letter.
import { formatMinor, type MoneyLocale } from "@/lib/money";

export const MONEY_COLUMNS: ReadonlySet<string> = new Set(["amountMinor", "paidAmountMinor", "refundMinor", "balanceMinor"]);
const DATE_COLUMNS: ReadonlySet<string> = new Set(["occurredAt", "occurredOn", "createdAt", "orderedAt", "paidAt", "confirmedAt"]);
/** The importer's wall-clock form, "YYYY-MM-DDTHH:mm:ss" (lib/import/types.ts LocalDateTime). */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})$/;

export type SampleRow = Record<string, string | number | boolean | null | undefined>;

export function sampleCellText(row: SampleRow, column: string, locale: MoneyLocale): string {
  const value = column === "occurredAt" ? (row.occurredAt ?? row.occurredOn) : row[column];
  if (value === undefined || value === null) return "";
  if (MONEY_COLUMNS.has(column)) return formatMinor(BigInt(value), String(row.currency ?? "CNY"), locale);
  const text = String(value);
  if (!DATE_COLUMNS.has(column)) return text;
  return text.replace(LOCAL_DATE_TIME, "$1 $2");
}
