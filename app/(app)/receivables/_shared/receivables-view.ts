// What every 回款管理 page reads first: the company's clock (today in its time zone is the default
// as-of day), its buckets and follow-up levels, and the order-date range in view. Lives in app/
// because it loads data for pages.
import { db } from "@/lib/db/client";
import { isCalendarDay } from "@/lib/match-review/filter-problems";
import type { ReceivableQuery } from "@/lib/receivables/list-receivables";
import { newestOrderMonth } from "@/lib/receivables/newest-order-month";
import { loadReceivableQuery, todayIn } from "@/lib/receivables/receivable-query";
import type { ReceivableSettingsView } from "@/lib/receivables/receivable-settings";

export type ReceivablesView = {
  timeZone: string;
  today: string;
  asOf: string;
  settings: ReceivableSettingsView;
  query: ReceivableQuery;
};

export async function loadReceivablesView(orgId: string, params: Record<string, string | undefined>): Promise<ReceivablesView> {
  // An as-of day that is not a day falls back to today; the list's filter form says it was refused.
  const { settings, timeZone, ...query } = await loadReceivableQuery(db, orgId, params.asOf?.trim());
  return { timeZone, today: todayIn(timeZone), asOf: query.asOf, settings, query };
}

/** "YYYY-MM-01" and the month's last day. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

export { shiftMonth } from "@/lib/ledger/business-day";

/**
 * The overview's order-date range: from/to when the URL gives them, none for "全部" (range=all),
 * else the newest order's month (else this month).
 */
export async function overviewRange(orgId: string, params: Record<string, string | undefined>, today: string): Promise<{ from?: string; to?: string; all: boolean }> {
  if (params.range === "all") return { all: true };
  const from = params.from && isCalendarDay(params.from) ? params.from : undefined;
  const to = params.to && isCalendarDay(params.to) ? params.to : undefined;
  if (from || to) return { from, to, all: false };
  return { ...monthRange((await newestOrderMonth(db, orgId)) ?? today.slice(0, 7)), all: false };
}
