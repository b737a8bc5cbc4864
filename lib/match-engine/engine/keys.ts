// How the engine reads identifiers out of rows: order and payout numbers are compared after the same
// light normalisation on both sides, prefixed forms (Alipay's T200P<订单编号>) are unwrapped, and free
// text (bank 摘要 / 附言, wallet 备注) is cut into tokens that may be ids. Counterparty names are
// folded so "支付宝(中国)…" and "支付宝（中国）…" are the same payer.
import { toHalfWidth } from "@/lib/money";

/** Ids as compared: no surrounding blanks or TABs, ASCII letters upper-case; "" when absent. */
export function normalizeKey(value: string | undefined): string {
  if (value === undefined) return "";
  // Most ids are digits and capitals already: look before rebuilding (a million lines come here).
  let clean = true;
  for (let i = 0; i < value.length && clean; i++) {
    const code = value.charCodeAt(i);
    clean = code > 32 && !(code >= 97 && code <= 122) && code !== 0xa0 && code !== 0x3000 && code !== 0xfeff;
  }
  if (clean) return value;
  const trimmed = value.trim();
  return /[a-z]/.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}

/** Shortest token taken for an id: shorter digit runs are amounts, dates or counts. */
export const MIN_TOKEN_LENGTH = 6;
const TOKEN = /[0-9A-Za-z][0-9A-Za-z_-]*/g;
const HAS_DIGIT = /\d/;

/**
 * Candidate ids in free text, in order of appearance, each once: runs of ASCII letters, digits,
 * "-" and "_" at least MIN_TOKEN_LENGTH long that contain a digit ("[2228646716027164757]",
 * "支付宝提现 2025030220004…", "250215-723240140387151"). Chinese text separates tokens.
 */
export function memoTokens(text: string | undefined): string[] {
  if (!text) return [];
  const folded = toHalfWidth(text);
  const tokens: string[] = [];
  for (const match of folded.matchAll(TOKEN)) {
    const token = match[0].replace(/[-_]+$/, "");
    if (token.length < MIN_TOKEN_LENGTH || !HAS_DIGIT.test(token)) continue;
    const key = normalizeKey(token);
    if (!tokens.includes(key)) tokens.push(key);
  }
  return tokens;
}

/** Counterparty names as compared: half-width, no blanks. */
export function normalizeName(name: string | undefined): string {
  if (!name) return "";
  return toHalfWidth(name).replace(/\s+/g, "");
}

/** Does any keyword occur in the text? */
export function containsAny(text: string | undefined, keywords: readonly string[]): boolean {
  if (!text) return false;
  for (const keyword of keywords) if (text.includes(keyword)) return true;
  return false;
}
