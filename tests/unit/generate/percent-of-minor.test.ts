// The one rounding rule for percent fees: round half up to the fen, in integers.
import { describe, expect, it } from "vitest";
import { percentOfMinor } from "@/lib/generate";

describe("percentOfMinor", () => {
  it.each([
    [10900, 500, 545], // 5 % of ¥109.00
    [1990, 60, 12], // 0.6 % of ¥19.90 = 11.94 fen → 12
    [990, 60, 6], // 5.94 → 6
    [2500, 20, 5], // exactly 5.0
    [250, 20, 1], // 0.5 fen → rounds up to 1
    [249, 20, 0], // 0.498 → 0
    [0, 800, 0],
    [299900, 800, 23992],
  ])("%i fen × %i bp = %i fen", (amount, bps, fee) => {
    expect(percentOfMinor(amount, bps)).toBe(fee);
  });

  it("refuses fractions and negative amounts instead of rounding them", () => {
    expect(() => percentOfMinor(10.5, 100)).toThrow();
    expect(() => percentOfMinor(-100, 100)).toThrow();
    expect(() => percentOfMinor(100, 12.5)).toThrow();
  });
});
