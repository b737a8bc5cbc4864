import { describe, expect, it } from "vitest";
import { checkMatchForm } from "@/components/reconcile/match-form-check";
import type { Picked } from "@/components/reconcile/selection";
import type { UnmatchedRow } from "@/lib/match-review/list-unmatched";

function row(side: UnmatchedRow["side"], id: string, remainingMinor: bigint): UnmatchedRow {
  return { side, id, day: "2025-03-05", ref: `R-${id}`, detail: null, owner: "店", kind: null, currency: "CNY", amountMinor: remainingMinor, remainingMinor, flowMinor: remainingMinor, batchId: "b", file: "f.csv", sourceRow: 2, proposed: false };
}

const order: Picked = { row: row("order", "1", 10_000n), pane: "left", useMinor: 10_000n };
const bank: Picked = { row: row("bank", "2", 9_800n), pane: "right", useMinor: 9_800n };
const amounts = (left: string, right: string) => ({ "order:1": left, "bank:2": right });

describe("the match form's checks", () => {
  it("a balanced match with a noted fee is ready", () => {
    const check = checkMatchForm([order, bank], amounts("100", "98"), [{ type: "FEE", amount: "2", note: "银行手续费" }], "");
    expect(check.blockers).toEqual([]);
    expect(check.sums.difference).toBe(200n);
  });

  it("says the note is required for a write-off, and a match note is enough", () => {
    expect(checkMatchForm([order, bank], amounts("100", "98"), [{ type: "FEE", amount: "2", note: "" }], "").blockers).toEqual(["NOTE_REQUIRED"]);
    expect(checkMatchForm([order, bank], amounts("100", "98"), [{ type: "FEE", amount: "2", note: "" }], "月底核销").blockers).toEqual([]);
  });

  it.each([
    ["abc", "NOT_A_NUMBER"],
    ["1e9", "NOT_A_NUMBER"],
    ["12345678901234567890", "TOO_LARGE"],
    ["1.234", "TOO_MANY_DECIMALS"],
    ["", "EMPTY"],
    ["0", "ZERO"],
    ["-1", "NEGATIVE"],
    ["100.01", "OVER_REMAINING"],
  ] as const)("a row amount of %j is a message on its field (%s), never ¥0.00 used silently", (text, problem) => {
    const check = checkMatchForm([order, bank], amounts(text, "98"), [], "");
    expect(check.pickProblems["order:1"]).toBe(problem);
    expect(check.blockers).toContain("AMOUNTS");
  });

  it("an adjustment amount that is not one is a message too, and an unchosen reason blocks", () => {
    const check = checkMatchForm([order, bank], amounts("100", "98"), [{ type: "", amount: "abc", note: "x" }], "");
    expect(check.adjustmentProblems).toEqual(["NOT_A_NUMBER"]);
    expect(check.blockers).toEqual(["AMOUNTS", "TYPE_MISSING", "UNEXPLAINED"]);
    expect(check.unexplained).toBe(200n);
  });
});
