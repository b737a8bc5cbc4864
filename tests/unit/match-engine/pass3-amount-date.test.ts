// Pass 3 — one ↔ one by amount and date window, only where the pairing is unique both ways.
import { describe, expect, it } from "vitest";
import { bank, codesOf, idsOf, input, line, onlyProposal, order, PAYERS, run } from "./helpers";

const withdrawal = (amountMinor: bigint, occurredOn: string) => line({ lineType: "WITHDRAWAL", amountMinor: -amountMinor, occurredOn });
const receipt = (amountMinor: bigint, occurredOn: string, counterparty?: string) => bank({ amountMinor, occurredOn, ...(counterparty ? { counterparty } : {}) });

describe("pass 3: amount and date window", () => {
  it.each([
    { name: "same amount, a day later, unknown counterparty", amount: 12345n, bankDay: "2025-03-11", counterparty: undefined, pairs: true, auto: true },
    { name: "three days later: still in the ±3 day window", amount: 12345n, bankDay: "2025-03-13", counterparty: undefined, pairs: true, auto: true },
    { name: "four days later: outside the window", amount: 12345n, bankDay: "2025-03-14", counterparty: undefined, pairs: false, auto: false },
    { name: "a receipt from another platform's payer is not a candidate", amount: 12345n, bankDay: "2025-03-11", counterparty: PAYERS.jd, pairs: false, auto: false },
    { name: "off by three fen: rounding", amount: 12342n, bankDay: "2025-03-10", counterparty: undefined, pairs: true, auto: true },
    { name: "off by ¥0.50: within the ¥1 tolerance, but a person decides", amount: 12295n, bankDay: "2025-03-10", counterparty: undefined, pairs: true, auto: false },
  ])("$name", ({ amount, bankDay, counterparty, pairs, auto }) => {
    const source = withdrawal(12345n, "2025-03-10");
    const target = receipt(amount, bankDay, counterparty);
    const result = run(input({ lines: [source], bank: [target] }), { passes: ["AMOUNT_DATE"] });
    if (!pairs) {
      expect(result.proposals).toEqual([]);
      return;
    }
    const proposal = onlyProposal(result, "AMOUNT_DATE");
    expect(proposal.pass).toBe(3);
    expect(idsOf(proposal)).toEqual([source.id, target.id]);
    expect(proposal.autoConfirm).toBe(auto);
    expect(codesOf(proposal)[0]).toBe("AMOUNT_AND_DATE_UNIQUE");
  });

  it("books no pair when a withdrawal has two fitting receipts that nothing tells apart: a person chooses", () => {
    const source = withdrawal(5000n, "2025-03-10");
    const first = receipt(5000n, "2025-03-10");
    const result = run(input({ lines: [source], bank: [first, receipt(5000n, "2025-03-11")] }), { passes: ["AMOUNT_DATE"] });
    const proposal = onlyProposal(result, "AMOUNT_DATE");
    expect(proposal.autoConfirm).toBe(false);
    // The same day comes first; the other is named (pass3-equal-receipts.test.ts has the tie rules).
    expect(idsOf(proposal)).toEqual([source.id, first.id]);
    expect(codesOf(proposal)).toContain("SAME_AMOUNT_RECEIPTS");
  });

  it("makes no pair when a receipt fits two withdrawals", () => {
    const result = run(input({ lines: [withdrawal(5000n, "2025-03-10"), withdrawal(5000n, "2025-03-11")], bank: [receipt(5000n, "2025-03-11")] }), { passes: ["AMOUNT_DATE"] });
    expect(result.proposals).toEqual([]);
  });

  it("pairs a single order of a directly-paid store with its payer's receipt of exactly its net", () => {
    const jd = order({ storeId: "jd", orderNo: "7001", paidMinor: 10000n, merchantReceivedMinor: 9200n, confirmedOn: "2025-03-01", confirmedAt: "2025-03-01T12:00:00" });
    const payout = receipt(9200n, "2025-03-16", PAYERS.jd);
    const proposal = onlyProposal(run(input({ orders: [jd], bank: [payout] }), { passes: ["AMOUNT_DATE"] }));
    expect(proposal.link).toBe("ORDER_BANK");
    expect(proposal.autoConfirm).toBe(true);
    expect(codesOf(proposal)).toContain("COUNTERPARTY_IS_PLATFORM");
  });
});
