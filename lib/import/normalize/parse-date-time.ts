// Dates appear as "2025-01-02 10:00:00", "2025/1/2", "2022/9/19 17:44", "20250102", "2012年12月29日",
// ISO strings with an offset ("2026-10-03 10:12:31 +0200", "2026-06-17 08:14:22 UTC") and Excel
// serial numbers. The result is always the wall-clock date and time *as written*: an offset is
// dropped, never applied, because a business date must not move when the server runs in another zone.
import { toHalfWidth } from "@/lib/money/to-half-width";
import type { LocalDate, LocalDateTime } from "../types";

export interface ParsedDateTime {
  date: LocalDate;
  /** "HH:mm:ss" when the text has a time of day. */
  time?: string;
}

const ZONE_TAIL = String.raw`(?:\s*(?:Z|UTC|GMT|[A-Z]{3,4})?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?`;
const SEPARATED = new RegExp(
  String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?${ZONE_TAIL}$`,
  "i",
);
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?(?:\s*(\d{1,2})[:时](\d{2})(?:[:分](\d{2})秒?)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\s*(\d{2}):?(\d{2}):?(\d{2}))?$/;
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/;
const COMPACT_TIME = /^(\d{2})(\d{2})(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, "0");

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Gregorian calendar, as Date.UTC uses, without allocating a Date. `month` is 1–12. */
function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function build(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h?: string,
  mi?: string,
  s?: string,
): ParsedDateTime | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12)) return null;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (h === undefined || mi === undefined) return { date };
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { date, time: `${pad(hour)}:${pad(minute)}:${pad(second)}` };
}

/**
 * Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug is folded into that epoch for
 * every date after February 1900). Computed in UTC so the host's time zone cannot shift it.
 */
export function excelSerialToDateTime(serial: number): ParsedDateTime | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const totalSeconds = Math.round(serial * 86400);
  const ms = Date.UTC(1899, 11, 30) + totalSeconds * 1000;
  const at = new Date(ms);
  const date = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
  if (totalSeconds % 86400 === 0) return { date };
  return { date, time: `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}` };
}

// "2024-03-01 10:15:32" or "2024-03-01" with every field in range (the day is checked against its
// month below). One regular expression test is cheaper than reading the characters one by one.
const ISO_DATE_TIME = /^(?:19\d\d|2[01]\d\d|2200)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?: (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)?$/;

const digitAt = (text: string, index: number) => text.charCodeAt(index) - 0x30;

/**
 * The shapes nearly every export writes, without the general patterns, and already in output form.
 * undefined: not one of these shapes, or a day its month does not have (parseDateTime then decides,
 * and rejects it the same way).
 */
function parseIsoDateTime(text: string): ParsedDateTime | undefined {
  if (!ISO_DATE_TIME.test(text)) return undefined;
  const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  if (day > daysInMonth(year, month)) return undefined;
  return text.length === 10 ? { date: text } : { date: text.slice(0, 10), time: text.slice(11) };
}

export function parseDateTime(text: string): ParsedDateTime | null {
  const iso = parseIsoDateTime(text);
  if (iso) return iso;
  const s = toHalfWidth(text).trim();
  if (!s) return null;
  const m = SEPARATED.exec(s) ?? CHINESE.exec(s) ?? COMPACT.exec(s);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6]);
  // A five-digit number in a date column is an Excel serial date (10000 = 1927, 99999 = 2173).
  if (EXCEL_SERIAL.test(s)) return excelSerialToDateTime(Number(s));
  return null;
}

/** "18:53:19", "9:05", "185319" → "HH:mm:ss". */
export function parseTimeOfDay(text: string): string | null {
  const s = toHalfWidth(text).trim();
  const m = TIME_OF_DAY.exec(s) ?? COMPACT_TIME.exec(s);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (hour > 23 || minute > 59 || second > 59) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** "2025-01-02" + "10:00:00" → "2025-01-02T10:00:00"; without a time → undefined. */
export function toLocalDateTime(parsed: ParsedDateTime): LocalDateTime | undefined {
  return parsed.time ? `${parsed.date}T${parsed.time}` : undefined;
}

/** Date-time when there is a time of day, else the date alone (for order timestamps). */
export function toDateOrDateTime(parsed: ParsedDateTime): string {
  return toLocalDateTime(parsed) ?? parsed.date;
}
