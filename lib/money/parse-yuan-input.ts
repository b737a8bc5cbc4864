// An amount a person types in yuan (a threshold, a filter, the part of a row to use in a manual
// match): read by the same rules as amounts in files (parse-amount: "¥1,234.5" is fine, "12,34" is
// not an amount rather than 1234), then held to what a form may ask for.
import { parseAmountToMinor } from "./parse-amount";

/** 13 digits of yuan: the largest amount the actions accept (15 digits of fen). */
const LIMIT_MINOR = 10n ** 15n;

/** Minor units, or undefined when the text is not an amount with at most 2 decimals. */
export function parseYuanInput(text: string, options: { allowNegative?: boolean } = {}): bigint | undefined {
  const parsed = parseAmountToMinor(text, { decimals: 2 });
  if (!parsed.ok) return undefined;
  const value = parsed.value;
  if (value < 0n && !options.allowNegative) return undefined;
  if (value >= LIMIT_MINOR || value <= -LIMIT_MINOR) return undefined;
  return value;
}
