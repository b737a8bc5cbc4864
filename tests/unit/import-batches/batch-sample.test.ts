import { describe, expect, it } from "vitest";
import { batchSample, rawSample, rawSampleRows, recordsSample, sampleRecords } from "@/lib/import-batches/batch-sample";
import { JsonColumnShapeError } from "@/lib/shared/json-column";

const id = "01a23db2-0000-7000-8000-000000000001";
const RAW = [["记账日", "金额"], ["2025-03-01", "100.00"]];

describe("a batch's sample rows", () => {
  it("reads back what it wrote, tagged with its shape", () => {
    const read = { id, sample: recordsSample([{ sourceRow: 2, occurredOn: "2025-03-01", amountMinor: 10000n, memo: null }]) };
    const raw = { id, sample: rawSample(RAW) };
    expect(batchSample(read)).toEqual({ kind: "rows", rows: [{ sourceRow: 2, occurredOn: "2025-03-01", amountMinor: "10000", memo: null }] });
    expect(batchSample(raw)).toEqual({ kind: "raw", rows: RAW });
    expect(rawSampleRows(read)).toEqual([]);
    expect(sampleRecords(raw)).toEqual([]);
  });

  it("still reads the untagged arrays written before the tag, by the shape of their rows", () => {
    expect(batchSample({ id, sample: RAW })).toEqual({ kind: "raw", rows: RAW });
    expect(batchSample({ id, sample: [{ occurredOn: "2025-03-01", amountMinor: "10000" }] })).toEqual({
      kind: "rows",
      rows: [{ occurredOn: "2025-03-01", amountMinor: "10000" }],
    });
    // The column's default, before any reading: no rows of either shape.
    expect(rawSampleRows({ id, sample: [] })).toEqual([]);
    expect(sampleRecords({ id, sample: [] })).toEqual([]);
  });

  it("refuses a malformed sample with an error naming the column and the batch", () => {
    for (const sample of [[["a"], { b: 1 }], { rows: [] }, null, [[1, 2]], { kind: "raw", rows: [{ a: "1" }] }, { kind: "other", rows: [] }]) {
      expect(() => batchSample({ id, sample })).toThrow(JsonColumnShapeError);
      expect(() => batchSample({ id, sample })).toThrow(`ImportBatch.sample of ${id}`);
    }
  });
});
