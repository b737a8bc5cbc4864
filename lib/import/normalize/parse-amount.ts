// parseAmountToMinor (lib/money) reads every shape of amount exports write, through a handful of
// regular expressions. Nearly every cell of a large export is a plain "109.00", "-27.5" or Tmall's
// "109.00元", so those are read here with one pass over the characters; anything else — currency
// signs, thousands separators, spaces, full-width digits, accounting brackets, too many decimals —
// goes to parseAmountToMinor. The result is the same for every input.
import { parseAmountToMinor, type ParseAmountResult } from "@/lib/money";

const MINUS = 0x2d;
const DOT = 0x2e;
const YUAN = 0x5143; // 元

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

// Up to 15 digits, minor units are computed as a plain number, which is exact below 2^53.
const MAX_EXACT_DIGITS = 15;

/** `-?digits(.digits)?元?` with at most `decimals` fraction digits, in minor units; else undefined. */
function parsePlainAmount(text: string, decimals: number): bigint | undefined {
  let end = text.length;
  if (text.charCodeAt(end - 1) === YUAN) end--;
  const negative = text.charCodeAt(0) === MINUS;
  let i = negative ? 1 : 0;
  const integerStart = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  const integerEnd = i;
  if (integerEnd === integerStart) return undefined;
  let fractionStart = end;
  if (i < end) {
    if (text.charCodeAt(i) !== DOT) return undefined;
    fractionStart = ++i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    // Anything after the digits, or more decimals than the currency has: the general parser decides.
    if (i < end || end - fractionStart > decimals) return undefined;
  }
  if (integerEnd - integerStart + decimals > MAX_EXACT_DIGITS) {
    const digits = text.slice(integerStart, integerEnd) + text.slice(fractionStart, end).padEnd(decimals, "0");
    return negative ? -BigInt(digits) : BigInt(digits);
  }
  let minor = 0;
  for (let k = integerStart; k < integerEnd; k++) minor = minor * 10 + text.charCodeAt(k) - 0x30;
  for (let k = 0; k < decimals; k++) {
    const at = fractionStart + k;
    minor = minor * 10 + (at < end ? text.charCodeAt(at) - 0x30 : 0);
  }
  return BigInt(negative ? -minor : minor);
}

export function parseAmount(text: string, decimals = 2): ParseAmountResult {
  const plain = parsePlainAmount(text, decimals);
  return plain === undefined ? parseAmountToMinor(text, { decimals }) : { ok: true, value: plain };
}
