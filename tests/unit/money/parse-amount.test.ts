import { describe, expect, it } from "vitest";
import { parseAmountToMinor } from "@/lib/money";

describe("parseAmountToMinor", () => {
  it.each([
    ["1234.56", 123456n],
    ["¥1,234.56", 123456n],
    ["￥28.16", 2816n],
    ["¥ 28.16", 2816n],
    ["-1,234.5", -123450n],
    ["(12.30)", -1230n],
    ["(¥12.30)", -1230n],
    ["+8.00", 800n],
    ["-¥12.30", -1230n],
    ["¥-12.30", -1230n],
    ["１２３．４５", 12345n],
    ["－１２３．４５", -12345n],
    ["（１２．３０）", -1230n],
    ["  12.30\t", 1230n],
    ["12.30\t\t", 1230n],
    ["\u200b12.30\ufeff", 1230n],
    ["12.00元", 1200n],
    ["109.00 元", 10900n],
    ["CNY 1,000.00", 100000n],
    ["CNY-1,000.00", -100000n],
    ["RMB88.8", 8880n],
    ["USD 12", 1200n],
    ["US$21.83", 2183n],
    ["$21.83", 2183n],
    ["-$6.99", -699n],
    ["12.30 CNY", 1230n],
    ["1,234,567.89", 123456789n],
    ["0", 0n],
    ["0.00", 0n],
    ["-0.00", 0n],
    [".5", 50n],
    ["5.", 500n],
    ["12.3400", 1234n],
    ["222228.50", 22222850n],
    ['="12.30"', 1230n],
    ["99999999999999999999.99", 9999999999999999999999n],
  ])("%j → %s", (text, expected) => {
    expect(parseAmountToMinor(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["\t", "EMPTY"],
    ["abc", "NOT_A_NUMBER"],
    ["¥", "NOT_A_NUMBER"],
    ["-", "NOT_A_NUMBER"],
    ["12,34", "NOT_A_NUMBER"],
    ["1.234,56", "NOT_A_NUMBER"],
    ["1e5", "NOT_A_NUMBER"],
    ["--5", "NOT_A_NUMBER"],
    ["(-12.30)", "NOT_A_NUMBER"],
    ["12.30-", "NOT_A_NUMBER"],
    ["xx,yyyy.zz", "NOT_A_NUMBER"],
    [".", "NOT_A_NUMBER"],
    ["1..2", "NOT_A_NUMBER"],
    ["12.345", "TOO_MANY_DECIMALS"],
    ["0.001", "TOO_MANY_DECIMALS"],
  ])("%j → %s", (text, code) => {
    expect(parseAmountToMinor(text)).toEqual({ ok: false, code });
  });

  it.each([
    ["1234", 0, 1234n],
    ["1,234", 0, 1234n],
    ["1234.5", 0, "TOO_MANY_DECIMALS"],
    ["1234.000", 0, 1234n],
    ["1.2345", 4, 12345n],
  ] as const)("%j with %i decimals → %s", (text, decimals, expected) => {
    const result = parseAmountToMinor(text, { decimals });
    if (typeof expected === "bigint") expect(result).toEqual({ ok: true, value: expected });
    else expect(result).toEqual({ ok: false, code: expected });
  });
});
