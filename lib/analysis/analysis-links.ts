// Where a chart's bar or point leads: pages that already list the rows behind it (a report's
// drill-down, 回款管理's order list, the workspace's lists), with the dashboard's filters carried
// over. Pure: a URL from the filters and the row's key.
import type { ReportFilters } from "@/lib/reports/report-filters";

/** A URL of `path` with the parameters that have a value. */
export function linkTo(path: string, params: Record<string, string | undefined>): string {
  const kept = Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "");
  return kept.length > 0 ? `${path}?${new URLSearchParams(kept).toString()}` : path;
}

/** The store and platform filters, as the report and receivables pages read them. */
export function storeParams(filters: Pick<ReportFilters, "store" | "platform">): Record<string, string | undefined> {
  return { store: filters.store, platform: filters.platform };
}

/** A standard report's drill-down page (/reports/<id>/rows): its filters, and the drill key as k.<name>. */
export function reportRowsLink(report: string, filters: Record<string, string | undefined>, key: Record<string, string>): string {
  return linkTo(`/reports/${report}/rows`, { ...filters, ...Object.fromEntries(Object.entries(key).map(([name, value]) => [`k.${name}`, value])) });
}
