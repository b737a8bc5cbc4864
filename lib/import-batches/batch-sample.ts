// A batch keeps a few rows for people to look at, in one of two shapes: the file's raw rows when
// no layout could be recognised (FAILED: the mapping screen picks the header from them), or the
// first normalised rows once it was read (the preview table). The JSON column cannot say which;
// this is the one place that looks.
import type { ImportBatch } from "@/lib/db/generated/client";

export type SampleRecord = Record<string, string | number>;

export type BatchSample = { shape: "rawRows"; rows: string[][] } | { shape: "records"; rows: SampleRecord[] };

const isRawRow = (row: unknown): row is string[] => Array.isArray(row) && row.every((cell) => typeof cell === "string");
const isRecord = (row: unknown): row is SampleRecord => typeof row === "object" && row !== null && !Array.isArray(row);

/** An empty or unexpected sample reads as no records, so nobody is offered rows that are not there. */
export function batchSample(batch: Pick<ImportBatch, "sample">): BatchSample {
  const rows: unknown = batch.sample;
  if (!Array.isArray(rows) || rows.length === 0) return { shape: "records", rows: [] };
  if (rows.every(isRawRow)) return { shape: "rawRows", rows };
  if (rows.every(isRecord)) return { shape: "records", rows };
  return { shape: "records", rows: [] };
}

/** The raw rows a column mapping is chosen from; none once the file was read with a layout. */
export function rawSampleRows(batch: Pick<ImportBatch, "sample">): string[][] {
  const sample = batchSample(batch);
  return sample.shape === "rawRows" ? sample.rows : [];
}

/** The first normalised rows of a read file; none when no layout was recognised. */
export function sampleRecords(batch: Pick<ImportBatch, "sample">): SampleRecord[] {
  const sample = batchSample(batch);
  return sample.shape === "records" ? sample.rows : [];
}
