import { describe, expect, it } from "vitest";
import { suggestAdjustmentType } from "@/components/reconcile/suggest-adjustment";

describe("the adjustment the match form suggests", () => {
  it("suggests a fee when less arrived than was due", () => {
    expect(suggestAdjustmentType(1_190n, ["order"])).toBe("FEE");
    expect(suggestAdjustmentType(50n, ["settlement"])).toBe("FEE");
  });

  it("never suggests a negative fee when the bank received more", () => {
    expect(suggestAdjustmentType(-300n, ["settlement"])).toBeNull();
    expect(suggestAdjustmentType(-1n, [])).toBeNull();
  });

  it("suggests the platform's subsidy when orders were paid more than their price", () => {
    expect(suggestAdjustmentType(-300n, ["order", "order"])).toBe("PROMOTION");
  });

  it("suggests nothing when nothing is left to explain", () => {
    expect(suggestAdjustmentType(0n, ["order"])).toBeNull();
  });
});
