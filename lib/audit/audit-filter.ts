// What the audit page's filters ask for, read from the URL. A value the page cannot use is refused
// with a message naming the field (a start date after the end date, a date that does not exist),
// never silently dropped: a filter that quietly does nothing shows a finance user the wrong list.
import { isUuid } from "@/lib/shared/uuid";
import { pageSizeOf, type PageSize } from "@/lib/table-preferences/page-sizes";

/** The "who" filter's value for entries no person made (the CLI, automation). */
export const SYSTEM_ACTOR = "system";

export type AuditFilter = {
  /** An exact kind ("store.update") or a whole area ending in a dot ("store."). */
  action?: string;
  /** A user id, or SYSTEM_ACTOR. */
  actor?: string;
  /** Text in what the entry is about (a store, account, file, e-mail, month), or an entity's id. */
  target?: string;
  /** Local days (the organization's calendar), both included. */
  from?: string;
  to?: string;
  page: number;
  pageSize: PageSize;
};

export type AuditFilterField = "action" | "actor" | "target" | "from" | "to";
/** Message keys under audit.filterErrors. */
export type AuditFilterProblem = { field: AuditFilterField; messageKey: "fromAfterTo" | "badDate" | "badAction" | "badActor" | "targetTooLong" };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ACTION = /^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z0-9]*)?$/;
export const TARGET_MAX = 100;

/** A real calendar day written yyyy-MM-dd (2025-02-30 is not one). */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseAuditFilter(
  params: Record<string, string | string[] | undefined>,
  rememberedPageSize: number | null = null,
): { filter: AuditFilter; problems: AuditFilterProblem[] } {
  const one = (name: string) => {
    const value = params[name];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    return text ? text : undefined;
  };
  const problems: AuditFilterProblem[] = [];
  const filter: AuditFilter = {
    page: Math.min(Math.max(Math.trunc(Number(one("page"))) || 1, 1), 1_000_000),
    pageSize: pageSizeOf(one("size"), rememberedPageSize),
  };

  const action = one("action");
  if (action !== undefined) {
    if (action.length <= 60 && ACTION.test(action)) filter.action = action;
    else problems.push({ field: "action", messageKey: "badAction" });
  }
  const actor = one("actor");
  if (actor !== undefined) {
    if (actor === SYSTEM_ACTOR || isUuid(actor)) filter.actor = actor;
    else problems.push({ field: "actor", messageKey: "badActor" });
  }
  const target = one("target");
  if (target !== undefined) {
    if (target.length <= TARGET_MAX) filter.target = target;
    else problems.push({ field: "target", messageKey: "targetTooLong" });
  }
  for (const field of ["from", "to"] as const) {
    const day = one(field);
    if (day === undefined) continue;
    if (isDay(day)) filter[field] = day;
    else problems.push({ field, messageKey: "badDate" });
  }
  if (filter.from && filter.to && filter.from > filter.to) problems.push({ field: "from", messageKey: "fromAfterTo" });
  return { filter, problems };
}
