import { describe, expect, it } from "vitest";
import type { Reason } from "@/lib/match-engine";
import { groupReasons, groupReasonsJson } from "@/lib/match-runs/group-reasons";
import { JsonColumnShapeError } from "@/lib/shared/json-column";

const id = "01a23db2-0000-7000-8000-000000000003";
const REASONS: Reason[] = [
  { code: "ORDER_NO_EXACT", params: {} },
  { code: "SUM_WITHIN_TOLERANCE", params: { expectedMinor: "10000", actualMinor: "9990", differenceMinor: "-10", toleranceMinor: "100" } },
];

describe("a match group's reasons", () => {
  it("reads back what it wrote, and a manual group's empty list", () => {
    expect(groupReasons({ id, reasons: groupReasonsJson(REASONS) })).toEqual(REASONS);
    // save-proposals.ts writes the same JSON through COPY.
    expect(groupReasons({ id, reasons: JSON.parse(JSON.stringify(REASONS)) })).toEqual(REASONS);
    expect(groupReasons({ id, reasons: [] })).toEqual([]);
  });

  it("refuses an unknown code, a non-string param or another shape, naming the column and the group", () => {
    for (const reasons of [null, {}, [{ code: "NO_SUCH_REASON", params: {} }], [{ code: "DATE_DIFF_DAYS", params: { days: 2 } }], [{ code: "ORDER_NO_EXACT" }], ["ORDER_NO_EXACT"]]) {
      expect(() => groupReasons({ id, reasons })).toThrow(JsonColumnShapeError);
      expect(() => groupReasons({ id, reasons })).toThrow(`MatchGroup.reasons of ${id}`);
    }
  });
});
