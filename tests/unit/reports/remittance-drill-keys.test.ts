import { describe, expect, it } from "vitest";
import { remittanceDrillRange } from "@/lib/reports/remittance-analysis";
import { reportFiltersSchema, type ReportFilters } from "@/lib/reports/report-filters";
import { salesComparisonDrillRange } from "@/lib/reports/sales-comparison";

const STORE = "0193a1b2-0000-7000-8000-000000000001";
const OTHER = "0193a1b2-0000-7000-8000-000000000002";
const filters = (input: Record<string, string>): ReportFilters => reportFiltersSchema.parse({ from: "2025-03-10", to: "2025-05-20", ...input });

describe("the remittance reports' drill keys", () => {
  it("narrow the report's own filters to the row, never widen them", () => {
    expect(remittanceDrillRange(filters({ by: "store" }), { store: STORE })).toEqual({ from: "2025-03-10", to: "2025-05-20", store: STORE, platform: undefined });
    expect(remittanceDrillRange(filters({ by: "platform", store: STORE }), { platform: "JD" })).toEqual({ from: "2025-03-10", to: "2025-05-20", store: STORE, platform: "JD" });
    expect(salesComparisonDrillRange(filters({ platform: "PDD" }), { store: STORE })).toEqual({ from: "2025-03-10", to: "2025-05-20", store: STORE, platform: "PDD" });
  });

  it("clip a month row to the part of the period it lies in", () => {
    const by = filters({ by: "month" });
    expect(remittanceDrillRange(by, { month: "2025-03" })).toMatchObject({ from: "2025-03-10", to: "2025-03-31" });
    expect(remittanceDrillRange(by, { month: "2025-04" })).toMatchObject({ from: "2025-04-01", to: "2025-04-30" });
    expect(remittanceDrillRange(by, { month: "2025-05" })).toMatchObject({ from: "2025-05-01", to: "2025-05-20" });
  });

  it("refuse keys the report did not hand out", () => {
    const refused = [
      () => remittanceDrillRange(filters({ by: "store" }), { platform: "JD" }),
      () => remittanceDrillRange(filters({ by: "store" }), { store: "x" }),
      () => remittanceDrillRange(filters({ by: "store", store: STORE }), { store: OTHER }),
      () => remittanceDrillRange(filters({ by: "store" }), { store: STORE, platform: "JD" }),
      () => remittanceDrillRange(filters({ by: "platform", platform: "JD" }), { platform: "PDD" }),
      () => remittanceDrillRange(filters({ by: "platform" }), { platform: "NOPE" }),
      () => remittanceDrillRange(filters({ by: "month" }), { month: "2025-02" }),
      () => remittanceDrillRange(filters({ by: "month" }), { month: "2025-13" }),
      () => salesComparisonDrillRange(filters({}), { month: "2025-03" }),
      () => salesComparisonDrillRange(filters({ store: STORE }), { store: OTHER }),
    ];
    for (const drill of refused) expect(drill).toThrow(expect.objectContaining({ code: "INVALID" }));
  });
});
