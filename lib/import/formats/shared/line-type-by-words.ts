// Settlement ledgers (Douyin 资金流水, Pinduoduo 账务明细, JD 结算明细) name a line's kind in words (动账场景,
// 账务类型, 费用名称) rather than a code. Each adapter keeps its own table of words, in the order it must be
// tried (提现 before 服务费, 佣金 before 货款…); the reading of a table is the same for all of them and is
// kept here once: the first row whose pattern matches the texts, joined, decides.
import type { SettlementLineType } from "../../types";

/** Patterns tried in order, each with the line type it names. */
export type LineTypeWords = ReadonlyArray<readonly [RegExp, SettlementLineType]>;

/** The line type of the first pattern matching the non-empty texts joined by spaces; undefined when none does. */
export function lineTypeByWords(words: LineTypeWords, ...texts: Array<string | undefined>): SettlementLineType | undefined {
  const text = texts.filter(Boolean).join(" ");
  return words.find(([pattern]) => pattern.test(text))?.[1];
}
