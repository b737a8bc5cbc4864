// What kind of fee a platform bill line (or a wallet row) is: one fixed list of fee types that the
// 费用分析 report groups by and that matching will reuse to tell a fee from a sale. Pure: the line's
// type as the importer set it (lib/import/formats) plus the platform's own words (memo, description),
// never the database. The words are those the real exports carry:
//   - 拼多多 店铺账务明细: 账务类型 + 业务描述, e.g. "技术服务费 - 0030001|技术服务费-技术服务费",
//     "多多进宝 多多进宝佣金扣除 0060001|营销费用-多多进宝";
//   - 支付宝 账务明细 of a 天猫 shop (wallet rows): "收费 天猫佣金（类目：…）扣款[…]",
//     "花呗支付服务费[…]", "信用卡支付服务费[…]", 淘宝客佣金, 运费险, 积分 …;
//   - Amazon settlement V2: "Order ItemFees Commission SKU", "Order ItemFees FBAPerUnitFulfillmentFee",
//     "ServiceFee other-transaction Subscription Fee", "Transfer other-transaction Current Reserve Amount";
//   - Shopify payments: "fee charge" (the processing fee split off each charge), "chargeback visa".
// The first rule whose words appear wins, so the specific words come before the general ones
// (淘宝客佣金 is affiliate commission, not the platform's; 信用卡支付服务费 a payment fee, not a service fee).
import type { SettlementLineType } from "@/lib/import/types";

/** Every fee type, in the order the report shows them. Their names are messages reports.feeTypes.<type>. */
export const FEE_TYPES = [
  "COMMISSION",
  "TECH_SERVICE_FEE",
  "AFFILIATE",
  "PAYMENT_FEE",
  "SHIPPING_INSURANCE",
  "POINTS",
  "COUPON",
  "ADVERTISING",
  "SUBSIDY",
  "FULFILLMENT",
  "PENALTY",
  "TAX",
  "SERVICE_FEE",
  "ADJUSTMENT",
  "OTHER",
] as const;
export type FeeType = (typeof FEE_TYPES)[number];

/**
 * The fee types the store's contracted rate (Store.feeRateBps: "commission / technical service
 * fee") speaks of: 天猫佣金 and 京东/抖音 commission, 拼多多 技术服务费.
 */
export const COMMISSION_LIKE_FEE_TYPES: readonly FeeType[] = ["COMMISSION", "TECH_SERVICE_FEE"];

/** Bill lines that are never fees: what buyers paid, what went back to them, what left for the bank. */
export const NON_FEE_LINE_TYPES: readonly SettlementLineType[] = ["SALE", "REFUND", "WITHDRAWAL"];
/** Bill lines that may be fees (the classifier still says no to a reserve transfer and the like). */
export const FEE_LINE_TYPES: readonly SettlementLineType[] = ["COMMISSION", "SERVICE_FEE", "PROMOTION", "ADJUSTMENT", "OTHER"];

const RULES: ReadonlyArray<readonly [RegExp, FeeType | null]> = [
  // Money held back and released later is the seller's own money, not a cost.
  [/reserve|预留|冻结|解冻|保证金/i, null],
  [/运费险|退货险|退货包运费|shipping insurance/i, "SHIPPING_INSURANCE"],
  [/淘宝客|淘客|多多进宝|精选联盟|京挑客|京东联盟|联盟佣金|推广佣金|affiliate/i, "AFFILIATE"],
  [/花呗|信用卡|分期|支付服务费|支付手续费|交易手续费|提现手续费|^fee\b|payment fee|processing fee/i, "PAYMENT_FEE"],
  [/技术服务费|软件服务费|技术年费|技术服务年费/, "TECH_SERVICE_FEE"],
  [/佣金|commission/i, "COMMISSION"],
  [/积分|集分宝|points/i, "POINTS"],
  [/优惠券|红包|购物券|满减|立减|折扣|coupon|promotion/i, "COUPON"],
  [/补贴|平台优惠|平台承担|subsidy/i, "SUBSIDY"],
  [/直通车|万相台|引力魔方|钻展|推广|广告|营销|advertis|sponsored/i, "ADVERTISING"],
  [/fba|fulfil|storage|inventory|仓储|物流|配送|快递|运费|shipping/i, "FULFILLMENT"],
  [/罚|违约|赔付|赔偿|索赔|扣分|chargeback/i, "PENALTY"],
  [/税|\btax|vat\b|vat-/i, "TAX"],
  [/服务费|手续费|年费|\bfee/i, "SERVICE_FEE"],
];

/** The fee type of a line the words did not name, from the importer's line type. */
const BY_LINE_TYPE: Partial<Record<SettlementLineType, FeeType>> = {
  COMMISSION: "COMMISSION",
  SERVICE_FEE: "SERVICE_FEE",
  PROMOTION: "ADVERTISING",
  ADJUSTMENT: "ADJUSTMENT",
  OTHER: "OTHER",
};

export type FeeLineFacts = {
  /** The bill line's type; absent for a wallet row (then only its words can make it a fee). */
  lineType?: SettlementLineType | null;
  /** The platform's description of the line (memo, reference text). */
  text?: string | null;
};

/**
 * The fee type of a bill line or wallet row, or null when it is no fee (a sale, a refund, a
 * withdrawal, a reserve; a wallet row whose words name no fee).
 */
export function classifyFee(line: FeeLineFacts): FeeType | null {
  if (line.lineType && NON_FEE_LINE_TYPES.includes(line.lineType)) return null;
  const text = (line.text ?? "").trim();
  if (text) {
    for (const [pattern, type] of RULES) if (pattern.test(text)) return type;
  }
  return line.lineType ? (BY_LINE_TYPE[line.lineType] ?? null) : null;
}

export function isFeeType(value: string): value is FeeType {
  return (FEE_TYPES as readonly string[]).includes(value);
}
