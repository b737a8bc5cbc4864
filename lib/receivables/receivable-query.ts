// What every receivables reader needs besides its filters: the company, the as-of day (a day given
// in the URL or on the command line, else today in the company's own time zone) and its aging
// buckets. One place, so the page, its export, the report and the CLI age orders the same way.
import type { Tx } from "@/lib/db/client";
import { isCalendarDay } from "@/lib/match-review/filter-problems";
import { formatLocalDateTime } from "@/lib/shared/local-time";
import type { ReceivableQuery } from "./list-receivables";
import { loadReceivableSettings, type ReceivableSettingsView } from "./receivable-settings";

/** Today in `timeZone`, as "YYYY-MM-DD". */
export function todayIn(timeZone: string, now = new Date()): string {
  return formatLocalDateTime(now, timeZone).slice(0, 10);
}

export async function loadReceivableQuery(tx: Tx, orgId: string, asOf?: string): Promise<ReceivableQuery & { settings: ReceivableSettingsView; timeZone: string }> {
  const [org, settings] = await Promise.all([tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { timezone: true } }), loadReceivableSettings(tx, orgId)]);
  return { orgId, asOf: asOf && isCalendarDay(asOf) ? asOf : todayIn(org.timezone), buckets: settings.buckets, settings, timeZone: org.timezone };
}
