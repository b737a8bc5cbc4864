import { describe, expect, it } from "vitest";
import { pickedFlow, totals, type Picked } from "@/components/reconcile/selection";
import type { UnmatchedRow } from "@/lib/match-review/list-unmatched";

const row = (flowMinor: bigint): UnmatchedRow =>
  ({ side: "bank", id: "1", flowMinor, remainingMinor: flowMinor < 0n ? -flowMinor : flowMinor, amountMinor: flowMinor }) as UnmatchedRow;

describe("workspace selection arithmetic", () => {
  it("adds picked rows by their flow sign and the part used: the difference is what adjustments explain", () => {
    const picks: Picked[] = [
      { row: row(10_000n), pane: "left", useMinor: 10_000n },
      { row: row(-500n), pane: "left", useMinor: 500n }, // a commission line
      { row: row(9_450n), pane: "right", useMinor: 9_450n },
    ];
    expect(pickedFlow(picks[1]!)).toBe(-500n);
    expect(totals(picks)).toEqual({ left: 9_500n, right: 9_450n, difference: 50n });
  });
});
