// What a bill or wallet line is, for typing a group's difference: a sale, a refund, or a fee of one
// of the fee types the platforms' own descriptions name (lib/fees/fee-types.ts: 天猫佣金, 技术服务费,
// 淘宝客, 花呗/信用卡 payment fees, 运费险, 积分, coupons, advertising, subsidies …). Each fee type goes
// to the adjustment type that explains it: the platform's commission to COMMISSION, marketing the
// seller chose to pay for (affiliates, advertising, coupons, points) and platform subsidies to
// PROMOTION, the other charges (payment fees, freight insurance, fulfilment, penalties, tax) to
// SERVICE_FEE. A line whose type nobody can tell stays OTHER, which a person must look at.
//
// The classifier runs once per memo shape — the memo up to its first "[", where Alipay writes the
// order number ("天猫佣金（类目：服饰）扣款[1234]") — not once per line: a month has a million fee lines.
import { classifyFee, type FeeType } from "@/lib/fees/fee-types";
import type { ReconcileRules } from "../rules";
import type { SettlementLineType } from "../types";
import { containsAny } from "./keys";

/** What a LINE is, for typing a group's difference. */
export const LineKind = { NONE: 0, SALE: 1, COMMISSION: 2, SERVICE_FEE: 3, PROMOTION: 4, REFUND: 5, OTHER: 6 } as const;
export type LineKindCode = (typeof LineKind)[keyof typeof LineKind];

const KIND_OF_FEE: Record<FeeType, LineKindCode> = {
  COMMISSION: LineKind.COMMISSION,
  TECH_SERVICE_FEE: LineKind.COMMISSION,
  AFFILIATE: LineKind.PROMOTION,
  ADVERTISING: LineKind.PROMOTION,
  COUPON: LineKind.PROMOTION,
  POINTS: LineKind.PROMOTION,
  SUBSIDY: LineKind.PROMOTION,
  PAYMENT_FEE: LineKind.SERVICE_FEE,
  SHIPPING_INSURANCE: LineKind.SERVICE_FEE,
  FULFILLMENT: LineKind.SERVICE_FEE,
  PENALTY: LineKind.SERVICE_FEE,
  TAX: LineKind.SERVICE_FEE,
  SERVICE_FEE: LineKind.SERVICE_FEE,
  ADJUSTMENT: LineKind.OTHER,
  OTHER: LineKind.OTHER,
};

/** A memo's shape: what comes before the order number Alipay appends in brackets. */
function memoShape(memo: string): string {
  const bracket = memo.indexOf("[");
  return bracket === -1 ? memo : memo.slice(0, bracket);
}

/** One per run: remembers each memo shape's kind. */
export class LineKinds {
  private readonly byShape = new Map<string, LineKindCode>();

  constructor(private readonly keywords: ReconcileRules["walletKeywords"]) {}

  /** A bill line: sales, refunds and withdrawals are what the importer said; fees by their words. */
  ofBillLine(lineType: Exclude<SettlementLineType, "WITHDRAWAL">, memo: string | undefined): LineKindCode {
    if (lineType === "SALE") return LineKind.SALE;
    if (lineType === "REFUND") return LineKind.REFUND;
    return this.feeKind(`${lineType}\u0000`, lineType, memo);
  }

  /**
   * A wallet row has no line type: money in is a sale (unless its memo says refund), money out a
   * refund or a fee its words name; the rules' wallet keywords type what the fee list does not know.
   */
  ofWalletRow(amount: number, memo: string | undefined): LineKindCode {
    if (amount > 0) return containsAny(memo, this.keywords.REFUND) ? LineKind.OTHER : LineKind.SALE;
    if (containsAny(memo, this.keywords.REFUND)) return LineKind.REFUND;
    return this.feeKind("W\u0000", undefined, memo);
  }

  private feeKind(prefix: string, lineType: SettlementLineType | undefined, memo: string | undefined): LineKindCode {
    const shape = memo === undefined ? "" : memoShape(memo);
    const key = prefix + shape;
    let kind = this.byShape.get(key);
    if (kind === undefined) {
      kind = this.classify(lineType, shape);
      this.byShape.set(key, kind);
    }
    return kind;
  }

  private classify(lineType: SettlementLineType | undefined, shape: string): LineKindCode {
    const feeType = classifyFee({ lineType, text: shape });
    if (feeType !== null) return KIND_OF_FEE[feeType];
    if (lineType !== undefined) return LineKind.OTHER; // a reserve held back and the like: not a fee
    if (containsAny(shape, this.keywords.COMMISSION)) return LineKind.COMMISSION;
    if (containsAny(shape, this.keywords.SERVICE_FEE)) return LineKind.SERVICE_FEE;
    if (containsAny(shape, this.keywords.PROMOTION)) return LineKind.PROMOTION;
    return LineKind.OTHER;
  }
}
