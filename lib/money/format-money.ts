// Display of minor-unit amounts. Written by hand rather than with Intl.NumberFormat so the output is
// exact for any bigint and identical on every machine (ICU data differs between Node builds).
import { currencyDecimals } from "./currency";

export type MoneyLocale = "zh-CN" | "en";

// In Chinese ¥ is the yuan and US$ the dollar (CLDR). In English CLDR writes the yuan "CN¥", but the
// people reading these books are Chinese accountants whose statements, vouchers and 金蝶/用友 print
// "¥" for the yuan in every language (issue 14): the yuan is "¥" in both, $ stays the dollar in
// English, and the yen, which would otherwise look the same, is "JP¥" in both.
const SYMBOLS: Record<MoneyLocale, Record<string, string>> = {
  "zh-CN": { CNY: "¥", USD: "US$", HKD: "HK$", EUR: "€", GBP: "£", JPY: "JP¥" },
  en: { CNY: "¥", USD: "$", HKD: "HK$", EUR: "€", GBP: "£", JPY: "JP¥" },
};

/** 123456n, 2 → "1234.56"; -1230n → "-12.30"; 5n, 0 → "5". No grouping: for exports and inputs. */
export function minorToDecimalString(value: bigint, decimals = 2): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, "0");
  const integerPart = digits.slice(0, digits.length - decimals);
  const fractionPart = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : "";
  return `${negative ? "-" : ""}${integerPart}${fractionPart}`;
}

/** 123456n, "CNY", "zh-CN" → "¥1,234.56"; -1230n → "-¥12.30"; USD in English → "$1,234.56". */
export function formatMinor(value: bigint, currency: string, locale: MoneyLocale): string {
  const code = currency.toUpperCase();
  const plain = minorToDecimalString(value < 0n ? -value : value, currencyDecimals(code));
  const [integerPart = "0", fractionPart] = plain.split(".");
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = fractionPart === undefined ? grouped : `${grouped}.${fractionPart}`;
  const symbol = SYMBOLS[locale][code];
  const body = symbol ? `${symbol}${number}` : `${code} ${number}`;
  return value < 0n ? `-${body}` : body;
}
