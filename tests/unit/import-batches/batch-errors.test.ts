import { describe, expect, it } from "vitest";
import { batchErrors, batchErrorsJson } from "@/lib/import-batches/batch-errors";
import type { ImportError } from "@/lib/import/types";
import { JsonColumnShapeError } from "@/lib/shared/json-column";

const id = "01a23db2-0000-7000-8000-000000000002";
const ERRORS: ImportError[] = [
  { row: 7, column: "金额(元)", code: "INVALID_AMOUNT", params: { value: "abc" }, severity: "error" },
  { row: null, column: null, code: "TOO_MANY_ROWS", params: { limit: 3, fileName: "a.csv" }, severity: "error" },
  { row: 9, column: "余额", code: "BALANCE_IGNORED", params: {}, severity: "warning" },
];

describe("a batch's kept errors", () => {
  it("reads back what it wrote", () => {
    expect(batchErrors({ id, errors: batchErrorsJson(ERRORS) })).toEqual(ERRORS);
    expect(batchErrors({ id, errors: [] })).toEqual([]);
  });

  it("refuses a malformed list with an error naming the column and the batch", () => {
    const malformed = [
      null,
      { row: 1 },
      [{ ...ERRORS[0], severity: "fatal" }],
      [{ ...ERRORS[0], row: "7" }],
      [{ ...ERRORS[0], code: 12 }],
      [{ ...ERRORS[0], params: { nested: { a: 1 } } }],
      [{ row: 1, column: null, severity: "error", params: {} }],
    ];
    for (const errors of malformed) {
      expect(() => batchErrors({ id, errors })).toThrow(JsonColumnShapeError);
      expect(() => batchErrors({ id, errors })).toThrow(`ImportBatch.errors of ${id}`);
    }
  });
});
