import { describe, expect, it } from "vitest";
import { parseYuan, pickedFlow, totals, yuanText, type Picked } from "@/components/reconcile/selection";
import type { UnmatchedRow } from "@/lib/workspace/list-unmatched";

const row = (flowMinor: bigint): UnmatchedRow =>
  ({ side: "bank", id: "1", flowMinor, remainingMinor: flowMinor < 0n ? -flowMinor : flowMinor, amountMinor: flowMinor }) as UnmatchedRow;

describe("workspace selection arithmetic", () => {
  it.each([
    ["100", 10_000n],
    ["1,234.5", 123_450n],
    ["¥0.05", 5n],
    ["-12.30", -1_230n],
    ["1.234", undefined],
    ["abc", undefined],
    ["", undefined],
  ])("parses %s", (text, expected) => expect(parseYuan(text)).toBe(expected));

  it("formats minor units back to an editable amount", () => {
    expect(yuanText(123_405n)).toBe("1234.05");
    expect(yuanText(-5n)).toBe("-0.05");
  });

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
