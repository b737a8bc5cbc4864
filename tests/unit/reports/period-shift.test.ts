import { describe, expect, it } from "vitest";
import { monthBounds } from "@/lib/ledger/business-day";
import { comparisonPeriod } from "@/lib/reports/report-filters";
import { shiftDayByMonths, shiftPeriodByMonths } from "@/lib/reports/period-shift";

describe("periods moved by months", () => {
  it("moves a whole month onto the whole month before and a year before", () => {
    expect(shiftPeriodByMonths({ from: "2026-11-01", to: "2026-11-30" }, -1)).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(shiftPeriodByMonths({ from: "2025-03-01", to: "2025-03-31" }, -1)).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(shiftPeriodByMonths({ from: "2024-03-01", to: "2024-03-31" }, -12)).toEqual({ from: "2023-03-01", to: "2023-03-31" });
    expect(shiftPeriodByMonths({ from: "2026-01-01", to: "2026-02-28" }, -1)).toEqual({ from: "2025-12-01", to: "2026-01-31" });
  });

  it("keeps days a shorter month has, and clamps those it lacks", () => {
    expect(shiftDayByMonths("2025-03-31", -1)).toBe("2025-02-28");
    expect(shiftDayByMonths("2024-03-30", -1, true)).toBe("2024-02-29");
    expect(shiftDayByMonths("2025-03-15", -12)).toBe("2024-03-15");
    expect(shiftDayByMonths("2025-01-10", -1)).toBe("2024-12-10");
  });

  it("agrees with comparisonPeriod: a whole month's month-on-month period is the whole month before", () => {
    for (const month of ["2025-03", "2025-01", "2024-12", "2024-02"]) {
      const { first, last } = monthBounds(month);
      expect(comparisonPeriod({ from: first, to: last, compare: "mom" })).toEqual(shiftPeriodByMonths({ from: first, to: last }, -1));
    }
    expect(comparisonPeriod({ from: "2025-03-01", to: "2025-03-31", compare: "mom" })).toEqual({ from: "2025-02-01", to: "2025-02-28" });
  });
});
