import { describe, expect, it } from "vitest";
import { formatMinor, minorToDecimalString, normalizeCurrency, currencyDecimals } from "@/lib/money";

describe("minorToDecimalString", () => {
  it.each([
    [123456n, 2, "1234.56"],
    [-1230n, 2, "-12.30"],
    [5n, 2, "0.05"],
    [-5n, 2, "-0.05"],
    [0n, 2, "0.00"],
    [1234n, 0, "1234"],
    [12345n, 4, "1.2345"],
    [9999999999999999999999n, 2, "99999999999999999999.99"],
  ])("%s with %i decimals → %s", (value, decimals, expected) => {
    expect(minorToDecimalString(value, decimals)).toBe(expected);
  });
});

describe("formatMinor", () => {
  it.each([
    [123456n, "CNY", "zh-CN", "¥1,234.56"],
    [-1230n, "CNY", "zh-CN", "-¥12.30"],
    [0n, "CNY", "zh-CN", "¥0.00"],
    [123456789n, "CNY", "zh-CN", "¥1,234,567.89"],
    [123456n, "USD", "zh-CN", "US$1,234.56"],
    [123456n, "USD", "en", "$1,234.56"],
    [-699n, "USD", "en", "-$6.99"],
    // English shows the yuan as ¥, as Chinese accountants read it; never CLDR's "CN¥" (issue 14).
    [123456n, "CNY", "en", "¥1,234.56"],
    [-1230n, "CNY", "en", "-¥12.30"],
    [100n, "cny", "en", "¥1.00"],
    [123456n, "HKD", "en", "HK$1,234.56"],
    [123456n, "EUR", "en", "€1,234.56"],
    // …so the yen keeps a symbol that cannot be taken for the yuan.
    [1234n, "JPY", "en", "JP¥1,234"],
    [1234n, "JPY", "zh-CN", "JP¥1,234"],
    [100n, "SGD", "en", "SGD 1.00"],
    [100n, "cny", "zh-CN", "¥1.00"],
  ] as const)("%s %s %s → %s", (value, currency, locale, expected) => {
    expect(formatMinor(value, currency, locale)).toBe(expected);
  });
});

describe("English money", () => {
  it("never writes CN¥, for any amount", () => {
    for (const value of [0n, 1n, -1n, 99n, 123_456_789_012n, -5_000_000n]) {
      const text = formatMinor(value, "CNY", "en");
      expect(text).not.toContain("CN¥");
      expect(text).toMatch(/^-?¥/);
    }
  });
});

describe("currencies", () => {
  it.each([
    ["人民币", "CNY"],
    ["RMB", "CNY"],
    ["cny", "CNY"],
    ["美元", "USD"],
    ["USD", "USD"],
    ["港币", "HKD"],
    ["sgd", "SGD"],
    ["-", undefined],
    ["", undefined],
    ["钞", undefined],
  ])("normalizeCurrency(%j) → %s", (text, expected) => {
    expect(normalizeCurrency(text)).toBe(expected);
  });

  it("knows currencies without minor units", () => {
    expect(currencyDecimals("JPY")).toBe(0);
    expect(currencyDecimals("CNY")).toBe(2);
    expect(currencyDecimals("XYZ")).toBe(2);
  });
});
