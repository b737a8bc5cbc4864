// The months a chart over time spans. A dashboard opens on one month (the newest with orders), and
// a trend of one point says nothing: so a period of one month (or less) is shown with the eleven
// months before it, ending on the period's last day; a period of several months is shown as it is.
// The per-store and per-platform charts read the period itself.
import { monthBounds, shiftMonth } from "@/lib/ledger/business-day";
import type { ReportFilters } from "@/lib/reports/report-filters";

/** How many months a trend shows when the period is one month. */
export const TREND_MONTHS = 12;

type Period = Pick<ReportFilters, "from" | "to">;

/** The months from `from`'s to `to`'s, both included ("YYYY-MM"). */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let month = period.from.slice(0, 7); month <= period.to.slice(0, 7); month = shiftMonth(month, 1)) months.push(month);
  return months;
}

/** The days a trend reads: the period itself when it spans two months or more, else the TREND_MONTHS months ending with it. */
export function trendPeriod(period: Period): { from: string; to: string } {
  if (monthsOf(period).length >= 2) return { from: period.from, to: period.to };
  return { from: monthBounds(shiftMonth(period.to.slice(0, 7), -(TREND_MONTHS - 1))).first, to: period.to };
}

/** A month's days within [from, to] (the first and last months may be partial), or null when none. */
export function monthWithin(period: Period, month: string): { from: string; to: string } | null {
  const { first, last } = monthBounds(month);
  const from = period.from > first ? period.from : first;
  const to = period.to < last ? period.to : last;
  return from <= to ? { from, to } : null;
}
