// What a column of the shared data table is: its type decides alignment, formatting and whether
// the 合计 row sums it. Pure, so the pages that define columns (server or client) and the tests
// share one formatting rule.
import type { ReactNode } from "react";
import { formatMinor, type MoneyLocale } from "@/lib/money";

export type ColumnType = "text" | "money" | "integer" | "percent" | "date";
export type CellValue = string | number | bigint | null | undefined;

export type DataColumn<Row> = {
  /** Also the server's sort key and the key under which widths and visibility are remembered. */
  id: string;
  header: string;
  type: ColumnType;
  value: (row: Row) => CellValue;
  /** The server can order the whole filtered list by this column. */
  sortable?: boolean;
  /** Default width in px (a person's own width wins). */
  size?: number;
  /** Custom content; alignment and the cell's hover text still follow the type and `title`. */
  cell?: (row: Row) => ReactNode;
  /** The full text shown on hover when the cell is cut (memos, 结算单号). Defaults to the formatted value. */
  title?: (row: Row) => string | undefined;
  /** Columns that make a row recognisable (its reference, the checkbox) cannot be hidden. */
  hideable?: boolean;
  /** Money in another currency than CNY. */
  currency?: (row: Row) => string;
};

/** Numbers are read down a column: right-aligned, tabular figures. */
export function alignOf(type: ColumnType): "left" | "right" {
  return type === "money" || type === "integer" || type === "percent" ? "right" : "left";
}

/** Whether the 合计 row and subtotals carry this column. */
export function isSummed(type: ColumnType): boolean {
  return type === "money" || type === "integer";
}

const integerFormat = (locale: MoneyLocale) => new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 0 });
const percentFormat = (locale: MoneyLocale) => new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 2 });

/**
 * A value as accountants read it: money in yuan with ¥ and thousands separators (minor units in,
 * never floats), integers grouped, rates as percent ("0.6%": the value is in percent), dates as is.
 */
export function formatCell(type: ColumnType, value: CellValue, locale: MoneyLocale, currency = "CNY"): string {
  if (value === null || value === undefined || value === "") return "";
  switch (type) {
    case "money":
      return formatMinor(typeof value === "bigint" ? value : BigInt(value), currency, locale);
    case "integer":
      return integerFormat(locale).format(typeof value === "bigint" ? value : Number(value));
    case "percent":
      return `${percentFormat(locale).format(Number(value))}%`;
    default:
      return String(value);
  }
}

/** Sums a money or integer column over rows (the running total of a selection). */
export function sumColumn<Row>(column: DataColumn<Row>, rows: readonly Row[]): bigint {
  let sum = 0n;
  for (const row of rows) {
    const value = column.value(row);
    if (typeof value === "bigint") sum += value;
    else if (typeof value === "number" && Number.isInteger(value)) sum += BigInt(value);
    else if (typeof value === "string" && /^-?\d+$/.test(value)) sum += BigInt(value);
  }
  return sum;
}
