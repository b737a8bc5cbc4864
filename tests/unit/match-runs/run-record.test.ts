import { describe, expect, it } from "vitest";
import { runResults, runScope } from "@/lib/match-runs/run-record";
import { JsonColumnShapeError } from "@/lib/shared/json-column";

describe("a run's JSON columns", () => {
  it("reads results recorded before a field existed, and a run that has none yet", () => {
    expect(runResults({ id: "r1", results: { autoConfirmed: 3, proposed: 1, unmatched: { orders: 2, settlement: 0, bank: 1 } } })).toMatchObject({ autoConfirmed: 3, proposed: 1 });
    expect(runResults({ id: "r2", results: null })).toEqual({});
    expect(runResults({ id: "r3", results: { keptInLockedMonths: 2, lockedMonths: ["2025-03"] } })).toMatchObject({ keptInLockedMonths: 2, lockedMonths: ["2025-03"] });
  });

  it("names the column and the run when a value has the wrong shape", () => {
    expect(() => runResults({ id: "r4", results: { proposed: "many" } })).toThrow(JsonColumnShapeError);
    expect(() => runResults({ id: "r4", results: { proposed: "many" } })).toThrow(/ReconciliationRun\.results of r4/);
    expect(runScope({ id: "r5", params: { from: "2025-03-01" } })).toEqual({ from: "2025-03-01" });
    expect(() => runScope({ id: "r6", params: { from: 20250301 } })).toThrow(/ReconciliationRun\.params of r6/);
  });
});
