// A period moved by whole months, for the reports grouped by month: each month set beside the month
// before (−1) or the same month a year earlier (−12) over the same days. A period ending on a
// month's last day ends on the last day of the month it moves to (30 November → 31 October), and a
// day the shorter month lacks becomes its last day (31 March → 28 February).

/** "YYYY-MM-DD" moved by `months` whole months; `toMonthEnd` keeps a month's last day its last day. */
export function shiftDayByMonths(day: string, months: number, toMonthEnd = false): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const [newYear, newMonth] = [Math.floor(monthIndex / 12), (monthIndex % 12 + 12) % 12];
  const lastOfNew = new Date(Date.UTC(newYear, newMonth + 1, 0)).getUTCDate();
  const lastOfOld = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const newDate = toMonthEnd && date === lastOfOld ? lastOfNew : Math.min(date, lastOfNew);
  return `${String(newYear).padStart(4, "0")}-${String(newMonth + 1).padStart(2, "0")}-${String(newDate).padStart(2, "0")}`;
}

/** [from, to] moved by `months` whole months (see above). */
export function shiftPeriodByMonths(period: { from: string; to: string }, months: number): { from: string; to: string } {
  return { from: shiftDayByMonths(period.from, months), to: shiftDayByMonths(period.to, months, true) };
}
