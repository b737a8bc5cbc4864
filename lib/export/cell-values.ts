// A row value turned into what each writer needs: the typed spreadsheet value, or the text a
// person reads (PDF cells, and the widths both writers measure).
import { AppError } from "@/lib/errors";
import { formatMinor, type MoneyLocale } from "@/lib/money";
import type { ExportColumn, ExportLocale, ExportValue } from "./export-table";
import { minorToSpreadsheetNumber } from "./excel-money";
import { neutraliseFormula } from "./neutralise-formula";
import { formatLocalDateTime } from "@/lib/shared/local-time";

const DATE_TEXT = /^(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?$/;

/** A date column's value as a Date whose UTC fields are the wall-clock time to show. */
export function toWallClockDate(value: Date | string, column: ExportColumn): Date {
  if (value instanceof Date) return value;
  const m = DATE_TEXT.exec(value);
  if (!m) throw new AppError("INVALID", { messageKey: "exportBadValue", params: { column: column.label, value } });
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  return new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s));
}

function badValue(column: ExportColumn, value: ExportValue): AppError {
  return new AppError("INVALID", { messageKey: "exportBadValue", params: { column: column.label, value: String(value) } });
}

function integerNumber(value: ExportValue, column: ExportColumn): number {
  const n = typeof value === "bigint" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n)) throw badValue(column, value);
  return n;
}

/** The value as exceljs should store it: numbers stay numbers, dates dates, text guarded. */
export function spreadsheetValue(value: ExportValue, column: ExportColumn): string | number | Date | null {
  if (value === null || value === undefined || value === "") return null;
  switch (column.type) {
    case "text":
      return neutraliseFormula(String(value));
    case "money":
      if (typeof value !== "bigint") throw badValue(column, value);
      return minorToSpreadsheetNumber(value, column.currency ?? "CNY");
    case "integer":
      return integerNumber(value, column);
    case "percent":
      if (typeof value !== "number" || !Number.isFinite(value)) throw badValue(column, value);
      return value;
    case "date":
      if (!(value instanceof Date) && typeof value !== "string") throw badValue(column, value);
      return toWallClockDate(value, column);
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

function wallClockText(date: Date, withTime: boolean): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (!withTime) return day;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** The value as a person reads it: "¥1,234.56", "12,345", "12.50%", "2026-11-03". */
export function displayText(value: ExportValue, column: ExportColumn, locale: ExportLocale): string {
  if (value === null || value === undefined) return "";
  switch (column.type) {
    case "text":
      return String(value);
    case "money":
      if (typeof value !== "bigint") throw badValue(column, value);
      return formatMinor(value, column.currency ?? "CNY", locale as MoneyLocale);
    case "integer":
      return integerNumber(value, column).toLocaleString("en-US");
    case "percent":
      if (typeof value !== "number") throw badValue(column, value);
      return `${(value * 100).toFixed(2)}%`;
    case "date":
      if (!(value instanceof Date) && typeof value !== "string") throw badValue(column, value);
      return wallClockText(toWallClockDate(value, column), column.withTime ?? false);
  }
}

/** An instant as "YYYY-MM-DD HH:mm" on the clock of timeZone (for "generated at"). */
export function instantText(instant: Date, timeZone: string): string {
  return formatLocalDateTime(instant, timeZone).slice(0, 16);
}
