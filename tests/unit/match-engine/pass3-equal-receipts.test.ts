// Pass 3 — a withdrawal whose amount the bank shows twice within the date window: the payer and the
// booking time set aside the receipts that cannot be it; what stays several is proposed for a person,
// never booked by itself, and never chosen by the order rows come in.
import { describe, expect, it } from "vitest";
import type { BankTransactionInput } from "@/lib/match-engine";
import { bank, codesOf, hashResult, idsOf, input, onlyProposal, PAYERS, run, unmatchedCodes } from "./helpers";

const OTHER = "杭州青禾贸易有限公司";
const withdrawal = (occurredAt: string, amountMinor = 500000n) =>
  bank({ accountId: "alipay", amountMinor: -amountMinor, memo: "提现 / 提现到银行卡", occurredOn: occurredAt.slice(0, 10), occurredAt });
const receipt = (occurredOn: string, counterparty?: string, occurredAt?: string, amountMinor = 500000n): BankTransactionInput =>
  bank({ amountMinor, occurredOn, ...(counterparty ? { counterparty } : {}), ...(occurredAt ? { occurredAt } : {}) });
const pass3 = { passes: ["AMOUNT_DATE" as const] };

describe("pass 3: equal receipts of one withdrawal", () => {
  it("takes the receipt from the wallet's paying entity when the other comes from an unrelated payer", () => {
    const out = withdrawal("2025-03-10T10:00:00");
    const platform = receipt("2025-03-11", PAYERS.alipay);
    const other = receipt("2025-03-11", OTHER);
    const proposal = onlyProposal(run(input({ bank: [out, other, platform] }), pass3), "AMOUNT_DATE");
    expect(idsOf(proposal)).toEqual([out.id, platform.id]);
    expect(proposal.autoConfirm).toBe(true);
    expect(proposal.reasons.find((reason) => reason.code === "SAME_AMOUNT_OTHER_PAYER")).toEqual({ code: "SAME_AMOUNT_OTHER_PAYER", params: { count: "1", counterparty: OTHER } });
    expect(codesOf(proposal)).not.toContain("AMOUNT_AND_DATE_UNIQUE");
    // With every pass on, the same pair (pass 2 already asks the payer first).
    const full = run(input({ bank: [out, other, platform] })).proposals.filter((group) => group.link === "PAYOUT_BANK");
    expect(full.map((group) => [idsOf(group), group.autoConfirm])).toEqual([[[out.id, platform.id], true]]);
  });

  it("sets aside a receipt booked before the withdrawal left, by day or by time on the same day", () => {
    const out = withdrawal("2025-03-10T15:00:00");
    const dayBefore = receipt("2025-03-09", OTHER);
    const morning = receipt("2025-03-10", OTHER, "2025-03-10T09:00:00");
    const evening = receipt("2025-03-10", OTHER, "2025-03-10T16:30:00");
    const proposal = onlyProposal(run(input({ bank: [out, dayBefore, morning, evening] }), pass3), "AMOUNT_DATE");
    expect(idsOf(proposal)).toEqual([out.id, evening.id]);
    expect(proposal.autoConfirm).toBe(true);
    expect(proposal.reasons.find((reason) => reason.code === "SAME_AMOUNT_BOOKED_BEFORE")!.params).toEqual({ count: "2", withdrawnAt: "2025-03-10 15:00:00" });
  });

  it.each([
    { name: "both receipts come from the platform's paying entity", payers: [PAYERS.alipay, PAYERS.alipay] },
    { name: "both come from the same unrelated payer on the same day", payers: [OTHER, OTHER] },
    { name: "one prints no payer at all (it could be the platform's)", payers: [PAYERS.alipay, undefined] },
  ])("proposes one for a person, naming the other, when $name", ({ payers }) => {
    const out = withdrawal("2025-03-10T10:00:00");
    const receipts = payers.map((payer) => receipt("2025-03-11", payer));
    const result = run(input({ bank: [out, ...receipts] }), pass3);
    const proposal = onlyProposal(result, "AMOUNT_DATE");
    expect(proposal.autoConfirm).toBe(false);
    // Same day and time: the lower row wins the first place (ids, not input order); the other is named.
    expect(idsOf(proposal)).toEqual([out.id, receipts[0]!.id]);
    const blocker = proposal.reasons.find((reason) => reason.code === "SAME_AMOUNT_RECEIPTS")!;
    expect(blocker.params).toEqual({ count: "1", others: ["2025-03-11", payers[1]].filter(Boolean).join(" ") });
    // The other receipt stays open for whichever way the person decides.
    expect(result.unmatched.bank.some((item) => item.id === receipts[1]!.id && item.direction === "upstream")).toBe(true);
  });

  it("never books either of two platform receipts by itself, with every pass on", () => {
    const out = withdrawal("2025-03-10T10:00:00");
    const first = receipt("2025-03-11", PAYERS.alipay);
    const second = receipt("2025-03-11", PAYERS.alipay);
    const result = run(input({ bank: [out, first, second] }));
    expect(result.proposals.filter((proposal) => proposal.autoConfirm)).toEqual([]);
    expect(result.proposals.filter((proposal) => proposal.link === "PAYOUT_BANK")).toHaveLength(1);
  });

  it("chooses the same receipt whatever order the rows come in", () => {
    const out = withdrawal("2025-03-10T10:00:00");
    const first = receipt("2025-03-11", PAYERS.alipay, "2025-03-11T09:00:00");
    const second = receipt("2025-03-11", PAYERS.alipay, "2025-03-11T09:00:00");
    const forward = run(input({ bank: [out, first, second] }), pass3);
    const backward = run(input({ bank: [second, first, out] }), pass3);
    expect(hashResult(backward)).toBe(hashResult(forward));
    // Nearer in time wins over row order.
    const nearer = receipt("2025-03-10", PAYERS.alipay, "2025-03-10T11:00:00");
    expect(idsOf(onlyProposal(run(input({ bank: [out, first, nearer] }), pass3)))).toEqual([out.id, nearer.id]);
  });

  it("leaves the withdrawal open when the payer's receipt is wanted by another withdrawal too", () => {
    const a = withdrawal("2025-03-10T10:00:00");
    const b = withdrawal("2025-03-11T10:00:00");
    const platform = receipt("2025-03-11", PAYERS.alipay, "2025-03-11T15:00:00");
    const other = receipt("2025-03-11", OTHER, "2025-03-11T15:00:00");
    const result = run(input({ bank: [a, b, platform, other] }), pass3);
    expect(result.proposals).toEqual([]);
    expect(unmatchedCodes(result, "bank", platform.id, "upstream")).toContain("AMBIGUOUS_CANDIDATES");
  });

  it("leaves a pile of more than three equal receipts open", () => {
    const out = withdrawal("2025-03-10T10:00:00");
    const receipts = [1, 2, 3, 4].map(() => receipt("2025-03-11", OTHER));
    const result = run(input({ bank: [out, ...receipts] }), pass3);
    expect(result.proposals).toEqual([]);
    expect(unmatchedCodes(result, "bank", out.id, "downstream")).toContain("AMBIGUOUS_CANDIDATES");
  });
});
