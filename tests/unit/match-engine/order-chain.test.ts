// The chain per order: gross → refunds, fees → net settled → withdrawn → in the bank, and the rest.
import { describe, expect, it } from "vitest";
import { traceOrderChains } from "@/lib/match-engine";
import { bank, input, order, PAYERS, run } from "./helpers";

describe("order chains", () => {
  const at = (time: string) => ({ occurredOn: "2025-03-05", occurredAt: `2025-03-05T${time}` });
  const paid = order({ storeId: "tmall", orderNo: "2228000000000000101", paidMinor: 10000n, refundMinor: 2000n });
  const rows = [
    bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000101", amountMinor: 8000n, memo: "交易收入", ...at("09:00:00"), sequence: 1 }),
    bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000101", amountMinor: -400n, memo: "天猫佣金", ...at("09:00:00"), sequence: 2 }),
    bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000101", amountMinor: -64n, memo: "花呗支付服务费", ...at("09:00:00"), sequence: 3 }),
    bank({ accountId: "alipay", secondaryReference: "2025030520004099", amountMinor: -7536n, memo: "提现 / 提现到银行卡", ...at("16:00:00"), sequence: 4 }),
    bank({ amountMinor: 7536n, counterparty: PAYERS.alipay, memo: "支付宝提现 2025030520004099", occurredOn: "2025-03-05" }),
  ];
  const unsettled = order({ storeId: "tmall", orderNo: "2228000000000000102", paidMinor: 5000n, confirmedOn: "2025-04-02" });

  it("follows an order from what the buyer paid to what reached the bank", () => {
    const data = input({ orders: [paid, unsettled], bank: rows });
    const result = run(data);
    expect(result.proposals.map((proposal) => proposal.rule)).toEqual(["ORDER_NO", "PAYOUT_ID", "WALLET_SWEEP"]);
    const [chain, open] = traceOrderChains(data, result);
    expect(chain).toMatchObject({
      orderNo: "2228000000000000101",
      grossPaidMinor: 10000n,
      refundsMinor: 2000n,
      feesMinor: { COMMISSION: 400n, SERVICE_FEE: 64n },
      netSettledMinor: 7536n,
      withdrawnMinor: 7536n,
      inBankMinor: 7536n,
      unexplainedMinor: 0n,
      status: "IN_BANK",
      certain: true,
    });
    expect(chain!.groupKeys).toHaveLength(3);
    expect(open).toMatchObject({ grossPaidMinor: 5000n, netSettledMinor: 0n, unexplainedMinor: 5000n, status: "OPEN", certain: false });
  });

  it("counts confirmed history as part of the chain", () => {
    const data = input({ orders: [paid], bank: rows });
    const first = run(data);
    const confirmed = first.proposals.map((proposal) => ({ key: proposal.key, link: proposal.link, items: proposal.items, adjustments: proposal.adjustments }));
    const later = { ...data, confirmed };
    const result = run(later);
    expect(result.proposals).toEqual([]);
    expect(traceOrderChains(later, result)[0]).toMatchObject({ inBankMinor: 7536n, status: "IN_BANK", certain: true });
  });
});
