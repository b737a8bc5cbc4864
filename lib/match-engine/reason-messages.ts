// What each reason code says to a person, in Chinese and English. Templates name their params in
// braces; params ending in "Minor" are amounts in minor units and are printed as money, params
// ending in "Bps" are rates kept in basis points and are printed as percent ("0.6%"), as people read them.
import { formatMinor, type MoneyLocale } from "@/lib/money";
import type { ReasonCode } from "./reason-codes";
import type { AdjustmentType, Reason } from "./types";

type Messages = Record<ReasonCode, { "zh-CN": string; en: string }>;

export const REASON_MESSAGES: Messages = {
  ORDER_NO_EXACT: { "zh-CN": "订单号完全一致", en: "The order numbers match exactly" },
  ORDER_NO_WITH_PREFIX: { "zh-CN": "商户订单号去掉前缀 {prefix} 后即为订单号", en: "The merchant order number is the order number after the prefix {prefix}" },
  ORDER_NO_IN_MEMO: { "zh-CN": "摘要中包含订单号 {orderNo}", en: "The memo names order {orderNo}" },
  SUB_ORDER_NO_EXACT: { "zh-CN": "子订单号完全一致", en: "The sub-order numbers match exactly" },
  PAYOUT_ID_EXACT: { "zh-CN": "结算/提现单号 {payoutId} 一致", en: "Payout / withdrawal number {payoutId} matches" },
  PAYOUT_ID_IN_REFERENCE: { "zh-CN": "银行流水号与提现单号 {payoutId} 一致", en: "The bank reference is withdrawal {payoutId}" },
  PAYOUT_ID_IN_MEMO: { "zh-CN": "银行摘要中包含提现/结算单号 {payoutId}", en: "The bank memo names withdrawal / payout {payoutId}" },
  PAYOUT_ID_SUFFIX_IN_MEMO: { "zh-CN": "银行摘要中的 {suffix} 与提现单号 {payoutId} 的尾号相同", en: "The bank memo's {suffix} ends withdrawal number {payoutId}" },
  SAME_PAYOUT_ID: { "zh-CN": "{lines} 条账单明细属于同一结算单 {payoutId}", en: "{lines} bill lines belong to payout {payoutId}" },
  SWEEP_SINCE_PREVIOUS_WITHDRAWAL: {
    "zh-CN": "本次提现汇总了上次提现后的 {lines} 条明细（{fromDate} 至 {toDate}）",
    en: "The withdrawal sweeps the {lines} lines since the previous one ({fromDate} to {toDate})",
  },
  SWEEP_WITH_CARRIED_IN_BALANCE: {
    "zh-CN": "本次是对账单中的第一笔提现：汇总了 {fromDate} 至 {toDate} 的 {lines} 条明细，另取走期初余额 {openingMinor} 中的 {carriedInMinor}（提现后余额 {keptMinor}）",
    en: "The statement's first withdrawal: it sweeps the {lines} lines from {fromDate} to {toDate} and {carriedInMinor} of the opening balance of {openingMinor} (leaving {keptMinor})",
  },
  SETTLEMENT_DATES_IN_WINDOW: {
    "zh-CN": "{orders} 笔订单的预计结算日在 {fromDate} 至 {toDate} 之间",
    en: "{orders} orders are due to settle between {fromDate} and {toDate}",
  },
  SETTLED_BETWEEN_PAYOUTS: {
    "zh-CN": "{orders} 笔订单预计于 {fromDate} 至 {toDate} 结算：晚于上一笔打款（{previousOn} 到账），早于本笔打款最早可能的发出日 {earliestOn}",
    en: "{orders} orders were due to settle from {fromDate} to {toDate}: after the previous payout (booked on {previousOn}) and before {earliestOn}, the earliest day this payout can have been sent",
  },
  SETTLED_SINCE_STATEMENT_START: {
    "zh-CN": "{orders} 笔订单预计于 {fromDate} 至 {toDate} 结算：晚于银行流水的起始日 {statementFrom}，早于本笔打款最早可能的发出日 {earliestOn}，其间没有别的打款",
    en: "{orders} orders were due to settle from {fromDate} to {toDate}: after the bank statement begins ({statementFrom}) and before {earliestOn}, the earliest day this payout can have been sent, with no payout in between",
  },
  SAME_AMOUNT_OTHER_PAYER: {
    "zh-CN": "另有 {count} 笔同金额收款来自非平台的付款方（{counterparty}），不是这笔提现",
    en: "{count} other receipts of the same amount come from payers that are not the platform ({counterparty}): not this withdrawal",
  },
  SAME_AMOUNT_BOOKED_BEFORE: {
    "zh-CN": "另有 {count} 笔同金额收款入账早于提现时间 {withdrawnAt}，不可能是这笔提现",
    en: "{count} other receipts of the same amount were booked before the withdrawal left at {withdrawnAt}: they cannot be it",
  },
  SUM_EXACT: { "zh-CN": "合计金额 {amountMinor} 完全相等", en: "The totals agree exactly at {amountMinor}" },
  SUM_WITHIN_TOLERANCE: {
    "zh-CN": "应收 {expectedMinor}，实收 {actualMinor}，差额 {differenceMinor} 在容差 {toleranceMinor} 内",
    en: "Expected {expectedMinor}, received {actualMinor}: the difference {differenceMinor} is within the tolerance {toleranceMinor}",
  },
  AMOUNT_AND_DATE_UNIQUE: { "zh-CN": "金额 {amountMinor} 在日期范围内唯一匹配", en: "The only match for {amountMinor} within the date window" },
  DATE_DIFF_DAYS: { "zh-CN": "日期相差 {days} 天", en: "The dates are {days} days apart" },
  COUNTERPARTY_IS_PLATFORM: { "zh-CN": "对方户名 {counterparty} 是 {platform} 的付款主体", en: "The counterparty {counterparty} is {platform}'s paying entity" },
  SUBSET_SUM_UNIQUE: { "zh-CN": "在 {candidates} 个候选中只有一种组合（{chosen} 笔）金额相符", en: "Of {candidates} candidates, exactly one combination ({chosen} rows) adds up" },
  PARTIAL_PAYMENT: {
    "zh-CN": "部分回款：应收 {expectedMinor}，已收 {receivedMinor}，尚欠 {outstandingMinor}",
    en: "Partly paid: {receivedMinor} of {expectedMinor} received, {outstandingMinor} outstanding",
  },
  OVERPAYMENT: { "zh-CN": "多收：应收 {expectedMinor}，实收 {receivedMinor}，多出 {excessMinor}", en: "Overpaid: {receivedMinor} received for {expectedMinor} due, {excessMinor} extra" },
  SEVERAL_ORDERS_ONE_RECEIPT: { "zh-CN": "一笔收款对应 {orders} 笔订单", en: "One receipt covers {orders} orders" },
  SEVERAL_RECEIPTS_ONE_ORDER: { "zh-CN": "一笔订单分 {receipts} 次收款", en: "One order was paid in {receipts} receipts" },
  COMMISSION_WITHIN_CONTRACT: { "zh-CN": "佣金未超过合同费率 {contractBps}", en: "The commission is within the contracted rate of {contractBps}" },
  COMMISSION_WITHIN_USUAL_RATE: {
    "zh-CN": "佣金未超过本店常见费率 {rateBps}（根据已确认订单学得）",
    en: "The commission is within the store's usual rate of {rateBps} (learned from its confirmed orders)",
  },
  FEES_ITEMIZED_ON_BILL: { "zh-CN": "各项费用均由平台账单逐笔列明，与订单金额相符", en: "Every fee is itemized on the platform's bill and adds up with the order" },
  FEE_RATE_LEARNED: {
    "zh-CN": "店铺未设置合同费率，按本店常见费率 {rateBps} 估算佣金（根据已确认订单学得）",
    en: "No contracted rate: the commission is estimated at the store's usual rate of {rateBps} (learned from its confirmed orders)",
  },
  PLATFORM_FUNDED_DISCOUNT: { "zh-CN": "平台承担的优惠 {amountMinor} 由平台补给商家", en: "The platform paid back its own discount of {amountMinor}" },
  REFUND_FROM_ORDER: { "zh-CN": "订单导出中的退款金额 {amountMinor}", en: "A refund of {amountMinor} per the order export" },
  COMMISSION_ABOVE_CONTRACT: {
    "zh-CN": "佣金 {commissionMinor} 超过合同费率 {contractBps} 允许的 {allowedMinor}",
    en: "Commission {commissionMinor} exceeds the {allowedMinor} the contracted rate of {contractBps} allows",
  },
  COMMISSION_ABOVE_USUAL_RATE: {
    "zh-CN": "佣金 {commissionMinor} 超过本店常见费率 {rateBps} 允许的 {allowedMinor}",
    en: "Commission {commissionMinor} exceeds the {allowedMinor} the store's usual rate of {rateBps} allows",
  },
  CONTRACT_RATE_UNKNOWN: { "zh-CN": "店铺未设置合同费率，无法核对佣金", en: "The store has no contracted fee rate to check the commission against" },
  SERVICE_FEE_ABOVE_LIMIT: { "zh-CN": "服务费 {amountMinor} 超过上限 {allowedMinor}", en: "Service fee {amountMinor} is above the limit of {allowedMinor}" },
  PROMOTION_ABOVE_LIMIT: { "zh-CN": "推广费 {amountMinor} 超过上限 {allowedMinor}", en: "Promotion cost {amountMinor} is above the limit of {allowedMinor}" },
  REFUND_AMOUNT_UNVERIFIED: { "zh-CN": "差额 {amountMinor} 可能是退款，但没有退款金额可核对", en: "The difference of {amountMinor} looks like a refund, but no refund amount confirms it" },
  DIFFERENCE_UNEXPLAINED: { "zh-CN": "差额 {amountMinor} 无法解释", en: "A difference of {amountMinor} is unexplained" },
  DIFFERENCE_TYPE_NOT_AUTO: { "zh-CN": "{type} 差额 {amountMinor} 需人工确认", en: "A {type} difference of {amountMinor} needs a person" },
  DATE_OUTSIDE_WINDOW: { "zh-CN": "日期相差 {days} 天，超过 {windowDays} 天的范围", en: "The dates are {days} days apart, beyond the {windowDays}-day window" },
  INFERRED_FROM_SETTLEMENT_DATES: { "zh-CN": "按预计结算日推断，没有单号可核对", en: "Inferred from settlement dates; no number ties the rows together" },
  RECEIPT_PARTLY_EXPLAINED: {
    "zh-CN": "这些订单只说明了到账 {receivedMinor} 中的 {explainedMinor}，其余 {restMinor} 仍未匹配（未导入的上期订单、打款日前后结算的订单、平台补贴的优惠等）",
    en: "These orders explain {explainedMinor} of the {receivedMinor} received; the other {restMinor} stays open (orders of an earlier period not imported, orders due around the payout days, discounts the platform pays back …)",
  },
  SAME_AMOUNT_RECEIPTS: {
    "zh-CN": "银行中另有 {count} 笔同金额收款也符合（{others}），付款方和入账时间都无法区分，请人工确认",
    en: "{count} more bank receipts of the same amount fit ({others}); neither the payer nor the booking time tells them apart: a person decides",
  },
  SUGGESTION_ONLY: { "zh-CN": "仅为建议，需人工确认", en: "A suggestion only: a person must confirm it" },
  AUTO_CONFIRM_DISABLED: { "zh-CN": "规则未允许自动确认", en: "The rules do not allow automatic confirmation" },
  NEVER_PAID: { "zh-CN": "买家未付款", en: "The buyer never paid" },
  FULLY_REFUNDED: { "zh-CN": "已全额退款 {refundMinor}，无需结算", en: "Fully refunded ({refundMinor}): nothing to settle" },
  NOT_CONFIRMED_YET: { "zh-CN": "尚未确认收货（{status}）", en: "Not yet confirmed as received ({status})" },
  NOT_DUE_YET: { "zh-CN": "预计 {expectedOn} 结算，晚于数据截止日 {dataUntil}", en: "Due to settle on {expectedOn}, after the data ends on {dataUntil}" },
  NO_SETTLEMENT_FOUND: { "zh-CN": "订单 {orderNo} 预计 {expectedOn} 结算，但未找到结算明细", en: "Order {orderNo} was due to settle on {expectedOn}, but no settlement was found" },
  SETTLES_NEAR_PAYOUT: {
    "zh-CN": "预计 {expectedOn} 结算，离 {payoutOn} 到账的打款太近，无法确定由这笔还是下一笔打款支付",
    en: "Due to settle on {expectedOn}, too close to the payout booked on {payoutOn} to tell whether that payout or the next one paid it",
  },
  REFUND_MAY_PRECEDE_SETTLEMENT: {
    "zh-CN": "订单有退款：若在结算前退款，平台不会为它打款，因此不按结算日归入打款",
    en: "The order was refunded: if that happened before it settled, no payout includes it, so it is not placed by settlement date",
  },
  ORDER_NOT_FOUND: { "zh-CN": "未导入订单 {orderNo}（可能是上期订单）", en: "Order {orderNo} is not imported (perhaps from an earlier period)" },
  AMBIGUOUS_ORDER_NO: { "zh-CN": "订单号 {orderNo} 对应 {candidates} 个店铺的订单", en: "Order number {orderNo} exists in {candidates} stores" },
  ORDER_ALREADY_RECONCILED: { "zh-CN": "订单 {orderNo} 已在之前确认的对账中结清", en: "Order {orderNo} was settled in an earlier confirmed match" },
  NOT_WITHDRAWN_YET: { "zh-CN": "{since} 之后尚未提现", en: "Not withdrawn since {since}" },
  SWEEP_SUM_MISMATCH: {
    "zh-CN": "提现金额 {expectedMinor} 与期间明细合计 {actualMinor} 相差 {differenceMinor}",
    en: "The withdrawal of {expectedMinor} differs from the lines before it ({actualMinor}) by {differenceMinor}",
  },
  CARRIED_IN_BALANCE_UNPROVEN: {
    "zh-CN": "对账单期初余额 {openingMinor}，提现后余额 {keptMinor}：无法证明提现取走的是期初余额中的 {carriedInMinor}（余额未清零，对账单中也没有其他提现留下同样的余额）",
    en: "Opening balance {openingMinor}, {keptMinor} left after the withdrawal: nothing proves it took {carriedInMinor} of the opening balance (the wallet was not emptied, and no other withdrawal of the statement leaves the same balance)",
  },
  SWEPT_CARRIED_IN_BALANCE_ONLY: {
    "zh-CN": "对账单中的第一笔提现，此前没有明细：提现的是期初余额 {openingMinor} 中的钱（提现后余额 {keptMinor}），来源在上一期对账单中",
    en: "The statement's first withdrawal, before any line: it took money of the opening balance of {openingMinor} (leaving {keptMinor}); where it came from is in the previous statement",
  },
  NOT_IN_BANK_YET: { "zh-CN": "{withdrawnOn} 提现，银行流水截至 {dataUntil} 尚未到账", en: "Withdrawn on {withdrawnOn}; not in the bank statement, which ends on {dataUntil}" },
  NO_BANK_RECEIPT: { "zh-CN": "{withdrawnOn} 提现，未找到对应的银行收款", en: "Withdrawn on {withdrawnOn}; no bank receipt found" },
  AMBIGUOUS_CANDIDATES: { "zh-CN": "有 {count} 个候选，无法唯一确定", en: "{count} candidates fit: no unique match" },
  SUM_MISMATCH: { "zh-CN": "应为 {expectedMinor}，实际 {actualMinor}，相差 {differenceMinor}", en: "Expected {expectedMinor}, found {actualMinor}: {differenceMinor} apart" },
  TOO_MANY_CANDIDATES: { "zh-CN": "候选 {count} 个，超过上限 {cap}，未做组合匹配", en: "{count} candidates exceed the cap of {cap}: no combination search" },
  OUTGOING_PAYMENT: { "zh-CN": "付款支出，不属于回款", en: "Money paid out: not a remittance" },
  NOT_FROM_PLATFORM: { "zh-CN": "对方 {counterparty} 不是电商平台，可能是其他业务收款", en: "{counterparty} is not a platform: probably other business" },
  FROM_PLATFORM_UNMATCHED: { "zh-CN": "来自 {platform} 的收款，未找到对应的结算", en: "A receipt from {platform} that no settlement explains" },
  REJECTED_BY_USER: { "zh-CN": "候选匹配已被人工否决", en: "The candidate match was rejected by a person" },
  CURRENCY_MISMATCH: { "zh-CN": "币种 {currency} 与 {expected} 不同", en: "Currency {currency} differs from {expected}" },
  NO_CANDIDATE: { "zh-CN": "没有符合条件的候选", en: "No candidate fits" },
};

export const ADJUSTMENT_LABELS: Record<AdjustmentType, { "zh-CN": string; en: string }> = {
  FEE: { "zh-CN": "手续费", en: "fee" },
  COMMISSION: { "zh-CN": "佣金", en: "commission" },
  SERVICE_FEE: { "zh-CN": "服务费", en: "service fee" },
  PROMOTION: { "zh-CN": "推广/优惠", en: "promotion" },
  REFUND: { "zh-CN": "退款", en: "refund" },
  ROUNDING: { "zh-CN": "尾差", en: "rounding" },
  FX: { "zh-CN": "汇兑差", en: "exchange difference" },
  BAD_DEBT: { "zh-CN": "坏账", en: "bad debt" },
  CARRIED_IN_BALANCE: { "zh-CN": "期初余额转入", en: "balance carried in" },
  OTHER: { "zh-CN": "其他", en: "other" },
};

const isAdjustmentType = (value: string): value is AdjustmentType => Object.hasOwn(ADJUSTMENT_LABELS, value);

/** One reason as a sentence; amounts are formatted in `currency`. */
/** 60 → "0.6%", 500 → "5%" (integer arithmetic; the engine's layer cannot import lib/shared). */
function bpsAsPercent(bps: number): string {
  const fraction = String(bps % 100).padStart(2, "0").replace(/0+$/, "");
  return `${Math.trunc(bps / 100)}${fraction ? `.${fraction}` : ""}%`;
}

export function formatReason(reason: Reason, locale: MoneyLocale, currency = "CNY"): string {
  const template = REASON_MESSAGES[reason.code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = reason.params[name];
    if (value === undefined) return whole;
    if (name.endsWith("Minor") && /^-?\d+$/.test(value)) return formatMinor(BigInt(value), currency, locale);
    if (name.endsWith("Bps") && /^\d+$/.test(value)) return bpsAsPercent(Number(value));
    if (name === "type" && isAdjustmentType(value)) return ADJUSTMENT_LABELS[value][locale];
    return value;
  });
}

/**
 * A group's reason as its list shows it (and its export writes it): the engine's reasons, then each
 * adjustment ("佣金 ¥0.24 · note"), joined by "；". `money` formats an amount the reader's way.
 */
export function groupReasonLine(
  reasons: readonly Reason[],
  adjustments: readonly { type: string; amountMinor: bigint; note: string | null }[],
  locale: MoneyLocale,
  money: (minor: bigint) => string,
): string {
  const adjustment = ({ type, amountMinor, note }: (typeof adjustments)[number]) =>
    `${isAdjustmentType(type) ? ADJUSTMENT_LABELS[type][locale] : type} ${money(amountMinor)}${note ? ` · ${note}` : ""}`;
  return [...reasons.map((reason) => formatReason(reason, locale)), ...adjustments.map(adjustment)].join("；");
}
