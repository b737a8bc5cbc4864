// Amounts arrive as text in every shape Chinese and cross-border exports produce: "¥1,234.56",
// "￥28.16", "-1,234.5", "(12.30)", "+8.00", "１２３．４５", "12.00元", "CNY 1,000.00", "$21.83".
// They are parsed straight into integer minor units (fen, cents): a float never touches a money value,
// so 0.1 + 0.2 problems cannot happen and large totals stay exact.
import { toHalfWidth } from "./to-half-width";

export type ParseAmountErrorCode = "EMPTY" | "NOT_A_NUMBER" | "TOO_MANY_DECIMALS";
export type ParseAmountResult = { ok: true; value: bigint } | { ok: false; code: ParseAmountErrorCode };

export type ParseAmountOptions = {
  /** Minor-unit digits of the currency (CNY 2, JPY 0). Default 2. */
  decimals?: number;
};

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const CURRENCY_PREFIX = /^(?:US\$|HK\$|CN¥|RMB|CNY|USD|HKD|EUR|GBP|JPY|[¥$€£])/i;
const CURRENCY_SUFFIX = /(?:元|RMB|CNY|USD|HKD|EUR|GBP|JPY)$/i;
const PLAIN_NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
// Thousands separators must group by exactly three: "12,34" is a European decimal comma or a typo,
// and reading it as 1234 would silently multiply the amount by a hundred.
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

const EMPTY: ParseAmountResult = { ok: false, code: "EMPTY" };
const NOT_A_NUMBER: ParseAmountResult = { ok: false, code: "NOT_A_NUMBER" };
const TOO_MANY_DECIMALS: ParseAmountResult = { ok: false, code: "TOO_MANY_DECIMALS" };

export function parseAmountToMinor(text: string, options: ParseAmountOptions = {}): ParseAmountResult {
  const decimals = options.decimals ?? 2;
  // Spaces, TABs and NBSPs carry no meaning inside an amount ("1 234.56", "¥ 28.16", "28.16\t").
  let s = toHalfWidth(text).replace(ZERO_WIDTH, "").replace(/\s+/g, "");
  if (s === "") return EMPTY;

  const excelTextGuard = /^="(.*)"$/.exec(s);
  if (excelTextGuard) s = excelTextGuard[1] ?? "";

  let negative = false;
  let signSeen = false;
  // Accounting style: (12.30) is -12.30.
  if (s.length > 2 && s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    signSeen = true;
    s = s.slice(1, -1);
  }

  // The sign and the currency may come in either order: "-¥12.30", "¥-12.30", "CNY -1,000.00".
  let currencySeen = false;
  for (;;) {
    const first = s[0];
    if (!signSeen && (first === "-" || first === "+")) {
      negative = first === "-";
      signSeen = true;
      s = s.slice(1);
      continue;
    }
    const prefix = currencySeen ? null : CURRENCY_PREFIX.exec(s);
    if (prefix) {
      currencySeen = true;
      s = s.slice(prefix[0].length);
      continue;
    }
    break;
  }
  const suffix = CURRENCY_SUFFIX.exec(s);
  if (suffix) s = s.slice(0, s.length - suffix[0].length);

  if (!PLAIN_NUMBER.test(s) && !GROUPED_NUMBER.test(s)) return NOT_A_NUMBER;

  const [integerPart = "", fractionPart = ""] = s.replace(/,/g, "").split(".");
  // "12.3400" is still an exact cent amount; "12.345" is not, and rounding it would invent money.
  if (fractionPart.length > decimals && /[^0]/.test(fractionPart.slice(decimals))) return TOO_MANY_DECIMALS;

  const minorDigits = (integerPart || "0") + fractionPart.slice(0, decimals).padEnd(decimals, "0");
  const magnitude = BigInt(minorDigits);
  return { ok: true, value: negative ? -magnitude : magnitude };
}
