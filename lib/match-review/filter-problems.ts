// What is wrong with a list's filters as the URL carries them. The list schemas (list-groups,
// list-unmatched) drop a value they cannot read, which is right for the query but wrong for the
// person: "金额不低于 abc" silently showing every row looks like a filtered list with a wrong total.
// So the page asks here first and, when something is wrong, says so next to that filter and shows
// no rows rather than rows the filter did not choose. Pure: the server page and the client pane
// both call it.
import { readYuanInput, type YuanInputProblem } from "@/lib/money";

/** A message key under workspace.filterProblems, with its values. */
export type FilterProblem = { key: string; values?: Record<string, string | number> };
export type FilterProblems = Partial<Record<string, FilterProblem>>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day (2025-02-30 is not one), written as the date inputs write it. */
export function isCalendarDay(text: string): boolean {
  const parts = DATE.exec(text);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const AMOUNT_KEYS: Record<YuanInputProblem, string> = {
  EMPTY: "amountNotANumber",
  NOT_A_NUMBER: "amountNotANumber",
  TOO_MANY_DECIMALS: "amountDecimals",
  NEGATIVE: "amountNegative",
  TOO_LARGE: "amountTooLarge",
};

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** Amount bounds (min ≤ max), a date range (from ≤ to) and the page number. */
function rangeProblems(values: Record<string, string | undefined>): FilterProblems {
  const problems: FilterProblems = {};
  const amounts: Record<string, bigint> = {};
  for (const name of ["min", "max"]) {
    const text = values[name];
    if (!present(text)) continue;
    const read = readYuanInput(text);
    if (read.ok) amounts[name] = read.value;
    else problems[name] = { key: AMOUNT_KEYS[read.problem] };
  }
  if (amounts.min !== undefined && amounts.max !== undefined && amounts.min > amounts.max) problems.max = { key: "minAboveMax" };

  for (const name of ["from", "to"]) {
    const text = values[name];
    // The value goes into the message: a date field cannot show a day that does not exist.
    if (present(text) && !isCalendarDay(text.trim())) problems[name] = { key: "date", values: { value: text.trim().slice(0, 20) } };
  }
  if (present(values.from) && present(values.to) && !problems.from && !problems.to && values.from.trim() > values.to.trim()) problems.to = { key: "fromAfterTo" };

  if (present(values.page) && !/^\d{1,6}$/.test(values.page.trim())) problems.page = { key: "pageInvalid" };
  else if (present(values.page) && Number(values.page) < 1) problems.page = { key: "pageInvalid" };
  return problems;
}

function choiceProblem(value: string | undefined, known: ReadonlySet<string>, key: string): FilterProblem | undefined {
  return present(value) && !known.has(value) ? { key } : undefined;
}

/** The filters of the proposals, approvals and matched lists. */
export function groupFilterProblems(
  values: Record<string, string | undefined>,
  known: { stores: ReadonlySet<string>; accounts: ReadonlySet<string>; rules: ReadonlySet<string> },
): FilterProblems {
  const problems = rangeProblems(values);
  const store = choiceProblem(values.store, known.stores, "unknownStore");
  if (store) problems.store = store;
  const account = choiceProblem(values.account, known.accounts, "unknownAccount");
  if (account) problems.account = account;
  const rule = choiceProblem(values.rule, known.rules, "unknownRule");
  if (rule) problems.rule = rule;
  if (present(values.minConfidence)) {
    const text = values.minConfidence.trim();
    if (!/^\d{1,3}$/.test(text) || Number(text) > 100) problems.minConfidence = { key: "confidence" };
  }
  return problems;
}

/** One pane of the unmatched workspace (its values without the pane's l/r prefix). */
export function unmatchedFilterProblems(values: Record<string, string | undefined>, owners: ReadonlySet<string>): FilterProblems {
  const problems = rangeProblems(values);
  const owner = choiceProblem(values.owner, owners, "unknownOwner");
  if (owner) problems.owner = owner;
  if (present(values.q) && values.q.trim().length > 100) problems.q = { key: "searchTooLong" };
  return problems;
}

/** Asked after the list is loaded: a page past the last one is a message, not an empty list. */
export function pageProblem(page: number, pages: number): FilterProblem | undefined {
  return page > Math.max(pages, 1) ? { key: "pageBeyond", values: { page, pages: Math.max(pages, 1) } } : undefined;
}

export function hasProblems(problems: FilterProblems): boolean {
  return Object.values(problems).some(Boolean);
}

/** The 回款管理 order list (app/(app)/receivables/orders): its choices are checked against the company's own stores, buckets and members. */
export function receivableFilterProblems(
  values: Record<string, string | undefined>,
  known: { stores: ReadonlySet<string>; buckets: ReadonlySet<string>; members: ReadonlySet<string>; platforms: ReadonlySet<string>; statuses: ReadonlySet<string>; follow: ReadonlySet<string> },
): FilterProblems {
  const problems = rangeProblems(values);
  const checks: [string, ReadonlySet<string>, string][] = [
    ["store", known.stores, "unknownStore"],
    ["bucket", known.buckets, "unknownBucket"],
    ["platform", known.platforms, "unknownPlatform"],
    ["status", known.statuses, "unknownStatus"],
    ["due", new Set(["open", "overdue"]), "unknownStatus"],
    ["follow", known.follow, "unknownFollow"],
  ];
  for (const [name, set, key] of checks) {
    const problem = choiceProblem(values[name], set, key);
    if (problem) problems[name] = problem;
  }
  if (present(values.owner) && values.owner !== "none" && !known.members.has(values.owner)) problems.owner = { key: "unknownMember" };
  if (present(values.q) && values.q.trim().length > 64) problems.q = { key: "orderNoTooLong" };
  for (const name of ["asOf", "nextBy"]) {
    const value = values[name];
    if (present(value) && !isCalendarDay(value.trim())) problems[name] = { key: "date", values: { value: value.trim().slice(0, 20) } };
  }
  return problems;
}
