import { describe, expect, it } from "vitest";
import { savedMapping } from "@/lib/import-batches/column-mappings";
import { JsonColumnShapeError } from "@/lib/shared/json-column";

const id = "01a23db2-0000-7000-8000-000000000004";

describe("a saved column mapping", () => {
  it("reads a stored mapping with the schema's defaults", () => {
    expect(savedMapping({ id, mapping: { kind: "bank", date: "记账日", amount: "金额", amountSign: "positiveIsIn", memo: "摘要" } })).toEqual({
      kind: "bank",
      date: "记账日",
      amount: "金额",
      amountSign: "positiveIsIn",
      memo: "摘要",
      defaultCurrency: "CNY",
    });
    // Older mappings were stored without the defaults.
    expect(savedMapping({ id, mapping: { date: "日期", inflow: "收入", outflow: "支出" } })).toMatchObject({ kind: "bank", defaultCurrency: "CNY" });
  });

  // The last one: an amount column with neither a direction column nor what a positive amount means
  // (the 20261205 migration gave every mapping saved before amountSign "positiveIsIn").
  it("refuses a mapping that could not read a file, naming the column and the row", () => {
    for (const mapping of [null, [], { kind: "bank", amount: "金额" }, { date: "日期" }, { date: "日期", amount: 3 }, { kind: "orders", date: "日期", amount: "金额" }, { date: "日期", amount: "金额" }]) {
      expect(() => savedMapping({ id, mapping })).toThrow(JsonColumnShapeError);
      expect(() => savedMapping({ id, mapping })).toThrow(`ColumnMapping.mapping of ${id}`);
    }
  });
});
