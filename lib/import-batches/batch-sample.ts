// A batch keeps a few rows for people to look at, in one of two shapes: the first normalised rows
// once the file was read (the preview table), or the file's raw rows when no layout could be
// recognised (FAILED: the mapping screen picks the header from them). The column stores which, as
// { kind, rows }; this is the one place that writes and reads it.
import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import { readJsonColumn } from "@/lib/shared/json-column";
import { toJsonValue } from "@/lib/shared/json-safe";

/** A normalised row as JSON: amounts in minor units and dates as strings, absent values null. */
export type SampleRecord = Record<string, string | number | boolean | null>;

export type BatchSample = { kind: "rows"; rows: SampleRecord[] } | { kind: "raw"; rows: string[][] };

const records = z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])));
const rawRows = z.array(z.array(z.string()));

const batchSampleSchema = z.union([
  z.discriminatedUnion("kind", [z.object({ kind: z.literal("rows"), rows: records }), z.object({ kind: z.literal("raw"), rows: rawRows })]),
  // Written before the tag (issue 13): a bare array, whose rows say which shape it is. An empty one
  // (also the column's default, before any reading) has no rows of either shape.
  rawRows.transform((rows): BatchSample => ({ kind: "raw", rows })),
  records.transform((rows): BatchSample => ({ kind: "rows", rows })),
]);

/** The preview's first normalised rows (bigints become decimal strings, dates ISO strings). */
export function recordsSample(rows: readonly unknown[]): Prisma.InputJsonValue {
  return toJsonValue({ kind: "rows", rows });
}

/** The first raw rows of a file no layout recognised, for the mapping screen. */
export function rawSample(rows: readonly (readonly string[])[]): Prisma.InputJsonValue {
  return toJsonValue({ kind: "raw", rows });
}

export function batchSample(batch: { id: string; sample: unknown }): BatchSample {
  return readJsonColumn(batchSampleSchema, batch.sample, "ImportBatch.sample", batch.id);
}

/** The raw rows a column mapping is chosen from; none once the file was read with a layout. */
export function rawSampleRows(batch: { id: string; sample: unknown }): string[][] {
  const sample = batchSample(batch);
  return sample.kind === "raw" ? sample.rows : [];
}

/** The first normalised rows of a read file; none when no layout was recognised. */
export function sampleRecords(batch: { id: string; sample: unknown }): SampleRecord[] {
  const sample = batchSample(batch);
  return sample.kind === "rows" ? sample.rows : [];
}
