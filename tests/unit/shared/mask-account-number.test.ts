import { describe, expect, it } from "vitest";
import { maskAccountNumber } from "@/lib/fund-accounts/mask-account-number";

describe("maskAccountNumber", () => {
  it.each([
    ["6214830012345678", "···· 5678"],
    ["1234", "···· 1234"],
    ["finance@demo-trading.cn", "f***@demo-trading.cn"],
    ["", ""],
    [null, ""],
  ])("%j → %j", (input, masked) => {
    expect(maskAccountNumber(input)).toBe(masked);
  });

  it("never contains the leading digits of a card number", () => {
    expect(maskAccountNumber("6222021001098765432")).not.toContain("622202");
  });
});
