// A custom report's spec: versioned JSON that names a source, dimensions, measures, filters, sort and
// a row cap from the catalog (catalog.ts). The builder's URL, a saved report and the export all carry
// it; every reader parses it here, so an id outside the catalog is refused with a message naming it,
// and a spec written by an older version is recognised by its version number.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { isCalendarDay } from "@/lib/match-review/filter-problems";
import { daysBetween, MAX_REPORT_DAYS } from "@/lib/reports/report-filters";
import { hasDimension, hasMeasure, isReportSource, type ReportSource } from "./catalog";

export const REPORT_SPEC_VERSION = 1;
/** At most this many groups per report (and the default). */
export const MAX_REPORT_GROUPS = 5000;
export const MAX_DIMENSIONS = 4;
export const MAX_MEASURES = 12;
export const MAX_FILTER_VALUES = 200;

/** What the builder opens on: orders per store and month. */
export const DEFAULT_REPORT_SPEC = { version: 1, source: "orders", dimensions: ["store", "month"], measures: ["count", "paid", "refund"] } as const;

const id = z.string().min(1).max(64);
const day = z.string().refine(isCalendarDay, { message: "reports.custom.validation.day" });

const specSchema = z
  .object({
    version: z.literal(REPORT_SPEC_VERSION),
    source: id,
    dimensions: z.array(id).max(MAX_DIMENSIONS, { message: "reports.custom.validation.tooManyDimensions" }).default([]),
    measures: z.array(id).min(1, { message: "reports.custom.validation.noMeasure" }).max(MAX_MEASURES, { message: "reports.custom.validation.tooManyMeasures" }),
    filters: z
      .object({
        from: day.optional(),
        to: day.optional(),
        /** Per dimension id, the keys a row's value must be one of. */
        values: z.record(id, z.array(z.string().max(100)).min(1).max(MAX_FILTER_VALUES)).default({}),
      })
      .strict()
      .default({ values: {} }),
    sort: z.object({ by: id, dir: z.enum(["asc", "desc"]) }).strict().optional(),
    limit: z.number().int().min(1).max(MAX_REPORT_GROUPS).default(MAX_REPORT_GROUPS),
    chart: z.object({ type: z.literal("bar") }).strict().optional(),
  })
  .strict();

export type ReportSpec = Omit<z.output<typeof specSchema>, "source"> & { source: ReportSource };
export type ReportSpecInput = z.input<typeof specSchema>;

/** The message key (under errors.*) and values a refusal is worded with. */
function refuse(messageKey: string, params: Record<string, string | number> = {}): never {
  throw new AppError("INVALID", { messageKey, params });
}

/**
 * The spec in `input` (parsed JSON), or AppError INVALID naming what is wrong: an unknown version,
 * an unknown source, dimension, measure, filter or sort column (by its id), or a malformed field.
 */
export function parseReportSpec(input: unknown): ReportSpec {
  const version = input && typeof input === "object" ? (input as { version?: unknown }).version : undefined;
  if (version !== REPORT_SPEC_VERSION) refuse("customReportVersion", { version: String(version ?? "").slice(0, 20) });
  const parsed = specSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.map(String).join(".").slice(0, 80) || "spec";
    if (issue.code === "unrecognized_keys") refuse("customReportUnknownKey", { field: issue.keys.join(", ").slice(0, 80) });
    refuse("customReportMalformed", { field: path });
  }
  const spec = parsed.data;
  if (!isReportSource(spec.source)) refuse("customReportUnknownSource", { id: spec.source });
  const source = spec.source;
  for (const dimension of spec.dimensions) if (!hasDimension(source, dimension)) refuse("customReportUnknownDimension", { id: dimension });
  for (const measure of spec.measures) if (!hasMeasure(source, measure)) refuse("customReportUnknownMeasure", { id: measure });
  if (new Set(spec.dimensions).size !== spec.dimensions.length) refuse("customReportDuplicate", { id: duplicateOf(spec.dimensions) });
  if (new Set(spec.measures).size !== spec.measures.length) refuse("customReportDuplicate", { id: duplicateOf(spec.measures) });
  for (const dimension of Object.keys(spec.filters.values)) if (!hasDimension(source, dimension)) refuse("customReportUnknownFilter", { id: dimension });
  if (spec.sort && !spec.dimensions.includes(spec.sort.by) && !spec.measures.includes(spec.sort.by)) refuse("customReportUnknownSort", { id: spec.sort.by });
  const { from, to } = spec.filters;
  if (from && to && from > to) refuse("customReportPeriodOrder");
  if (from && to && daysBetween(from, to) >= MAX_REPORT_DAYS) refuse("customReportPeriodTooLong");
  return { ...spec, source };
}

function duplicateOf(ids: readonly string[]): string {
  return ids.find((value, index) => ids.indexOf(value) !== index) ?? "";
}

/** The spec in the builder's URL (`?spec=` base64url of its JSON), parsed; AppError INVALID if unreadable. */
export function decodeReportSpec(encoded: string): ReportSpec {
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(encoded));
  } catch {
    refuse("customReportUnreadable");
  }
  return parseReportSpec(json);
}

/** The spec as the builder's URL carries it (the browser's builder writes it, so no Buffer). */
export function encodeReportSpec(spec: ReportSpecInput): string {
  const bytes = new TextEncoder().encode(JSON.stringify(spec));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
