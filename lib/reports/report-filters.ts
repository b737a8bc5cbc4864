// The filters every standard report reads from its URL (and the export and the CLI from theirs): a
// period of business days, a store, a platform, a fund account, and for some reports how to group
// and what to compare with. Checked here once; a store or account of another company answers
// "not found", exactly like one that does not exist.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { Platform } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { shiftMonth } from "@/lib/ledger/business-day";
import { isCalendarDay } from "@/lib/match-review/filter-problems";

export const REPORT_GROUPINGS = ["store", "platform", "month"] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];
/** mom: the period before of the same length (month on month); yoy: a year earlier; range: from2–to2. */
export const REPORT_COMPARISONS = ["mom", "yoy", "range"] as const;
export type ReportComparison = (typeof REPORT_COMPARISONS)[number];

/** A report reads at most this many days at once (five years): beyond, ask for a narrower period. */
export const MAX_REPORT_DAYS = 1830;

const day = z.string().trim().refine(isCalendarDay, { message: "reports.validation.day" });
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

export const reportFiltersSchema = z
  .object({
    from: day,
    to: day,
    store: optionalText.pipe(z.uuid({ message: "reports.validation.store" }).optional()),
    platform: optionalText.pipe(z.enum(Platform, { message: "reports.validation.platform" }).optional()),
    account: optionalText.pipe(z.uuid({ message: "reports.validation.account" }).optional()),
    by: optionalText.pipe(z.enum(REPORT_GROUPINGS, { message: "reports.validation.by" }).optional()).transform((value) => value ?? "store"),
    compare: optionalText.pipe(z.enum(REPORT_COMPARISONS, { message: "reports.validation.compare" }).optional()).transform((value) => value ?? "mom"),
    from2: optionalText.pipe(day.optional()),
    to2: optionalText.pipe(day.optional()),
  })
  .superRefine((value, ctx) => {
    if (value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "reports.validation.order" });
    else if (daysBetween(value.from, value.to) >= MAX_REPORT_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "reports.validation.tooLong" });
    if (value.compare === "range") {
      if (!value.from2 || !value.to2) ctx.addIssue({ code: "custom", path: ["from2"], message: "reports.validation.rangeRequired" });
      else if (value.from2 > value.to2) ctx.addIssue({ code: "custom", path: ["to2"], message: "reports.validation.order" });
      else if (daysBetween(value.from2, value.to2) >= MAX_REPORT_DAYS) ctx.addIssue({ code: "custom", path: ["to2"], message: "reports.validation.tooLong" });
    }
  });

export type ReportFilters = z.output<typeof reportFiltersSchema>;
export type ReportFilterInput = Partial<Record<keyof z.input<typeof reportFiltersSchema>, string>>;

/** Days from `from` to `to` ("YYYY-MM-DD"), 0 when equal. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The day `by` days after "YYYY-MM-DD" (before, when negative). */
export function addDays(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The period a comparison sets beside [from, to]: the same number of days just before (mom; a
 * whole month gives the whole previous month), the same days a year earlier (yoy), or from2–to2.
 */
export function comparisonPeriod(filters: Pick<ReportFilters, "from" | "to" | "compare" | "from2" | "to2">): { from: string; to: string } {
  if (filters.compare === "range" && filters.from2 && filters.to2) return { from: filters.from2, to: filters.to2 };
  if (filters.compare === "yoy") return { from: shiftYear(filters.from), to: shiftYear(filters.to) };
  if (isWholeMonths(filters.from, filters.to)) {
    const months = monthsSpanned(filters.from, filters.to);
    const from = `${shiftMonth(filters.from.slice(0, 7), -months)}-01`;
    return { from, to: addDays(filters.from, -1) };
  }
  const length = daysBetween(filters.from, filters.to) + 1;
  return { from: addDays(filters.from, -length), to: addDays(filters.from, -1) };
}

function shiftYear(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const [month, date] = [Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${day.slice(5, 7)}-${String(Math.min(date, last)).padStart(2, "0")}`;
}

function isWholeMonths(from: string, to: string): boolean {
  return from.endsWith("-01") && addDays(to, 1).endsWith("-01");
}

function monthsSpanned(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}


/** The error message of each refusal the schema words itself (else the generic one, naming the filter). */
const REFUSALS: Record<string, string> = {
  "reports.validation.day": "reportDayInvalid",
  "reports.validation.order": "reportPeriodReversed",
  "reports.validation.tooLong": "reportPeriodTooLong",
  "reports.validation.rangeRequired": "reportRangeRequired",
};

/**
 * Parses the filters (a zod refusal becomes AppError INVALID naming the filter) and checks that the
 * store and the account are this company's (else NOT_FOUND, as for an id that does not exist).
 */
export async function resolveReportFilters(tx: Tx, orgId: string, input: ReportFilterInput): Promise<ReportFilters> {
  const parsed = reportFiltersSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? "from");
    const value = String(input[field as keyof ReportFilterInput] ?? "").slice(0, 40);
    throw new AppError("INVALID", { messageKey: REFUSALS[issue.message] ?? "reportFilterRefused", params: { filter: field, value }, field });
  }
  const filters = parsed.data;
  if (filters.store && !(await tx.store.findFirst({ where: { orgId, id: filters.store }, select: { id: true } }))) throw new AppError("NOT_FOUND", { messageKey: "storeNotFound" });
  if (filters.account && !(await tx.fundAccount.findFirst({ where: { orgId, id: filters.account }, select: { id: true } }))) throw new AppError("NOT_FOUND", { messageKey: "fundAccountNotFound" });
  return filters;
}
