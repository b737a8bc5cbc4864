// What a report needs besides its filters: the company, its time zone, the day "overdue" is counted
// on (today in the company's zone unless asked), and the period to open on when none is asked for
// (the month of the newest order, so a report opens on data, not on an empty month).
import type { Tx } from "@/lib/db/client";
import { isCalendarDay } from "@/lib/match-review/filter-problems";
import { todayIn } from "@/lib/receivables/receivable-query";
import { monthBounds } from "@/lib/ledger/business-day";
import { newestOrderMonth } from "@/lib/receivables/newest-order-month";
import type { ReportScope } from "./standard-report";

export async function loadReportScope(tx: Tx, orgId: string, asOf?: string): Promise<ReportScope> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { timezone: true } });
  return { orgId, timeZone: org.timezone, asOf: asOf && isCalendarDay(asOf) ? asOf : todayIn(org.timezone) };
}

/** The newest month with orders (by business day), else the month of `today`: first and last day. */
export async function defaultReportPeriod(tx: Tx, orgId: string, today: string): Promise<{ from: string; to: string }> {
  const { first, last } = monthBounds((await newestOrderMonth(tx, orgId)) ?? today.slice(0, 7));
  return { from: first, to: last };
}
