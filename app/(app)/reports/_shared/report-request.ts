// What a report page reads first: its filters from the URL (the period defaulting to the newest
// month with orders), checked once; a refused filter is shown beside the form instead of a table.
// Lives in app/ because it loads data for pages.
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { resolveReportFilters, type ReportFilterInput, type ReportFilters } from "@/lib/reports/report-filters";
import { defaultReportPeriod, loadReportScope } from "@/lib/reports/report-scope";
import type { ReportScope } from "@/lib/reports/standard-report";

export const FILTER_PARAMS = ["from", "to", "store", "platform", "account", "by", "compare", "from2", "to2"] as const;

export type ReportRequest = {
  scope: ReportScope;
  /** What the form shows: the URL's values, the period filled in. */
  input: ReportFilterInput & { asOf?: string };
  filters?: ReportFilters;
  problem?: { messageKey: string; params: Record<string, string | number> };
};

export async function readReportRequest(orgId: string, params: Record<string, string | string[] | undefined>): Promise<ReportRequest> {
  const value = (name: string) => (typeof params[name] === "string" ? (params[name] as string) : undefined);
  const scope = await loadReportScope(db, orgId, value("asOf"));
  const input: ReportRequest["input"] = Object.fromEntries(FILTER_PARAMS.flatMap((name) => (value(name) ? [[name, value(name)]] : [])));
  if (!input.from && !input.to) Object.assign(input, await defaultReportPeriod(db, orgId, scope.asOf));
  if (value("asOf")) input.asOf = scope.asOf;
  try {
    return { scope, input, filters: await resolveReportFilters(db, orgId, input) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { scope, input, problem: { messageKey: error.messageKey, params: error.params } };
  }
}

/** The filters as URL parameters (for links, the export and the drill-down), empty ones left out. */
export function filterParams(input: ReportRequest["input"]): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}
