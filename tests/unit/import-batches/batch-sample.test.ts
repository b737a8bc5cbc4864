import { describe, expect, it } from "vitest";
import { batchSample, rawSampleRows, sampleRecords } from "@/lib/import-batches/batch-sample";

describe("a batch's sample rows", () => {
  it("tells the raw rows of an unrecognised file from the normalised rows of a read one", () => {
    const raw = { sample: [["记账日", "金额"], ["2025-03-01", "100.00"]] };
    const read = { sample: [{ occurredOn: "2025-03-01", amountMinor: "10000" }] };
    expect(batchSample(raw)).toEqual({ shape: "rawRows", rows: raw.sample });
    expect(batchSample(read)).toEqual({ shape: "records", rows: read.sample });
    expect(rawSampleRows(read)).toEqual([]);
    expect(sampleRecords(raw)).toEqual([]);
  });

  it("reads an empty, mixed or non-array sample as no rows of either shape", () => {
    for (const sample of [[], [["a"], { b: 1 }], { rows: [] }, null, [[1, 2]]]) {
      expect(rawSampleRows({ sample })).toEqual([]);
      expect(sampleRecords({ sample })).toEqual([]);
    }
  });
});
