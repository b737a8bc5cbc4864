// The fee classifier on descriptions as the real exports write them (memo = the importer's
// joinText of the export's columns, " / " between them): 拼多多 账务明细, 支付宝 账务明细 of a 天猫
// shop, Amazon settlement V2 (/work/shared/fixtures/amazon-settlement), Shopify payments.
import { describe, expect, it } from "vitest";
import { classifyFee, FEE_LINE_TYPES, FEE_TYPES, type FeeLineFacts, type FeeType } from "@/lib/fees/fee-types";

const cases: Array<[FeeLineFacts, FeeType | null]> = [
  // 拼多多 店铺账务明细 (账务类型 / 备注 / 业务描述)
  [{ lineType: "COMMISSION", text: "技术服务费 / - / 0030001|技术服务费-技术服务费" }, "TECH_SERVICE_FEE"],
  [{ lineType: "COMMISSION", text: "多多进宝 / 多多进宝佣金扣除 / 0060001|营销费用-多多进宝" }, "AFFILIATE"],
  [{ lineType: "PROMOTION", text: "优惠券结算 / 店铺优惠券 / 0060003|营销费用-优惠券" }, "COUPON"],
  [{ lineType: "PROMOTION", text: "平台补贴 / 百亿补贴 / 0060005|营销费用-平台补贴" }, "SUBSIDY"],
  [{ lineType: "PROMOTION", text: "推广 / 全站推广扣费" }, "ADVERTISING"],
  [{ lineType: "ADJUSTMENT", text: "扣款 / 延迟发货违约金" }, "PENALTY"],
  [{ lineType: "SERVICE_FEE", text: "服务费 / 退货包运费服务费" }, "SHIPPING_INSURANCE"],
  [{ lineType: "SERVICE_FEE", text: "服务费 / 店铺装修服务费" }, "SERVICE_FEE"],
  [{ lineType: "SALE", text: "交易收入 / - / 0010002|交易收入-订单收入" }, null],
  [{ lineType: "REFUND", text: "交易退款 / - / 0020002|交易退款-订单退款" }, null],
  [{ lineType: "WITHDRAWAL", text: "提现 / 提现至银行卡 / 0080001|提现-余额提现" }, null],
  // 支付宝 账务明细 of a 天猫 shop: wallet rows, no line type (商品名称 / 业务类型 / 备注)
  [{ text: "纯棉圆领T恤 / 收费 / 天猫佣金（类目：女装/女士精品）扣款[3561234567890123]" }, "COMMISSION"],
  [{ text: "纯棉圆领T恤 / 收费 / 花呗支付服务费[3561234567890123]" }, "PAYMENT_FEE"],
  [{ text: "纯棉圆领T恤 / 收费 / 信用卡支付服务费[3561234567890123]" }, "PAYMENT_FEE"],
  [{ text: "收费 / 淘宝客佣金[3561234567890123]" }, "AFFILIATE"],
  [{ text: "收费 / 花呗分期手续费" }, "PAYMENT_FEE"],
  [{ text: "收费 / 运费险[3561234567890123]" }, "SHIPPING_INSURANCE"],
  [{ text: "收费 / 天猫积分扣款" }, "POINTS"],
  [{ text: "收费 / 技术服务年费" }, "TECH_SERVICE_FEE"],
  [{ text: "直通车 / 推广充值" }, "ADVERTISING"],
  [{ text: "纯棉圆领T恤 / 在线支付 / 交易收入" }, null],
  [{ text: "提现 / 余额提现" }, null],
  // Amazon settlement V2 (transaction-type / amount-type / amount-description / sku)
  [{ lineType: "COMMISSION", text: "Order / ItemFees / Commission / NX-HD-1200" }, "COMMISSION"],
  [{ lineType: "COMMISSION", text: "Refund / ItemFees / RefundCommission / NX-HD-1200" }, "COMMISSION"],
  [{ lineType: "SERVICE_FEE", text: "Order / ItemFees / FBAPerUnitFulfillmentFee / NX-HD-1200" }, "FULFILLMENT"],
  [{ lineType: "SERVICE_FEE", text: "Order / ItemFees / ShippingChargeback / NX-CB-0450" }, "FULFILLMENT"],
  [{ lineType: "SERVICE_FEE", text: "Shipment / Shipment-Fees / FBAPerOrderFulfillmentFee" }, "FULFILLMENT"],
  [{ lineType: "SERVICE_FEE", text: "ServiceFee / other-transaction / Storage Fee" }, "FULFILLMENT"],
  [{ lineType: "SERVICE_FEE", text: "ServiceFee / other-transaction / LowInventoryLevelFee" }, "FULFILLMENT"],
  [{ lineType: "SERVICE_FEE", text: "ServiceFee / other-transaction / Subscription Fee" }, "SERVICE_FEE"],
  [{ lineType: "OTHER", text: "Order / ItemFees / MarketplaceFacilitatorVAT-Principal / NX-HD-1200" }, "TAX"],
  [{ lineType: "PROMOTION", text: "Order / Promotion / Principal / NX-HD-1200" }, "COUPON"],
  [{ lineType: "ADJUSTMENT", text: "Adjustment / other-transaction / Refund Reimbursal" }, "ADJUSTMENT"],
  [{ lineType: "OTHER", text: "Transfer / other-transaction / Current Reserve Amount" }, null],
  [{ lineType: "OTHER", text: "Transfer / other-transaction / Previous Reserve Amount Balance" }, null],
  // Shopify payments: the fee split off a charge, and a chargeback
  [{ lineType: "SERVICE_FEE", text: "fee / charge" }, "PAYMENT_FEE"],
  [{ lineType: "ADJUSTMENT", text: "chargeback / visa / card" }, "PENALTY"],
  // No words: the importer's line type decides
  [{ lineType: "COMMISSION", text: null }, "COMMISSION"],
  [{ lineType: "PROMOTION" }, "ADVERTISING"],
  [{ lineType: "OTHER", text: "" }, "OTHER"],
  [{ text: null }, null],
];

describe("classifyFee", () => {
  it.each(cases)("%o → %s", (line, expected) => {
    expect(classifyFee(line)).toBe(expected);
  });

  it("gives every line type that may be a fee some fee type when its words say nothing", () => {
    for (const lineType of FEE_LINE_TYPES) expect(FEE_TYPES).toContain(classifyFee({ lineType }));
  });
});
