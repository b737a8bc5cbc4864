// Which open rows look like they are not for reconciliation, and why — pure, so the rules are
// tested on their own. Conservative on purpose: a wrong suggestion costs more than none, so a row is
// suggested only on clear evidence (its own status, its counterparty account, a word of one
// category), never when anything about it looks like a platform's money, and never when two
// categories compete. Suggestions are shown and accepted by a person, never applied by themselves.
import type { ExclusionReason } from "@/lib/ledger/excluded-rows";

/** Order statuses that mean the trade was closed or cancelled (Tmall 交易关闭, Douyin 已关闭, JD/PDD 已取消). */
export const CLOSED_ORDER_STATUSES = ["交易关闭", "已关闭", "已取消", "订单关闭", "订单取消", "取消成功", "closed", "cancelled", "canceled"];

/** Words that put a bank row in one category of other business. */
export const CATEGORY_WORDS: Record<"SALARY" | "RENT" | "TAX", readonly string[]> = {
  SALARY: ["工资", "薪资", "薪酬", "代发薪"],
  RENT: ["房租", "租金"],
  TAX: ["税款", "增值税", "所得税", "个税", "印花税", "附加税", "缴税", "纳税", "税务局", "国家金库", "国库"],
};

/** Words that mean the money is (or may be) the platforms': such a row is never suggested. */
export const PLATFORM_WORDS = ["支付宝", "财付通", "拼多多", "寻梦", "京东", "抖音", "空间变换", "淘宝", "天猫", "微信", "提现", "货款", "结算", "回款", "Shopify", "Amazon", "PayPal"];

export type SuggestionWhy =
  | { kind: "closedOrder"; status: string }
  | { kind: "ownAccount"; account: string }
  | { kind: "keyword"; word: string };

export type RuleSuggestion = { reason: ExclusionReason; why: SuggestionWhy };

/** A closed or cancelled order whose money never reached the seller (none received, no bill line). */
export function suggestForOrder(order: { status: string | null; paidMinor: bigint; receivedMinor: bigint | null; hasBillLines: boolean }): RuleSuggestion | null {
  if (!order.status || order.hasBillLines) return null;
  if (order.receivedMinor !== null && order.receivedMinor !== 0n) return null;
  const status = order.status.toLowerCase();
  const word = CLOSED_ORDER_STATUSES.find((candidate) => status.includes(candidate.toLowerCase()));
  return word ? { reason: "CLOSED_ORDER", why: { kind: "closedOrder", status: order.status } } : null;
}

/** Digits only, so "6214 8300 …" and "6214830…" compare equal; too short to be an account number: none. */
export function accountDigits(text: string | null | undefined): string | null {
  const digits = (text ?? "").replace(/\D/g, "");
  return digits.length >= 8 ? digits : null;
}

export function suggestForBankRow(
  row: { amountMinor: bigint; counterparty: string | null; counterpartyAccount: string | null; memo: string | null; accountId: string },
  context: { ownAccounts: readonly { id: string; name: string; digits: string }[]; platformWords: readonly string[] },
): RuleSuggestion | null {
  const text = [row.counterparty, row.memo].filter(Boolean).join(" ");
  if (context.platformWords.some((word) => word && text.toLowerCase().includes(word.toLowerCase()))) return null;
  const digits = accountDigits(row.counterpartyAccount);
  const own = digits ? context.ownAccounts.find((account) => account.digits === digits && account.id !== row.accountId) : undefined;
  if (own) return { reason: "OWN_TRANSFER", why: { kind: "ownAccount", account: own.name } };
  const hits = (Object.entries(CATEGORY_WORDS) as ["SALARY" | "RENT" | "TAX", readonly string[]][]).flatMap(([reason, words]) => {
    const word = words.find((candidate) => text.includes(candidate));
    return word ? [{ reason, word }] : [];
  });
  if (hits.length !== 1) return null;
  const hit = hits[0]!;
  // A company pays salaries; money coming in with 工资 in its memo is something else.
  if (hit.reason === "SALARY" && row.amountMinor >= 0n) return null;
  return { reason: hit.reason, why: { kind: "keyword", word: hit.word } };
}
