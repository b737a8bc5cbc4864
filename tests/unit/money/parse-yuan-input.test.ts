import { describe, expect, it } from "vitest";
import { minorToDecimalString, parseYuanInput } from "@/lib/money";

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
