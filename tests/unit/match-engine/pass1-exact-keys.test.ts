// Pass 1 — exact keys: order numbers on bill and wallet lines, withdrawal numbers in bank rows,
// order numbers in bank memos; and how each group's difference is typed and judged.
import { describe, expect, it } from "vitest";
import type { ReconcileInput } from "@/lib/match-engine";
import { adjustmentsOf, bank, codesOf, idsOf, input, line, onlyProposal, order, PAYERS, run, STORES, unmatchedCodes } from "./helpers";

describe("pass 1: order ↔ bill / wallet lines by order number", () => {
  interface Case {
    name: string;
    build: () => { data: ReconcileInput; expectIds: string[] };
    auto: boolean;
    adjustments: Record<string, bigint>;
    codes: string[];
  }
  const cases: Case[] = [
    (() => {
      const o = order({ orderNo: "250301-1001", paidMinor: 9980n });
      const sale = line({ orderNo: "250301-1001", amountMinor: 9980n });
      const fee = line({ orderNo: "250301-1001", lineType: "COMMISSION", amountMinor: -60n });
      return {
        name: "PDD sale and technical service fee",
        build: () => ({ data: input({ orders: [o], lines: [sale, fee] }), expectIds: [o.id, sale.id, fee.id] }),
        auto: true,
        adjustments: { COMMISSION: 60n },
        codes: ["ORDER_NO_EXACT", "FEES_ITEMIZED_ON_BILL", "COMMISSION_WITHIN_CONTRACT"],
      };
    })(),
    (() => {
      const o = order({ storeId: "tmall", orderNo: "2228646613770157685", paidMinor: 8990n });
      const sale = bank({ accountId: "alipay", merchantOrderNo: "T200P2228646613770157685", amountMinor: 8990n, memo: "土蜂蜜 / 在线支付 / 交易收入" });
      const commission = bank({ accountId: "alipay", merchantOrderNo: "T200P2228646613770157685", amountMinor: -180n, memo: "收费 / 天猫佣金（类目：食品）扣款[2228646613770157685]" });
      const huabei = bank({ accountId: "alipay", merchantOrderNo: "T200P2228646613770157685", amountMinor: -72n, memo: "收费 / 花呗支付服务费[2228646613770157685]" });
      return {
        name: "Tmall order ↔ Alipay 商户订单号 T200P<订单编号> (sale, commission, 花呗 fee)",
        build: () => ({ data: input({ orders: [o], bank: [sale, commission, huabei] }), expectIds: [o.id, sale.id, commission.id, huabei.id] }),
        auto: true,
        adjustments: { COMMISSION: 180n, SERVICE_FEE: 72n },
        codes: ["ORDER_NO_WITH_PREFIX", "FEES_ITEMIZED_ON_BILL", "COMMISSION_WITHIN_CONTRACT"],
      };
    })(),
    (() => {
      const o = order({ storeId: "tmall", orderNo: "2228646613770157999", paidMinor: 5000n });
      const sale = bank({ accountId: "alipay", amountMinor: 5000n, memo: "交易收入 订单[2228646613770157999]" });
      return {
        name: "wallet line without 商户订单号: the order number in its memo",
        build: () => ({ data: input({ orders: [o], bank: [sale] }), expectIds: [o.id, sale.id] }),
        auto: true,
        adjustments: {},
        codes: ["ORDER_NO_IN_MEMO"],
      };
    })(),
    (() => {
      const o = order({ storeId: "tmall", orderNo: "2228000000000000001", paidMinor: 10000n, refundMinor: 3000n });
      const sale = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000001", amountMinor: 7000n, memo: "交易收入" });
      const commission = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000001", amountMinor: -350n, memo: "天猫佣金" });
      return {
        name: "partial refund before settlement: the order's refund explains the smaller sale",
        build: () => ({ data: input({ orders: [o], bank: [sale, commission] }), expectIds: [o.id, sale.id, commission.id] }),
        auto: true,
        adjustments: { COMMISSION: 350n, REFUND: 3000n },
        codes: ["ORDER_NO_WITH_PREFIX", "REFUND_FROM_ORDER", "FEES_ITEMIZED_ON_BILL", "COMMISSION_WITHIN_CONTRACT"],
      };
    })(),
    (() => {
      const o = order({ storeId: "tmall", orderNo: "2228000000000000002", paidMinor: 12900n, refundMinor: 12900n });
      const sale = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000002", amountMinor: 12900n, memo: "交易收入" });
      const commission = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000002", amountMinor: -645n, memo: "天猫佣金" });
      const refund = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000002", amountMinor: -12900n, memo: "交易退款 / 售后退款" });
      return {
        name: "full refund after settlement: a negative refund line nets the order out",
        build: () => ({ data: input({ orders: [o], bank: [sale, commission, refund] }), expectIds: [o.id, sale.id, commission.id, refund.id] }),
        auto: true,
        adjustments: { COMMISSION: 645n, REFUND: 12900n },
        codes: ["ORDER_NO_WITH_PREFIX", "FEES_ITEMIZED_ON_BILL", "COMMISSION_WITHIN_CONTRACT"],
      };
    })(),
    (() => {
      const o = order({ orderNo: "250301-2002", paidMinor: 4690n, merchantReceivedMinor: 4990n });
      const sale = line({ orderNo: "250301-2002", amountMinor: 4990n });
      const fee = line({ orderNo: "250301-2002", lineType: "COMMISSION", amountMinor: -30n });
      return {
        name: "PDD platform-funded discount: 商家实收 above 用户实付 is paid back",
        build: () => ({ data: input({ orders: [o], lines: [sale, fee] }), expectIds: [o.id, sale.id, fee.id] }),
        auto: true,
        adjustments: { COMMISSION: 30n, PROMOTION: -300n },
        codes: ["ORDER_NO_EXACT", "PLATFORM_FUNDED_DISCOUNT", "FEES_ITEMIZED_ON_BILL", "COMMISSION_WITHIN_CONTRACT"],
      };
    })(),
    (() => {
      const o = order({ orderNo: "250301-3003", paidMinor: 10000n });
      const sale = line({ orderNo: "250301-3003", amountMinor: 10000n });
      const fee = line({ orderNo: "250301-3003", lineType: "COMMISSION", amountMinor: -500n });
      return {
        name: "commission above the store's contracted rate, itemized on the bill: booked, the level said (a risk for FEE_RATE_HIGH, not a doubt)",
        build: () => ({ data: input({ orders: [o], lines: [sale, fee] }), expectIds: [o.id, sale.id, fee.id] }),
        auto: true,
        adjustments: { COMMISSION: 500n },
        codes: ["ORDER_NO_EXACT", "FEES_ITEMIZED_ON_BILL", "COMMISSION_ABOVE_CONTRACT"],
      };
    })(),
    (() => {
      const o = order({ orderNo: "250301-3004", paidMinor: 10000n });
      const sale = line({ orderNo: "250301-3004", amountMinor: 10000n });
      const fee = line({ orderNo: "250301-3004", lineType: "COMMISSION", amountMinor: -60n, memo: "0030001|技术服务费-技术服务费" });
      return {
        name: "a store without a contracted rate: the itemized fee proves the group all the same",
        build: () => ({ data: input({ orders: [o], lines: [sale, fee] }, { stores: STORES.map((store) => ({ ...store, feeRateBps: 0 })) }), expectIds: [o.id, sale.id, fee.id] }),
        auto: true,
        adjustments: { COMMISSION: 60n },
        codes: ["ORDER_NO_EXACT", "FEES_ITEMIZED_ON_BILL"],
      };
    })(),
    (() => {
      const o = order({ storeId: "tmall", orderNo: "2228000000000000077", paidMinor: 10000n });
      const sale = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000077", amountMinor: 10000n, memo: "交易收入" });
      const commission = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000077", amountMinor: -400n, memo: "收费 / 天猫佣金（类目：服饰）扣款[2228000000000000077]" });
      const affiliate = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000077", amountMinor: -1500n, memo: "淘宝客佣金代扣款[2228000000000000077]" });
      const insurance = bank({ accountId: "alipay", merchantOrderNo: "T200P2228000000000000077", amountMinor: -88n, memo: "运费险[2228000000000000077]" });
      return {
        name: "淘宝客 affiliate commission is marketing, not the platform's commission; 运费险 a service charge",
        build: () => ({ data: input({ orders: [o], bank: [sale, commission, affiliate, insurance] }), expectIds: [o.id, sale.id, commission.id, affiliate.id, insurance.id] }),
        auto: true,
        adjustments: { COMMISSION: 400n, SERVICE_FEE: 88n, PROMOTION: 1500n },
        codes: ["ORDER_NO_WITH_PREFIX", "FEES_ITEMIZED_ON_BILL", "COMMISSION_WITHIN_CONTRACT"],
      };
    })(),
    (() => {
      const o = order({ orderNo: "250301-3005", paidMinor: 10000n });
      const sale = line({ orderNo: "250301-3005", amountMinor: 10000n });
      const adjustment = line({ orderNo: "250301-3005", lineType: "ADJUSTMENT", amountMinor: -700n, memo: "0090001|其他-调账" });
      return {
        name: "a bill line whose words name no fee type: OTHER, for a person",
        build: () => ({ data: input({ orders: [o], lines: [sale, adjustment] }), expectIds: [o.id, sale.id, adjustment.id] }),
        auto: false,
        adjustments: { OTHER: 700n },
        codes: ["ORDER_NO_EXACT", "DIFFERENCE_TYPE_NOT_AUTO"],
      };
    })(),
    (() => {
      const o = order({ orderNo: "250301-4004", paidMinor: 10000n, afterSaleStatus: "退款成功" });
      const sale = line({ orderNo: "250301-4004", amountMinor: 7000n });
      const fee = line({ orderNo: "250301-4004", lineType: "COMMISSION", amountMinor: -42n });
      return {
        name: "a refund only the status shows (PDD exports no amount): proposed, not booked",
        build: () => ({ data: input({ orders: [o], lines: [sale, fee] }), expectIds: [o.id, sale.id, fee.id] }),
        auto: false,
        adjustments: { COMMISSION: 42n, REFUND: 3000n },
        codes: ["ORDER_NO_EXACT", "FEES_ITEMIZED_ON_BILL", "COMMISSION_WITHIN_CONTRACT", "REFUND_AMOUNT_UNVERIFIED"],
      };
    })(),
    (() => {
      const o = order({ orderNo: "250301-5005", paidMinor: 10000n });
      const sale = line({ orderNo: "250301-5005", amountMinor: 9000n });
      return {
        name: "an unexplained shortfall: OTHER, never booked automatically",
        build: () => ({ data: input({ orders: [o], lines: [sale] }), expectIds: [o.id, sale.id] }),
        auto: false,
        adjustments: { OTHER: 1000n },
        codes: ["ORDER_NO_EXACT", "DIFFERENCE_UNEXPLAINED"],
      };
    })(),
    (() => {
      const o = order({ orderNo: "250301-6006", paidMinor: 10003n });
      const sale = line({ orderNo: "250301-6006", amountMinor: 10000n });
      return {
        name: "three fen off: rounding within the ¥0.05 limit",
        build: () => ({ data: input({ orders: [o], lines: [sale] }), expectIds: [o.id, sale.id] }),
        auto: true,
        adjustments: { ROUNDING: 3n },
        codes: ["ORDER_NO_EXACT"],
      };
    })(),
    (() => {
      const rows = [order({ storeId: "jd", orderNo: "365825407448", paidMinor: 9980n }), order({ storeId: "jd", orderNo: "365825407448", paidMinor: 7980n })];
      const sale = line({ storeId: "jd", orderNo: "365825407448", amountMinor: 17960n });
      const fee = line({ storeId: "jd", orderNo: "365825407448", lineType: "COMMISSION", amountMinor: -1437n });
      return {
        name: "an order exported as several SKU rows takes all of them",
        build: () => ({ data: input({ orders: rows, lines: [sale, fee] }), expectIds: [rows[0]!.id, rows[1]!.id, sale.id, fee.id] }),
        auto: true,
        adjustments: { COMMISSION: 1437n },
        codes: ["ORDER_NO_EXACT", "FEES_ITEMIZED_ON_BILL", "COMMISSION_WITHIN_CONTRACT"],
      };
    })(),
  ];

  it.each(cases)("$name", ({ build, auto, adjustments, codes }) => {
    const { data, expectIds } = build();
    const proposal = onlyProposal(run(data), "ORDER_NO");
    expect(proposal.pass).toBe(1);
    expect(proposal.link).toBe("ORDER_SETTLEMENT");
    expect(idsOf(proposal)).toEqual(expectIds.sort((a, b) => Number(a) - Number(b)));
    expect(proposal.autoConfirm).toBe(auto);
    expect(adjustmentsOf(proposal)).toEqual(adjustments);
    expect(codesOf(proposal)).toEqual(codes);
  });

  it("signs items from the hop's point of view: the order leaves (−), its lines arrive (+ sale, − fee)", () => {
    const o = order({ orderNo: "250301-7007", paidMinor: 10000n });
    const sale = line({ orderNo: "250301-7007", amountMinor: 10000n });
    const fee = line({ orderNo: "250301-7007", lineType: "COMMISSION", amountMinor: -60n });
    const proposal = onlyProposal(run(input({ orders: [o], lines: [sale, fee] })));
    expect(proposal.items.map((item) => [item.id, item.amountMinor])).toEqual([
      [o.id, -10000n],
      [sale.id, 10000n],
      [fee.id, -60n],
    ]);
  });

  it("leaves a line whose order is not imported, saying which order it wanted", () => {
    const stray = line({ orderNo: "250201-9999", amountMinor: 5000n });
    const result = run(input({ lines: [stray] }));
    expect(result.proposals).toEqual([]);
    expect(unmatchedCodes(result, "settlement", stray.id, "upstream")).toEqual(["ORDER_NOT_FOUND"]);
    expect(result.unmatched.settlement.find((item) => item.direction === "upstream")!.reasons[0]!.params).toEqual({ orderNo: "250201-9999" });
  });

  it("does not tie a store's bill line to another store's order with the same number", () => {
    const other = order({ storeId: "jd", orderNo: "88880001", paidMinor: 1000n });
    const stray = line({ storeId: "pdd", orderNo: "88880001", amountMinor: 1000n });
    expect(run(input({ orders: [other], lines: [stray] })).proposals).toEqual([]);
  });

  it("does not propose a line a person rejected for the order", () => {
    const o = order({ orderNo: "250301-8008", paidMinor: 1000n });
    const sale = line({ orderNo: "250301-8008", amountMinor: 1000n });
    const result = run(input({ orders: [o], lines: [sale] }, { rejected: [{ a: { side: "order", id: o.id }, b: { side: "settlement", id: sale.id } }] }));
    expect(result.proposals).toEqual([]);
    expect(unmatchedCodes(result, "settlement", sale.id, "upstream")).toContain("REJECTED_BY_USER");
  });
});

describe("pass 1: withdrawal ↔ bank receipt by the withdrawal number", () => {
  it.each([
    { name: "PDD 提现 number in the bank memo", via: "memo" as const, code: "PAYOUT_ID_IN_MEMO" },
    { name: "Alipay 提现 业务流水号 as the bank reference", via: "reference" as const, code: "PAYOUT_ID_IN_REFERENCE" },
  ])("$name", ({ via, code }) => {
    const withdrawal =
      via === "memo"
        ? line({ lineType: "WITHDRAWAL", payoutId: "TX202503011898875058", amountMinor: -303015n, occurredOn: "2025-03-01" })
        : bank({ accountId: "alipay", secondaryReference: "20250302200040011100931328229425", amountMinor: -659353n, memo: "提现 / 提现到银行卡", occurredOn: "2025-03-02" });
    const receipt =
      via === "memo"
        ? bank({ amountMinor: 303015n, counterparty: PAYERS.pdd, memo: "汇入汇款 / 拼多多提现 TX202503011898875058", occurredOn: "2025-03-02" })
        : bank({ amountMinor: 659353n, counterparty: PAYERS.alipay, reference: "20250302200040011100931328229425", occurredOn: "2025-03-02" });
    const proposal = onlyProposal(run(input({ lines: via === "memo" ? [withdrawal as never] : [], bank: via === "memo" ? [receipt] : [withdrawal as never, receipt] })), "PAYOUT_ID");
    expect(proposal.link).toBe("PAYOUT_BANK");
    expect(proposal.autoConfirm).toBe(true);
    expect(proposal.items.map((item) => item.amountMinor)).toEqual(via === "memo" ? [-303015n, 303015n] : [-659353n, 659353n]);
    expect(codesOf(proposal)).toContain(code);
  });

  it("types a bank fee kept back on the way and leaves it to a person above the rules' limit", () => {
    const withdrawal = line({ lineType: "WITHDRAWAL", payoutId: "TX2025030500000001", amountMinor: -100000n });
    const receipt = bank({ amountMinor: 99950n, memo: "拼多多提现 TX2025030500000001" });
    const proposal = onlyProposal(run(input({ lines: [withdrawal], bank: [receipt] })));
    expect(adjustmentsOf(proposal)).toEqual({ FEE: 50n });
    expect(proposal.autoConfirm).toBe(false);
    const allowed = onlyProposal(run(input({ lines: [withdrawal], bank: [receipt] }), { autoConfirm: { maxTransferFeeMinor: 100 } }));
    expect(allowed.autoConfirm).toBe(true);
  });

  it("makes no pair when two bank rows quote the same withdrawal", () => {
    const withdrawal = line({ lineType: "WITHDRAWAL", payoutId: "TX2025030600000002", amountMinor: -5000n });
    const first = bank({ amountMinor: 5000n, memo: "拼多多提现 TX2025030600000002" });
    const second = bank({ amountMinor: 5000n, memo: "退回重发 TX2025030600000002" });
    const result = run(input({ lines: [withdrawal], bank: [first, second] }), { passes: ["EXACT_KEYS"] });
    expect(result.proposals).toEqual([]);
    expect(unmatchedCodes(result, "bank", first.id)).toContain("AMBIGUOUS_CANDIDATES");
  });

  it("proposes but does not book a pair whose dates are further apart than the window", () => {
    const withdrawal = line({ lineType: "WITHDRAWAL", payoutId: "TX2025030100000003", amountMinor: -5000n, occurredOn: "2025-03-01" });
    const receipt = bank({ amountMinor: 5000n, memo: "拼多多提现 TX2025030100000003", occurredOn: "2025-03-20" });
    const proposal = onlyProposal(run(input({ lines: [withdrawal], bank: [receipt] })));
    expect(proposal.autoConfirm).toBe(false);
    expect(codesOf(proposal)).toContain("DATE_OUTSIDE_WINDOW");
  });
});

describe("pass 1: order numbers in bank memos", () => {
  it.each([
    { name: "one transfer for one order", orders: [12000n], receipts: [12000n], codes: ["ORDER_NO_IN_MEMO", "SUM_EXACT"] },
    { name: "one transfer for two orders", orders: [5000n, 7000n], receipts: [12000n], codes: ["ORDER_NO_IN_MEMO", "ORDER_NO_IN_MEMO", "SEVERAL_ORDERS_ONE_RECEIPT", "SUM_EXACT"] },
    { name: "one order paid in two transfers", orders: [12000n], receipts: [5000n, 7000n], codes: ["ORDER_NO_IN_MEMO", "SEVERAL_RECEIPTS_ONE_ORDER", "SUM_EXACT"] },
  ])("$name", ({ orders: paid, receipts: amounts, codes }) => {
    const orders = paid.map((paidMinor, k) => order({ storeId: "jd", orderNo: `90000000${k}`, paidMinor }));
    const memo = `货款 订单 ${orders.map((o) => o.orderNo).join(" ")}`;
    const receipts = amounts.map((amountMinor) => bank({ amountMinor, counterparty: "某某商贸有限公司", memo }));
    const proposal = onlyProposal(run(input({ orders, bank: receipts })), "ORDER_NO_IN_BANK_MEMO");
    expect(proposal.link).toBe("ORDER_BANK");
    expect(proposal.autoConfirm).toBe(true);
    expect(codesOf(proposal)).toEqual(codes);
  });

  it("leaves a transfer that does not add up to pass 4 (partial payment)", () => {
    const o = order({ storeId: "jd", orderNo: "900000777", paidMinor: 12000n });
    const receipt = bank({ amountMinor: 5000n, memo: "订单 900000777 首付" });
    const result = run(input({ orders: [o], bank: [receipt] }));
    const proposal = onlyProposal(result, "PARTIAL_PAYMENT");
    expect(proposal.pass).toBe(4);
    expect(proposal.autoConfirm).toBe(false);
    expect(proposal.items.map((item) => [item.id, item.amountMinor])).toEqual([
      [o.id, -5000n],
      [receipt.id, 5000n],
    ]);
    expect(result.unmatched.orders).toEqual([expect.objectContaining({ id: o.id, remainingMinor: 7000n })]);
  });
});
