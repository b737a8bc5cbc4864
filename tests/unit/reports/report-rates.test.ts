import { describe, expect, it } from "vitest";
import { growth, ratio, roundedAverage } from "@/lib/reports/report-rates";

describe("report rates", () => {
  it("gives a share of a whole, null over nothing", () => {
    expect(ratio(1n, 8n)).toBe(0.125);
    expect(ratio(5n, 0n)).toBeNull();
    expect(ratio(0n, 3n)).toBe(0);
  });

  it("gives growth on the previous figure, null when there was none, shrinking when it fell", () => {
    expect(growth(120n, 100n)).toBeCloseTo(0.2);
    expect(growth(80n, 100n)).toBeCloseTo(-0.2);
    expect(growth(50n, 0n)).toBeNull();
    // From a negative (net refunds) to zero is growth, not a fall.
    expect(growth(0n, -100n)).toBeCloseTo(1);
  });

  it("rounds an average half away from zero in bigint", () => {
    expect(roundedAverage(25n, 10n)).toBe(3n);
    expect(roundedAverage(24n, 10n)).toBe(2n);
    expect(roundedAverage(-25n, 10n)).toBe(-3n);
    expect(roundedAverage(7n, 0n)).toBeNull();
  });
});
