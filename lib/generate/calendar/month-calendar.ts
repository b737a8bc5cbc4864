// Time in the generator is whole seconds from the first midnight of the month, as wall-clock time in
// the shop's zone (Asia/Shanghai), exactly as the exports print it. Date.UTC is used only as a
// calendar (leap years, month lengths), so neither the machine's TZ nor the real clock can leak in.
export const SECONDS_PER_DAY = 86_400;
const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));

export interface MonthCalendar {
  /** "2025-03" */
  month: string;
  year: number;
  /** 1–12 */
  monthNumber: number;
  days: number;
  /** Seconds in the month: times in [0, endSec) fall inside it. */
  endSec: number;
  /** "2025-03-05" for a second offset (negative offsets are days of the previous month). */
  dateOf(sec: number): string;
  /** "2025-03-05 10:15:32" */
  dateTimeOf(sec: number): string;
  /** "20250305" */
  compactDateOf(sec: number): string;
  /** "250305" (Pinduoduo order numbers) */
  shortDateOf(sec: number): string;
  /** "2025年03月05日 10:15:32" (Alipay preambles) */
  chineseDateTimeOf(sec: number): string;
  /** 0 = Sunday … 6 = Saturday */
  weekdayOf(sec: number): number;
}

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthText(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

export function monthCalendar(month: string): MonthCalendar {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new Error(`month must look like 2025-03: ${month}`);
  const year = Number(match[1]);
  const monthNumber = Number(match[2]);
  const startMs = Date.UTC(year, monthNumber - 1, 1);
  const days = Math.round((Date.UTC(year, monthNumber, 1) - startMs) / (SECONDS_PER_DAY * 1000));
  // Day strings are asked for millions of times; they repeat, so they are built once per day.
  const dayCache = new Map<number, { date: string; compact: string; weekday: number }>();
  const day = (sec: number) => {
    const dayIndex = Math.floor(sec / SECONDS_PER_DAY);
    let cached = dayCache.get(dayIndex);
    if (!cached) {
      const at = new Date(startMs + dayIndex * SECONDS_PER_DAY * 1000);
      const y = String(at.getUTCFullYear());
      const m = TWO[at.getUTCMonth() + 1]!;
      const d = TWO[at.getUTCDate()]!;
      cached = { date: `${y}-${m}-${d}`, compact: `${y}${m}${d}`, weekday: at.getUTCDay() };
      dayCache.set(dayIndex, cached);
    }
    return cached;
  };
  const timeOf = (sec: number) => {
    const inDay = sec - Math.floor(sec / SECONDS_PER_DAY) * SECONDS_PER_DAY;
    return `${TWO[Math.floor(inDay / 3600)]}:${TWO[Math.floor(inDay / 60) % 60]}:${TWO[inDay % 60]}`;
  };
  return {
    month,
    year,
    monthNumber,
    days,
    endSec: days * SECONDS_PER_DAY,
    dateOf: (sec) => day(sec).date,
    dateTimeOf: (sec) => `${day(sec).date} ${timeOf(sec)}`,
    compactDateOf: (sec) => day(sec).compact,
    shortDateOf: (sec) => day(sec).compact.slice(2),
    chineseDateTimeOf: (sec) => {
      const compact = day(sec).compact;
      return `${compact.slice(0, 4)}年${compact.slice(4, 6)}月${compact.slice(6, 8)}日 ${timeOf(sec)}`;
    },
    weekdayOf: (sec) => day(sec).weekday,
  };
}
