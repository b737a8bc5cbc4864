// Which match groups count: a booked one, and a manual one waiting for its reviewer. Their items
// are spent (nobody else may take those parts of the rows), a run treats them as given, an import
// batch they use cannot be undone, and what is left of a row is its amount less what they took.
// Proposals, rejected and reversed groups take nothing. Every reader (workspace, runs, imports,
// and later receivables, reports and alerts) asks here, in TypeScript or in SQL.
import type { MatchStatus } from "@/lib/db/generated/enums";

export const COUNTING_STATUSES = ["CONFIRMED", "PENDING_APPROVAL"] as const satisfies readonly MatchStatus[];
export type CountingStatus = (typeof COUNTING_STATUSES)[number];

export function isCounting(status: MatchStatus): status is CountingStatus {
  return (COUNTING_STATUSES as readonly MatchStatus[]).includes(status);
}

// Spelled as literals, not a bind parameter: the planner sees the exact few values (a parameter
// array would make it guess), and COPY, which takes no parameters, can use the same text.
const COUNTING_LIST = COUNTING_STATUSES.map((status) => `'${status}'`).join(", ");

/** SQL: true when the group status `column` counts. */
export function countingStatusSql(column: string): string {
  return `${column} IN (${COUNTING_LIST})`;
}

/** Every other status. Listed, not negated, so the (orgId, status) index finds the few such groups. */
const NOT_COUNTING_STATUSES = ["PROPOSED", "REJECTED", "REVERSED"] as const satisfies readonly Exclude<MatchStatus, CountingStatus>[];
// A status added to the enum but to neither list stops the build here.
const _everyStatusListed: Exclude<MatchStatus, CountingStatus | (typeof NOT_COUNTING_STATUSES)[number]> extends never ? true : never = true;
const NOT_COUNTING_LIST = NOT_COUNTING_STATUSES.map((status) => `'${status}'`).join(", ");

/** SQL: true when the group status `column` does not count (the few proposals, rejected, reversed). */
export function notCountingStatusSql(column: string): string {
  return `${column} IN (${NOT_COUNTING_LIST})`;
}
