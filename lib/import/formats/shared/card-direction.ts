// Which way money moved on a credit-card statement row, seen from the card holder's fund account.
// Card statements are written from the bank's side of a debt: spending (消费) is printed positive and
// repayments and refunds negative, or in 存入/支出 columns, or unsigned with only a type word (交易类型
// "消费"/"还款"). Read naively, spending becomes money coming in — the worst wrong row there is. So a
// card row is signed either by its layout's own convention or by its type words, and when neither is
// certain the row is rejected naming its row and column, never guessed.
import type { ColumnNames } from "../../normalize/column-names";
import type { RowCells } from "../../normalize/row-cells";
import { toHalfWidth } from "@/lib/money/to-half-width";

/** +1: money back to the card holder (还款, 退货, 退款, 返现); −1: money spent (消费, 取现, 年费, 利息…). */
export type CardDirection = 1 | -1;

// Phrases whose words would mislead: interest paid ON an overpaid balance is money in.
const CERTAINLY_IN = /存款利息|溢缴款利息/;
// A reversal (消费撤销, 还款冲正) undoes whatever it names; which way depends on what it undoes.
const REVERSAL = /撤销|冲正|撤回|\breversal\b/i;

type Word = { pattern: RegExp; direction: CardDirection; refund?: true };

const chinese = (words: readonly string[], direction: CardDirection, refund?: true): Word[] =>
  words.map((word) => ({ pattern: new RegExp(word, "g"), direction, ...(refund ? { refund } : {}) }));
const english = (words: readonly string[], direction: CardDirection, refund?: true): Word[] =>
  words.map((word) => ({ pattern: new RegExp(`\\b${word}\\b`, "gi"), direction, ...(refund ? { refund } : {}) }));

const WORDS: readonly Word[] = [
  ...chinese(["消费", "取现", "预借现金", "年费", "利息", "手续费", "分期", "扣款", "扣回", "滞纳金", "超限费", "支出"], -1),
  ...english(["purchase", "cash advance", "annual fee", "interest", "fee", "fees"], -1),
  ...chinese(["还款", "存入"], 1),
  ...english(["repayment", "payment received", "payment - thank you"], 1),
  // Refund words name money coming back from the thing before them (消费退货, 年费返还, 手续费退还).
  ...chinese(["退货", "退款", "返现", "返还", "退还"], 1, true),
  ...english(["refund", "cashback", "cash back"], 1, true),
];

/**
 * The direction a card row's type or description words name, or null when they do not say it for
 * certain: no known word, a reversal, or words of both directions (分期还款, 还款手续费) — except a
 * refund word after the thing it refunds (消费退货, 年费返还), which is money back.
 */
export function cardDirectionOfWords(text: string | undefined): CardDirection | null {
  if (!text) return null;
  const key = toHalfWidth(text).trim();
  if (!key) return null;
  if (CERTAINLY_IN.test(key)) return 1;
  if (REVERSAL.test(key)) return null;
  let hasIn = false;
  let hasOut = false;
  let last: { at: number; word: Word } | null = null;
  for (const word of WORDS) {
    for (const match of key.matchAll(word.pattern)) {
      if (word.direction === 1) hasIn = true;
      else hasOut = true;
      const end = match.index + match[0].length;
      if (!last || end > last.at) last = { at: end, word };
    }
  }
  if (hasIn && !hasOut) return 1;
  if (hasOut && !hasIn) return -1;
  if (hasIn && hasOut && last?.word.refund) return 1;
  return null;
}

/**
 * A magnitude signed only by the row's type words (layouts printing every amount unsigned, such as
 * BOCOM's "CNY 12.34" under 交易说明 "消费 …", and the generic card layout). A row whose words do
 * not say which way is rejected on the type column with UNKNOWN_CARD_DIRECTION.
 */
export function signByTypeWords(row: RowCells, magnitude: bigint, typeColumn: ColumnNames, typeText: string | undefined): bigint | undefined {
  const direction = cardDirectionOfWords(typeText);
  if (direction === null) {
    row.error("UNKNOWN_CARD_DIRECTION", typeColumn, { value: (typeText ?? "").slice(0, 60) });
    return undefined;
  }
  return (magnitude < 0n ? -magnitude : magnitude) * BigInt(direction);
}

/**
 * A layout that prints spending positive and repayments/refunds negative (CMB, CITIC, CGB): the
 * fund-account amount is the printed one negated. When the row also carries a type word (CGB's
 * "（消费）", "（还款）") that names the other direction, one of the two is wrong and we cannot tell
 * which: the row is rejected with CARD_DIRECTION_CONFLICT. A zero amount takes no sign.
 */
export function fromSpendingPositive(
  row: RowCells,
  printed: bigint,
  type?: { column: ColumnNames; text: string | undefined; amountText: string },
): bigint | undefined {
  const signed = -printed;
  if (!type || signed === 0n) return signed;
  const words = cardDirectionOfWords(type.text);
  if (words !== null && (signed > 0n ? 1 : -1) !== words) {
    row.error("CARD_DIRECTION_CONFLICT", type.column, { value: (type.text ?? "").slice(0, 60), amount: type.amountText });
    return undefined;
  }
  return signed;
}
