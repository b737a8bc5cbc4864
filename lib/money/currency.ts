// Currency codes are ISO 4217. Exports name them in many ways (人民币, RMB, ¥, US$, 美元); this is the
// one place that turns those spellings into a code and knows how many minor units each code has.

const MINOR_DIGITS: Record<string, number> = {
  CNY: 2,
  USD: 2,
  HKD: 2,
  EUR: 2,
  GBP: 2,
  JPY: 0,
  KRW: 0,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  TWD: 2,
  MOP: 2,
};

/** Minor-unit digits of a currency; unknown codes get 2, the most common. */
export function currencyDecimals(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

const NAMES: Record<string, string> = {
  人民币: "CNY",
  人民幣: "CNY",
  rmb: "CNY",
  cny: "CNY",
  "¥": "CNY",
  元: "CNY",
  美元: "USD",
  美金: "USD",
  usd: "USD",
  us$: "USD",
  $: "USD",
  港币: "HKD",
  港元: "HKD",
  hkd: "HKD",
  hk$: "HKD",
  欧元: "EUR",
  eur: "EUR",
  "€": "EUR",
  英镑: "GBP",
  gbp: "GBP",
  "£": "GBP",
  日元: "JPY",
  jpy: "JPY",
  韩元: "KRW",
  新加坡元: "SGD",
  澳元: "AUD",
  加元: "CAD",
  新台币: "TWD",
  澳门元: "MOP",
};

/**
 * "人民币" → "CNY", "usd" → "USD", "CNY" → "CNY". Any other three-letter code is accepted as written
 * (upper-cased) because a statement may legitimately hold a currency this table has not heard of.
 * Returns undefined for text that is not a currency at all.
 */
export function normalizeCurrency(text: string): string | undefined {
  const key = text.trim().toLowerCase();
  if (!key) return undefined;
  const named = NAMES[key];
  if (named) return named;
  if (/^[a-z]{3}$/.test(key)) return key.toUpperCase();
  return undefined;
}
