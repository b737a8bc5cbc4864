import { describe, expect, it } from "vitest";
import { minorToDecimalString, parseYuanInput, readYuanInput, withinYuanInputLimit } from "@/lib/money";

describe("an amount typed in yuan", () => {
  it.each([
    ["100", 10_000n],
    ["99.5", 9_950n],
    [" 1,234.5 ", 123_450n],
    ["¥0.05", 5n],
    ["￥１２.３", 1_230n],
    ["9999999999999.99", 999_999_999_999_999n],
    ["1.234", undefined],
    ["12,34", undefined], // a decimal comma or a typo, never 1234 yuan
    ["10000000000000", undefined],
    ["abc", undefined],
    ["", undefined],
  ])("reads %j", (text, expected) => expect(parseYuanInput(text)).toBe(expected));

  it("takes a negative amount only where one makes sense", () => {
    expect(parseYuanInput("-12.30")).toBeUndefined();
    expect(parseYuanInput("-12.30", { allowNegative: true })).toBe(-1_230n);
  });

  it("round-trips with the editable text of an amount", () => {
    for (const minor of [0n, 5n, -5n, 123_405n]) {
      expect(parseYuanInput(minorToDecimalString(minor), { allowNegative: true })).toBe(minor);
    }
    expect(minorToDecimalString(-5n)).toBe("-0.05");
    expect(minorToDecimalString(123_405n)).toBe("1234.05");
  });
});

describe("why a typed amount is refused (the message a form shows on the field)", () => {
  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["abc", "NOT_A_NUMBER"],
    ["1e9", "NOT_A_NUMBER"], // exponent notation is never an amount someone meant to type
    ["12..5", "NOT_A_NUMBER"],
    ["1.234", "TOO_MANY_DECIMALS"],
    ["0.001", "TOO_MANY_DECIMALS"],
    ["12345678901234567890", "TOO_LARGE"], // 20 digits
    ["10000000000000", "TOO_LARGE"],
    ["-5", "NEGATIVE"],
  ] as const)("%j is refused as %s", (text, problem) => {
    expect(readYuanInput(text)).toEqual({ ok: false, problem });
  });

  it("reads what it accepts exactly, in minor units", () => {
    expect(readYuanInput("1,200.50")).toEqual({ ok: true, value: 120_050n });
    expect(readYuanInput("12.3400")).toEqual({ ok: true, value: 1_234n });
    expect(readYuanInput("-0.01", { allowNegative: true })).toEqual({ ok: true, value: -1n });
    expect(readYuanInput("-12345678901234567890", { allowNegative: true })).toEqual({ ok: false, problem: "TOO_LARGE" });
  });

  it("holds the server to the same limit as the form", () => {
    expect(withinYuanInputLimit(999_999_999_999_999n)).toBe(true);
    expect(withinYuanInputLimit(-999_999_999_999_999n)).toBe(true);
    expect(withinYuanInputLimit(10n ** 15n)).toBe(false);
    expect(withinYuanInputLimit(-(10n ** 15n))).toBe(false);
  });
});
