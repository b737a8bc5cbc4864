// Matching rules are data, one set per organization: windows, tolerances, which differences may be
// booked without a person and up to how much, the order of the passes, who pays for each platform.
// Stored as JSON (amounts as strings or numbers), parsed here into bigint minor units. Every run
// records `version`, so a result can always be traced to the rules that made it.
import { z } from "zod";
import { ADJUSTMENT_TYPES, type AdjustmentType, type StorePlatform } from "./types";

const minorUnits = z
  .union([z.bigint(), z.number().int(), z.string().regex(/^-?\d+$/)])
  .transform((value) => BigInt(value))
  .refine((value) => value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER), "must be a non-negative amount in minor units");

export const PASS_KINDS = ["EXACT_KEYS", "MANY_TO_ONE", "AMOUNT_DATE", "SUGGESTIONS"] as const;
export type PassKind = (typeof PASS_KINDS)[number];
/** The fixed number each pass kind is reported under, whatever order the rules run them in. */
export const PASS_NUMBER: Record<PassKind, 1 | 2 | 3 | 4> = { EXACT_KEYS: 1, MANY_TO_ONE: 2, AMOUNT_DATE: 3, SUGGESTIONS: 4 };

const PLATFORMS = ["TMALL", "TAOBAO", "JD", "PDD", "DOUYIN", "SHOPIFY", "AMAZON", "OTHER"] as const satisfies readonly StorePlatform[];
const WALLET_TYPES = ["ALIPAY", "WECHAT", "OTHER"] as const;

/** Paying entities as bank statements print them (对方户名). Real company names, not guesses. */
const DEFAULT_PLATFORM_PAYERS: Partial<Record<StorePlatform, string[]>> = {
  TMALL: ["支付宝（中国）网络技术有限公司"],
  TAOBAO: ["支付宝（中国）网络技术有限公司"],
  PDD: ["上海寻梦信息技术有限公司"],
  JD: ["北京京东世纪贸易有限公司"],
  DOUYIN: ["北京空间变换科技有限公司"],
};
const DEFAULT_WALLET_PAYERS = { ALIPAY: ["支付宝（中国）网络技术有限公司"], WECHAT: ["财付通支付科技有限公司"] };

/** How a wallet line (no line type of its own) is classified from its memo; first match wins. */
const DEFAULT_WALLET_KEYWORDS = {
  WITHDRAWAL: ["提现"],
  REFUND: ["退款"],
  COMMISSION: ["佣金", "技术服务费"],
  SERVICE_FEE: ["服务费", "手续费"],
  PROMOTION: ["推广", "营销", "进宝", "广告"],
};

export const reconcileRulesSchema = z.object({
  version: z.string().min(1).max(100),
  /** Bank and settlement dates may differ by this many days (23 % of real bank dates are a day off). */
  dateWindowDays: z.number().int().min(0).max(60).default(3),
  /** A withdrawal or payout is booked by the bank on its day or up to this many days later. */
  bookingLagDays: z.number().int().min(0).max(10).default(1),
  /** Sums "agree" when they differ by at most max(toleranceMinor, |amount| × tolerancePercentBps). */
  toleranceMinor: minorUnits.default(100n),
  tolerancePercentBps: z.number().int().min(0).max(10_000).default(10),
  autoConfirm: z
    .object({
      enabled: z.boolean().default(true),
      /** Rounding differences up to this may be booked automatically (¥0.05). */
      maxRoundingMinor: minorUnits.default(5n),
      /** Commission may be booked automatically when within the store's contracted feeRateBps. */
      commissionWithinContract: z.boolean().default(true),
      maxServiceFeeBps: z.number().int().min(0).max(10_000).default(100),
      maxPromotionBps: z.number().int().min(0).max(10_000).default(2000),
      /** A bank fee kept back from a withdrawal may be booked automatically up to this. */
      maxTransferFeeMinor: minorUnits.default(0n),
      /** Difference types that may ever be booked automatically. */
      types: z.array(z.enum(ADJUSTMENT_TYPES)).default((): AdjustmentType[] => ["COMMISSION", "SERVICE_FEE", "PROMOTION", "REFUND", "ROUNDING", "FEE"]),
      /** Orders grouped to a payout by settlement date alone (no id links them): off by default. */
      settlementDateGroups: z.boolean().default(false),
    })
    .prefault({}),
  passes: z
    .array(z.enum(PASS_KINDS))
    .min(1)
    .refine((passes) => new Set(passes).size === passes.length, "each pass at most once")
    .default(() => [...PASS_KINDS]),
  subsetSum: z
    .object({
      /** Bounded search: more candidates than this and the search is skipped (2^n / 2 per half). */
      maxCandidates: z.number().int().min(1).max(24).default(20),
    })
    .prefault({}),
  platformPayers: z.partialRecord(z.enum(PLATFORMS), z.array(z.string().min(1))).default(() => structuredClone(DEFAULT_PLATFORM_PAYERS)),
  walletPayers: z.partialRecord(z.enum(WALLET_TYPES), z.array(z.string().min(1))).default(() => structuredClone(DEFAULT_WALLET_PAYERS)),
  /** Prefixes wallets put before an order number (Alipay 商户订单号 of Tmall trades: T200P<订单编号>). */
  orderNoPrefixes: z.array(z.string().min(1)).default(() => ["T200P"]),
  /** Platforms whose merchantReceivedMinor is already net of commission (JD 结算金额). */
  netOfCommissionPlatforms: z.array(z.enum(PLATFORMS)).default((): StorePlatform[] => ["JD"]),
  walletKeywords: z
    .object({
      WITHDRAWAL: z.array(z.string().min(1)).default(() => [...DEFAULT_WALLET_KEYWORDS.WITHDRAWAL]),
      REFUND: z.array(z.string().min(1)).default(() => [...DEFAULT_WALLET_KEYWORDS.REFUND]),
      COMMISSION: z.array(z.string().min(1)).default(() => [...DEFAULT_WALLET_KEYWORDS.COMMISSION]),
      SERVICE_FEE: z.array(z.string().min(1)).default(() => [...DEFAULT_WALLET_KEYWORDS.SERVICE_FEE]),
      PROMOTION: z.array(z.string().min(1)).default(() => [...DEFAULT_WALLET_KEYWORDS.PROMOTION]),
    })
    .prefault({}),
  /** Order status words that mean money went back to the buyer (evidence for a REFUND difference). */
  refundStatusKeywords: z.array(z.string().min(1)).default(() => ["退款", "已取消", "交易关闭", "已关闭"]),
});

export type ReconcileRules = z.output<typeof reconcileRulesSchema>;
export type ReconcileRulesInput = z.input<typeof reconcileRulesSchema>;

export const DEFAULT_RULES_VERSION = "default-1";

/** Validates stored rules and fills defaults; throws a ZodError naming the bad field. */
export function parseRules(input: unknown): ReconcileRules {
  return reconcileRulesSchema.parse(input);
}

export function defaultRules(version = DEFAULT_RULES_VERSION): ReconcileRules {
  return parseRules({ version });
}
