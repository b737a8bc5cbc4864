// The filters every report reads: the period checks and the period a comparison sets beside it.
import { describe, expect, it } from "vitest";
import { comparisonPeriod, reportFiltersSchema } from "@/lib/reports/report-filters";

const parse = (input: Record<string, string>) => reportFiltersSchema.safeParse(input);

describe("comparisonPeriod", () => {
  it("sets the whole previous month beside a whole month (month on month), whatever the months' lengths", () => {
    expect(comparisonPeriod({ from: "2025-03-01", to: "2025-03-31", compare: "mom" })).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(comparisonPeriod({ from: "2025-01-01", to: "2025-01-31", compare: "mom" })).toEqual({ from: "2024-12-01", to: "2024-12-31" });
  });
  it("sets the previous quarter beside a whole quarter", () => {
    expect(comparisonPeriod({ from: "2025-04-01", to: "2025-06-30", compare: "mom" })).toEqual({ from: "2025-01-01", to: "2025-03-31" });
  });
  it("sets the same number of days just before a period that is not whole months", () => {
    expect(comparisonPeriod({ from: "2025-03-10", to: "2025-03-19", compare: "mom" })).toEqual({ from: "2025-02-28", to: "2025-03-09" });
  });
  it("sets the same days a year earlier (year on year), 29 February falling on the 28th", () => {
    expect(comparisonPeriod({ from: "2025-03-01", to: "2025-03-31", compare: "yoy" })).toEqual({ from: "2024-03-01", to: "2024-03-31" });
    expect(comparisonPeriod({ from: "2024-02-01", to: "2024-02-29", compare: "yoy" })).toEqual({ from: "2023-02-01", to: "2023-02-28" });
  });
  it("uses the chosen range as given", () => {
    expect(comparisonPeriod({ from: "2025-03-01", to: "2025-03-31", compare: "range", from2: "2024-11-11", to2: "2024-11-12" })).toEqual({ from: "2024-11-11", to: "2024-11-12" });
  });
});

describe("reportFiltersSchema", () => {
  it("takes a period and fills in the grouping and the comparison", () => {
    const result = parse({ from: "2025-03-01", to: "2025-03-31" });
    expect(result.success && result.data).toMatchObject({ from: "2025-03-01", to: "2025-03-31", by: "store", compare: "mom" });
    expect(result.success && result.data.store).toBeUndefined();
  });
  it("refuses a day that is not a calendar day, a reversed period, a period over five years and a range without its days", () => {
    expect(parse({ from: "2025-02-30", to: "2025-03-31" }).error?.issues[0]?.message).toBe("reports.validation.day");
    expect(parse({ from: "2025-04-01", to: "2025-03-31" }).error?.issues[0]?.message).toBe("reports.validation.order");
    expect(parse({ from: "2015-01-01", to: "2025-03-31" }).error?.issues[0]?.message).toBe("reports.validation.tooLong");
    expect(parse({ from: "2025-03-01", to: "2025-03-31", compare: "range" }).error?.issues[0]?.message).toBe("reports.validation.rangeRequired");
  });
  it("refuses a store or account that is not an id, and an unknown platform or grouping, instead of ignoring them", () => {
    expect(parse({ from: "2025-03-01", to: "2025-03-31", store: "'; DROP TABLE x" }).error?.issues[0]?.path).toEqual(["store"]);
    expect(parse({ from: "2025-03-01", to: "2025-03-31", account: "1" }).error?.issues[0]?.path).toEqual(["account"]);
    expect(parse({ from: "2025-03-01", to: "2025-03-31", platform: "EBAY" }).error?.issues[0]?.path).toEqual(["platform"]);
    expect(parse({ from: "2025-03-01", to: "2025-03-31", by: "day" }).error?.issues[0]?.path).toEqual(["by"]);
  });
});
