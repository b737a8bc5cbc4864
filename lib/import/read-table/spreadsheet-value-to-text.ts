// Spreadsheet cells hold numbers and dates, but the rest of the pipeline works on text exactly as a
// CSV would give it. The conversions here decide what "as written" means for a typed cell.
import { excelSerialToDateTime } from "../normalize/parse-date-time";

/**
 * Excel keeps 15 significant digits, so a stored 0.30000000000000004 was typed as 0.3; rounding to
 * 15 digits gives back what the user saw and keeps the money parser exact.
 */
export function numberToText(value: number): string {
  if (!Number.isFinite(value)) return "";
  // Beyond 2^53 a number cell no longer holds the digits typed (Excel keeps 15): say it as Excel
  // shows it, "3.34987654321001E+18", which the row reader refuses instead of keying a row by it.
  if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return value.toExponential(14).replace(/\.?0+e/, "e").toUpperCase();
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  const text = String(Number(value.toPrecision(15)));
  if (!/e/i.test(text)) return text;
  return value.toFixed(10).replace(/0+$/, "").replace(/\.$/, "");
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * exceljs turns date cells into Date objects whose UTC fields are the wall-clock value typed in the
 * cell, so the UTC getters (never the local ones) give the date as written.
 */
export function dateToText(value: Date): string {
  if (Number.isNaN(value.getTime())) return "";
  const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const h = value.getUTCHours();
  const m = value.getUTCMinutes();
  const s = value.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad(h)}:${pad(m)}:${pad(s)}`;
}

/** A numeric cell formatted as a date or time (legacy .xls gives the serial and the format). */
export function serialToText(serial: number): string {
  if (serial >= 0 && serial < 1) {
    const seconds = Math.round(serial * 86400);
    return `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  }
  const parsed = excelSerialToDateTime(serial);
  if (!parsed) return numberToText(serial);
  return parsed.time ? `${parsed.date} ${parsed.time}` : parsed.date;
}
