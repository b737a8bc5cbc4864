// Small value helpers shared by adapters.
import { normalizeCurrency } from "@/lib/money";
import type { ColumnNames } from "../../normalize/column-names";
import { toLocalDateTime, type ParsedDateTime } from "../../normalize/parse-date-time";
import type { RowCells } from "../../normalize/row-cells";

/** Non-empty parts joined with " / ", without repeating a part; undefined when nothing is left. */
export function joinText(...parts: Array<string | undefined>): string | undefined {
  const seen: string[] = [];
  for (const part of parts) {
    const text = part?.trim();
    if (text && !seen.includes(text)) seen.push(text);
  }
  return seen.length > 0 ? seen.join(" / ") : undefined;
}

/** occurredOn / occurredAt from a date cell, with an optional separate time-of-day cell. */
export function occurredFields(
  when: ParsedDateTime,
  timeOfDay?: string,
): { occurredOn: string; occurredAt?: string } {
  const at = toLocalDateTime(timeOfDay && !when.time ? { date: when.date, time: timeOfDay } : when);
  return at ? { occurredOn: when.date, occurredAt: at } : { occurredOn: when.date };
}

export const abs = (value: bigint): bigint => (value < 0n ? -value : value);

/**
 * Net of split 收入 / 支出 columns: inflow − outflow, each taken as a magnitude whatever sign the
 * export writes (Pinduoduo writes "-27.50" under 支出金额（-元）, others "27.50"). Records
 * MISSING_VALUE on the inflow column when both are empty.
 */
export function netOfSplitColumns(
  row: RowCells,
  inflow: ColumnNames,
  outflow: ColumnNames,
  options: { decimals?: number } = {},
): bigint | undefined {
  const hasInflow = row.text(inflow) !== undefined;
  const hasOutflow = row.text(outflow) !== undefined;
  if (!hasInflow && !hasOutflow) {
    row.error("MISSING_VALUE", inflow, {});
    return undefined;
  }
  const credited = hasInflow ? row.amount(inflow, options) : 0n;
  const debited = hasOutflow ? row.amount(outflow, options) : 0n;
  if (credited === undefined || debited === undefined) return undefined;
  return abs(credited) - abs(debited);
}

/** Currency from a column ("人民币", "CNY"), the fallback when absent; UNKNOWN_CURRENCY when unreadable. */
export function currencyFrom(row: RowCells, names: ColumnNames, fallback: string): string {
  const text = row.text(names);
  if (text === undefined) return fallback;
  const code = normalizeCurrency(text);
  if (!code) {
    row.error("UNKNOWN_CURRENCY", names, { value: text });
    return fallback;
  }
  return code;
}

/** "陈晶 (kuangzhe@126.com)" → name and account; "北京住房公积金管理中心1111111111" → name and digits. */
export function splitNameAndAccount(text: string | undefined): { name?: string; account?: string } {
  if (!text) return {};
  const bracketed = /^(.*?)\s*[(（]([^()（）]+)[)）]$/.exec(text);
  if (bracketed?.[1]) return { name: bracketed[1].trim(), account: bracketed[2]?.trim() };
  const trailingDigits = /^(.*?\D)\s*(\d{6,})$/.exec(text);
  if (trailingDigits?.[1]) return { name: trailingDigits[1].trim(), account: trailingDigits[2] };
  if (/^\d{6,}$/.test(text)) return { account: text };
  return { name: text };
}
