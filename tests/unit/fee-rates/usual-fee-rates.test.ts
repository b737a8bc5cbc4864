// The usual rate per fee type: each order's fee of that type over its sale, the median and the 90th
// percentile over orders that carried it, only from MIN_ORDERS_TO_LEARN orders on.
import { describe, expect, it } from "vitest";
import { MIN_ORDERS_TO_LEARN, orderFees, percentile, usualFeeRates, type OrderLineFact } from "@/lib/fee-rates/usual-fee-rates";

const sale = (amount: bigint): OrderLineFact => ({ lineType: "SALE", text: "", amountMinor: amount });
const wallet = (amount: bigint, text: string): OrderLineFact => ({ lineType: null, text, amountMinor: amount });

describe("orderFees", () => {
  it("types a Tmall order's wallet rows by their words: 天猫佣金, 淘宝客 and 花呗 apart", () => {
    const { sale: base, fees } = orderFees([wallet(10000n, "交易收入"), wallet(-400n, "收费 / 天猫佣金（类目：服饰）扣款"), wallet(-1500n, "淘宝客佣金代扣款"), wallet(-80n, "花呗支付服务费")]);
    expect(base).toBe(10000n);
    expect(Object.fromEntries(fees)).toEqual({ COMMISSION: 400n, AFFILIATE: 1500n, PAYMENT_FEE: 80n });
  });

  it("does not count a refund as a sale nor as a fee", () => {
    const { sale: base, fees } = orderFees([sale(5000n), { lineType: "REFUND", text: "交易退款", amountMinor: -5000n }, wallet(2000n, "退款撤销")]);
    expect(base).toBe(5000n);
    expect(fees.size).toBe(0);
  });
});

describe("usualFeeRates", () => {
  const order = (saleMinor: bigint, feeMinor: bigint, text = "0030001|技术服务费-技术服务费"): OrderLineFact[] => [sale(saleMinor), { lineType: "COMMISSION", text, amountMinor: -feeMinor }];

  it("learns nothing from fewer than the minimum of orders", () => {
    const orders = Array.from({ length: MIN_ORDERS_TO_LEARN - 1 }, () => order(10000n, 60n));
    expect(usualFeeRates(orders)).toEqual([]);
  });

  it("gives the median and the 90th percentile, which a few wild orders cannot drag", () => {
    // 30 orders at 0.6 %, 7 at 0.5 %, 3 at 25 % (outliers): median 0.6 %, p90 (rank 36 of 40: 7 + 30 ≥ 36) 0.6 %.
    const orders = [
      ...Array.from({ length: 30 }, () => order(10000n, 60n)),
      ...Array.from({ length: 7 }, () => order(10000n, 50n)),
      ...Array.from({ length: 3 }, () => order(10000n, 2500n)),
    ];
    expect(usualFeeRates(orders)).toEqual([{ feeType: "TECH_SERVICE_FEE", medianBps: 60, upperBps: 60, orders: 40, ofOrders: 40 }]);
  });

  it("keeps fee types apart and counts the orders each came from", () => {
    const orders = Array.from({ length: 25 }, (_, at) => [
      sale(20000n),
      wallet(-BigInt(200 + at * 12), "天猫佣金（类目：食品）扣款"), // 1.00 % … 2.44 %
      ...(at % 5 === 0 ? [] : [wallet(-160n, "花呗支付服务费")]), // 0.8 % on 20 of 25
    ]);
    const rates = usualFeeRates(orders);
    expect(rates.map((rate) => rate.feeType)).toEqual(["COMMISSION", "PAYMENT_FEE"]);
    // Commission rates 100 + 6·at bps for at = 0…24: median (13th) 172, 90th percentile (23rd) 232.
    expect(rates[0]).toEqual({ feeType: "COMMISSION", medianBps: 172, upperBps: 232, orders: 25, ofOrders: 25 });
    expect(rates[1]).toEqual({ feeType: "PAYMENT_FEE", medianBps: 80, upperBps: 80, orders: 20, ofOrders: 25 });
  });

  it("percentile is by nearest rank", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([5], 0.9)).toBe(5);
  });
});
