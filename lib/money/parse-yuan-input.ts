// An amount a person types in yuan (a threshold, a filter, the part of a row to use in a manual
// match): read by the same rules as amounts in files (parse-amount: "¥1,234.5" is fine, "12,34" is
// not an amount rather than 1234), then held to what a form may ask for. `readYuanInput` says what
// is wrong, so a form can put a message on the field instead of silently using ¥0.00.
import { parseAmountToMinor } from "./parse-amount";

/** 13 digits of yuan: the largest amount the actions accept (15 digits of fen). */
export const YUAN_INPUT_LIMIT_MINOR = 10n ** 15n;

export type YuanInputProblem = "EMPTY" | "NOT_A_NUMBER" | "TOO_MANY_DECIMALS" | "NEGATIVE" | "TOO_LARGE";
export type YuanInputResult = { ok: true; value: bigint } | { ok: false; problem: YuanInputProblem };

/** True when a minor-unit amount is within what a form or an action may carry (|amount| < 10^15). */
export function withinYuanInputLimit(minor: bigint): boolean {
  return minor < YUAN_INPUT_LIMIT_MINOR && minor > -YUAN_INPUT_LIMIT_MINOR;
}

/** Minor units, or why the text is not an amount a form may take. */
export function readYuanInput(text: string, options: { allowNegative?: boolean } = {}): YuanInputResult {
  const parsed = parseAmountToMinor(text, { decimals: 2 });
  if (!parsed.ok) return { ok: false, problem: parsed.code };
  const value = parsed.value;
  if (value < 0n && !options.allowNegative) return { ok: false, problem: "NEGATIVE" };
  if (!withinYuanInputLimit(value)) return { ok: false, problem: "TOO_LARGE" };
  return { ok: true, value };
}

/** Minor units, or undefined when the text is not an amount with at most 2 decimals. */
export function parseYuanInput(text: string, options: { allowNegative?: boolean } = {}): bigint | undefined {
  const read = readYuanInput(text, options);
  return read.ok ? read.value : undefined;
}
