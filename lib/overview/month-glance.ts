// Everything the home page shows of one month, read in one go: the month's close status, money
// still to trace and to-dos (lib/match-review/month-summary.ts), its 回款 figures on the as-of day
// (glance-money.ts), what is due company-wide (glance-todo.ts) and the last imports and runs
// (recent-work.ts). Each figure is computed by the reader that owns its rule; this only gathers them.
import type { Tx } from "@/lib/db/client";
import { monthSummary, type MonthSummary } from "@/lib/match-review/month-summary";
import { loadReceivableQuery } from "@/lib/receivables/receivable-query";
import { glanceMoney, type GlanceMoney } from "./glance-money";
import { followUpsDue, openAlerts } from "./glance-todo";
import { recentImports, recentRuns, type RecentImport, type RecentRun } from "./recent-work";

export type MonthGlance = {
  summary: MonthSummary;
  money: GlanceMoney;
  /** Company-wide: orders whose follow-up is due by the as-of day, and alerts still open. */
  followUpsDue: number;
  openAlerts: number;
  imports: RecentImport[];
  runs: RecentRun[];
  /** The company's time zone, in which the page shows when imports and runs happened. */
  timeZone: string;
};

/** `asOf` defaults to today in the company's time zone (an invalid day too, as on 回款管理). */
export async function loadMonthGlance(tx: Tx, orgId: string, month: string, asOf?: string): Promise<MonthGlance> {
  const { settings: _settings, timeZone, ...query } = await loadReceivableQuery(tx, orgId, asOf);
  const [summary, money, due, alerts, imports, runs] = await Promise.all([
    monthSummary(tx, orgId, month),
    glanceMoney(tx, query, month),
    followUpsDue(tx, query),
    openAlerts(tx, orgId),
    recentImports(tx, orgId),
    recentRuns(tx, orgId),
  ]);
  return { summary, money, followUpsDue: due, openAlerts: alerts, imports, runs, timeZone };
}
