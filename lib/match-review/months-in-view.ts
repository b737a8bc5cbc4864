// Which months a workspace page shows, from its date filters: a page without a date filter shows
// every month; the unmatched page shows the union of its two panes' ranges. Pure, so the banner
// (a client component reading the URL) and tests share it.

/** A day range as the pages' filters give it ("YYYY-MM-DD", either end open). */
export type DayRange = { from?: string; to?: string };

/** Whether any day of `month` ("YYYY-MM") lies in `range`. */
export function monthInRange(month: string, range: DayRange): boolean {
  return (!range.to || `${month}-01` <= range.to) && (!range.from || `${month}-31` >= range.from);
}

/** The entries whose month a page showing the union of `ranges` has in view. */
export function monthsInView<T extends { month: string }>(months: readonly T[], ranges: readonly DayRange[]): T[] {
  return months.filter((entry) => ranges.some((range) => monthInRange(entry.month, range)));
}

/** The day ranges a workspace page at `pathname` shows, read from its query (see each page's filters). */
export function workspaceRanges(pathname: string, query: { get(name: string): string | null }): DayRange[] {
  const range = (prefix: string): DayRange => ({ from: query.get(`${prefix}from`) || undefined, to: query.get(`${prefix}to`) || undefined });
  // The unmatched page keeps each pane's filters under its prefix (l…, r…).
  if (pathname.startsWith("/reconcile/unmatched")) return [range("l"), range("r")];
  return [range("")];
}
