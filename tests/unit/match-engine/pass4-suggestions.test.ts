// Pass 4 — suggestions only, never booked automatically: bounded subset-sum, memo similarity,
// partial payments, payout windows by settlement date.
import { describe, expect, it } from "vitest";
import { uniqueSubsetSum } from "@/lib/match-engine";
import { bank, codesOf, idsOf, input, line, onlyProposal, order, PAYERS, run, unmatchedCodes } from "./helpers";

describe("bounded subset-sum", () => {
  it.each([
    { values: [5, 7, 11], target: 18, tolerance: 0, expected: { kind: "unique", indices: [1, 2] } },
    { values: [5, 7, 11], target: 23, tolerance: 0, expected: { kind: "unique", indices: [0, 1, 2] } },
    { values: [5, 7, 12], target: 12, tolerance: 0, expected: { kind: "ambiguous" } },
    { values: [5, 7, 11], target: 4, tolerance: 0, expected: { kind: "none" } },
    { values: [500, 701, 1100], target: 1200, tolerance: 1, expected: { kind: "unique", indices: [0, 1] } },
    { values: [], target: 10, tolerance: 0, expected: { kind: "none" } },
  ])("$values → $target ± $tolerance", ({ values, target, tolerance, expected }) => {
    expect(uniqueSubsetSum(values, target, tolerance)).toEqual(expected);
  });

  it("finds the one combination among 24 candidates quickly", () => {
    const values = Array.from({ length: 24 }, (_, k) => 2 ** k);
    const started = performance.now();
    expect(uniqueSubsetSum(values, 2 ** 23 + 2 ** 5 + 1, 0)).toEqual({ kind: "unique", indices: [0, 5, 23] });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(() => uniqueSubsetSum([...values, 1], 1, 0)).toThrow(/max 24/);
  });
});

const withdrawal = (amountMinor: bigint, occurredOn = "2025-03-10", payoutId?: string) => line({ lineType: "WITHDRAWAL", amountMinor: -amountMinor, occurredOn, ...(payoutId ? { payoutId } : {}) });

describe("pass 4 suggestions", () => {
  it("suggests the unique combination of withdrawals a receipt adds up to", () => {
    const withdrawals = [withdrawal(1100n, "2025-03-08"), withdrawal(2300n, "2025-03-09"), withdrawal(4700n, "2025-03-10")];
    const receipt = bank({ amountMinor: 5800n, occurredOn: "2025-03-10" });
    const proposal = onlyProposal(run(input({ lines: withdrawals, bank: [receipt] }), { passes: ["SUGGESTIONS"] }), "SUBSET_SUM");
    expect(idsOf(proposal)).toEqual([withdrawals[0]!.id, withdrawals[2]!.id, receipt.id]);
    expect(proposal.pass).toBe(4);
    expect(proposal.autoConfirm).toBe(false);
    expect(codesOf(proposal)).toEqual(["SUBSET_SUM_UNIQUE", "SUM_EXACT", "SUGGESTION_ONLY"]);
  });

  it("suggests nothing when two combinations fit", () => {
    const withdrawals = [withdrawal(1000n), withdrawal(2000n), withdrawal(3000n)];
    const receipt = bank({ amountMinor: 3000n });
    const result = run(input({ lines: withdrawals, bank: [receipt] }), { passes: ["SUGGESTIONS"] });
    expect(result.proposals.filter((proposal) => proposal.rule === "SUBSET_SUM")).toEqual([]);
    expect(unmatchedCodes(result, "bank", receipt.id)).toContain("AMBIGUOUS_CANDIDATES");
  });

  it("skips the search beyond the candidate cap and says so", () => {
    const withdrawals = Array.from({ length: 6 }, (_, k) => withdrawal(BigInt(1000 + k * 7)));
    const receipt = bank({ amountMinor: 2007n });
    const result = run(input({ lines: withdrawals, bank: [receipt] }), { passes: ["SUGGESTIONS"], subsetSum: { maxCandidates: 5 } });
    expect(result.proposals).toEqual([]);
    expect(unmatchedCodes(result, "bank", receipt.id)).toContain("TOO_MANY_CANDIDATES");
  });

  it("suggests a withdrawal whose number ends a truncated bank memo", () => {
    const source = withdrawal(66000n, "2025-03-10", "TX202503101234567890");
    const receipt = bank({ amountMinor: 66000n, memo: "拼多多提现 …1234567890" });
    // (Pass 3 would pair these by amount alone; here pass 4 runs by itself.)
    const proposal = onlyProposal(run(input({ lines: [source], bank: [receipt] }), { passes: ["SUGGESTIONS"] }), "MEMO_SIMILARITY");
    expect(proposal.autoConfirm).toBe(false);
    expect(proposal.reasons[0]).toEqual({ code: "PAYOUT_ID_SUFFIX_IN_MEMO", params: { payoutId: "TX202503101234567890", suffix: "1234567890" } });
  });

  it("suggests an overpaid order in full and the receipt up to what was due", () => {
    const o = order({ storeId: "jd", orderNo: "55500011", paidMinor: 10000n });
    const receipt = bank({ amountMinor: 10500n, memo: "订单55500011 货款" });
    const proposal = onlyProposal(run(input({ orders: [o], bank: [receipt] })), "PARTIAL_PAYMENT");
    expect(proposal.items.map((item) => item.amountMinor)).toEqual([-10000n, 10000n]);
    expect(codesOf(proposal)).toContain("OVERPAYMENT");
  });

  it("suggests a directly-paid store's payout with the orders due since the previous one, gap and all", () => {
    const douyin = (orderNo: string, paid: bigint, confirmedAt: string) => order({ storeId: "douyin", orderNo, paidMinor: paid, confirmedOn: confirmedAt.slice(0, 10), confirmedAt });
    const orders = [douyin("DY1", 10000n, "2025-03-01T10:00:00"), douyin("DY2", 20000n, "2025-03-02T10:00:00"), douyin("DY3", 7000n, "2025-03-08T10:00:00")];
    const first = bank({ amountMinor: 29000n, counterparty: PAYERS.douyin, occurredOn: "2025-03-10" });
    const second = bank({ amountMinor: 6800n, counterparty: PAYERS.douyin, occurredOn: "2025-03-16" });
    const result = run(input({ orders, bank: [first, second] }));
    const windows = result.proposals.filter((proposal) => proposal.rule === "PAYOUT_WINDOW");
    expect(windows.map(idsOf)).toEqual([
      [orders[0]!.id, orders[1]!.id, first.id],
      [orders[2]!.id, second.id],
    ]);
    expect(windows.every((proposal) => !proposal.autoConfirm && proposal.pass === 4)).toBe(true);
    // 5 % commission on 300.00 = 15.00; 290.00 arrived for 285.00 due: 5.00 unexplained (received more).
    expect(windows[0]!.adjustments.filter((adjustment) => adjustment.type === "OTHER")).toEqual([{ type: "OTHER", amountMinor: -500n }]);
  });

  it("never books a suggestion automatically, whatever the rules", () => {
    const withdrawals = [withdrawal(1100n), withdrawal(4700n)];
    const receipt = bank({ amountMinor: 5800n });
    const result = run(input({ lines: withdrawals, bank: [receipt] }), { passes: ["SUGGESTIONS"], autoConfirm: { types: ["OTHER", "ROUNDING"] } });
    expect(result.proposals.length).toBeGreaterThan(0);
    expect(result.proposals.every((proposal) => !proposal.autoConfirm)).toBe(true);
  });
});
