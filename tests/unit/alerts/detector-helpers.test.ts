// The pure parts of the alert detectors: the median and the usual value learned from earlier
// months, the unusual-day rule of UNUSUAL_CHANGE, and each detector's severity rule.
import { describe, expect, it } from "vitest";
import { addDays, median, usualFromHistory } from "@/lib/alerts/detectors/robust-stats";
import { unusualDays, unusualSeverity } from "@/lib/alerts/detectors/unusual-change";
import { overdueSeverity } from "@/lib/alerts/detectors/overdue-receivable";
import { feeSeverity } from "@/lib/alerts/detectors/fee-rate-high";
import { refundSeverity } from "@/lib/alerts/detectors/refund-after-settlement";

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones, whatever the order", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("is not dragged by one outlier, where a mean would be", () => {
    expect(median([100, 101, 99, 100_000])).toBe(100.5);
  });
});

describe("usualFromHistory", () => {
  const months = new Map([
    ["2025-01", 300],
    ["2025-02", 320],
    ["2025-03", 2_000],
  ]);
  it("learns from the earlier months only, so the month judged cannot excuse itself", () => {
    expect(usualFromHistory(months, "2025-03")).toBe(310);
    expect(usualFromHistory(months, "2025-02")).toBe(300);
  });
  it("falls back to the month's own figure when there is no history", () => {
    expect(usualFromHistory(months, "2025-01")).toBe(300);
    expect(usualFromHistory(new Map(), "2025-01")).toBeNull();
  });
});

describe("addDays", () => {
  it("crosses month and year ends", () => {
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("unusualDays", () => {
  const steady = (from: string, days: number, amount: bigint) => {
    const series = new Map<string, bigint>();
    for (let i = 0; i < days; i++) series.set(addDays(from, i), amount);
    return series;
  };

  it("fires above factor × the window's median when the difference is big enough", () => {
    const series = steady("2025-03-01", 31, 100_000n);
    series.set("2025-03-20", 1_000_000n);
    expect(unusualDays(series, "2025-03-15", "2025-03-31", 14, 300, 500_000n)).toEqual([{ day: "2025-03-20", amount: 1_000_000n, median: 100_000n, direction: "UP" }]);
  });

  it("does not fire when the difference is below minAmount, or the day is within the factor", () => {
    const series = steady("2025-03-01", 31, 100_000n);
    series.set("2025-03-20", 400_000n);
    expect(unusualDays(series, "2025-03-15", "2025-03-31", 14, 300, 500_000n)).toEqual([]);
    series.set("2025-03-20", 290_000n);
    expect(unusualDays(series, "2025-03-15", "2025-03-31", 14, 300, 0n)).toEqual([]);
  });

  it("fires below 1/factor of the median, missing days counting as zero", () => {
    const series = steady("2025-03-01", 31, 1_000_000n);
    series.delete("2025-03-22");
    const found = unusualDays(series, "2025-03-15", "2025-03-31", 14, 300, 500_000n);
    expect(found).toEqual([{ day: "2025-03-22", amount: 0n, median: 1_000_000n, direction: "DOWN" }]);
  });

  it("judges nothing without a steady history: a window mostly empty, or a zero median", () => {
    const young = steady("2025-03-12", 20, 100_000n);
    young.set("2025-03-20", 5_000_000n);
    expect(unusualDays(young, "2025-03-15", "2025-03-21", 14, 300, 500_000n)).toEqual([]);
    const sparse = new Map<string, bigint>([
      ["2025-03-05", 10_000n],
      ["2025-03-12", 20_000n],
      ["2025-03-20", 900_000n],
    ]);
    expect(unusualDays(sparse, "2025-03-01", "2025-03-31", 14, 300, 500_000n)).toEqual([]);
  });
});

describe("severity rules", () => {
  it("overdue: by money owed or by age", () => {
    expect(overdueSeverity(100n, 31)).toBe("LOW");
    expect(overdueSeverity(500_000n, 31)).toBe("MEDIUM");
    expect(overdueSeverity(100n, 60)).toBe("MEDIUM");
    expect(overdueSeverity(5_000_000n, 31)).toBe("HIGH");
    expect(overdueSeverity(100n, 90)).toBe("HIGH");
  });
  it("fee rate: by the excess charged", () => {
    expect([feeSeverity(99_999n), feeSeverity(100_000n), feeSeverity(1_000_000n)]).toEqual(["LOW", "MEDIUM", "HIGH"]);
  });
  it("refund: chargebacks and negative payouts at least MEDIUM", () => {
    expect(refundSeverity("REFUND", 100n)).toBe("LOW");
    expect(refundSeverity("CHARGEBACK", 100n)).toBe("MEDIUM");
    expect(refundSeverity("NEGATIVE_PAYOUT", 100n)).toBe("MEDIUM");
    expect(refundSeverity("REFUND", 2_000_000n)).toBe("HIGH");
  });
  it("unusual change: by the difference against minAmount", () => {
    expect([unusualSeverity(500_000n, 500_000n), unusualSeverity(1_000_000n, 500_000n), unusualSeverity(5_000_000n, 500_000n)]).toEqual(["LOW", "MEDIUM", "HIGH"]);
  });
});
