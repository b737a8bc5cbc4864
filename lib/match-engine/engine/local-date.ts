// Calendar dates as day numbers (days since 1970-01-01) and wall-clock times as seconds since then,
// computed with integer arithmetic: no Date, no time zone, so "2025-03-01" is the same day on every
// machine. A run keeps a small cache because millions of rows share a few dozen dates.
export const SECONDS_PER_DAY = 86_400;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The inverse: day number → "YYYY-MM-DD". */
export function dateOfDay(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const next = month === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
  return day <= next - daysFromCivil(year, month, 1);
}

function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** "…THH:mm:ss" → seconds of the day, or −1 when the text is not in that shape. */
function timeOfDaySeconds(text: string): number {
  const separator = text.charCodeAt(10);
  if ((separator !== 84 && separator !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return -1;
  const hours = twoDigits(text, 11);
  const minutes = twoDigits(text, 14);
  const seconds = twoDigits(text, 17);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return -1;
  return hours * 3600 + minutes * 60 + seconds;
}

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`not a date: "${value}"`);
  }
}

/** Parses "YYYY-MM-DD" and "YYYY-MM-DDTHH:mm:ss"; one per run (its cache is the run's). */
export class LocalDateParser {
  private readonly days = new Map<string, number>();

  day(date: string): number {
    const cached = this.days.get(date);
    if (cached !== undefined) return cached;
    const match = DATE_PATTERN.exec(date);
    if (!match) throw new InvalidDateError(date);
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!validDay(year, month, day)) throw new InvalidDateError(date);
    const value = daysFromCivil(year, month, day);
    this.days.set(date, value);
    return value;
  }

  private readonly daysByNumber = new Map<number, number>();

  /** The day of "YYYY-MM-DD…" read from its digits; undefined when they are not a valid date. */
  private dayOfDigits(text: string): number | undefined {
    if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
    const century = twoDigits(text, 0);
    const yearInCentury = twoDigits(text, 2);
    const month = twoDigits(text, 5);
    const day = twoDigits(text, 8);
    if (century < 0 || yearInCentury < 0 || month < 0 || day < 0) return undefined;
    const number = (century * 100 + yearInCentury) * 10_000 + month * 100 + day;
    const cached = this.daysByNumber.get(number);
    if (cached !== undefined) return cached;
    const year = century * 100 + yearInCentury;
    if (!validDay(year, month, day)) return undefined;
    const value = daysFromCivil(year, month, day);
    this.daysByNumber.set(number, value);
    return value;
  }

  /** Seconds since 1970-01-01T00:00:00 of a wall-clock time (or of midnight, for a date). */
  seconds(dateOrDateTime: string): number {
    if (dateOrDateTime.length === 10) return this.day(dateOrDateTime) * SECONDS_PER_DAY;
    if (dateOrDateTime.length === 19) {
      // Fast path for the common "YYYY-MM-DDTHH:mm:ss": millions of rows carry one, so the date part
      // is read digit by digit and cached by its number, without cutting a string out of it.
      const time = timeOfDaySeconds(dateOrDateTime);
      const day = time >= 0 ? this.dayOfDigits(dateOrDateTime) : undefined;
      if (day !== undefined) return day * SECONDS_PER_DAY + time;
    }
    const match = DATE_TIME_PATTERN.exec(dateOrDateTime);
    if (!match) throw new InvalidDateError(dateOrDateTime);
    const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 59) throw new InvalidDateError(dateOrDateTime);
    return this.day(dateOrDateTime.slice(0, 10)) * SECONDS_PER_DAY + hours * 3600 + minutes * 60 + seconds;
  }
}
