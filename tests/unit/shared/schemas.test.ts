import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/auth/credentials-schema";
import { fundAccountInputSchema } from "@/lib/fund-accounts/fund-account-schema";
import { storeInputSchema } from "@/lib/stores/store-schema";

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
}

describe("storeInputSchema", () => {
  it("normalises a valid store and turns the fee percent into basis points", () => {
    const parsed = storeInputSchema.parse({ name: " 天猫旗舰店 ", platform: "TMALL", currency: "cny", settlementTermsDays: "7", feeRatePercent: "0.6" });
    expect(parsed).toEqual({ name: "天猫旗舰店", platform: "TMALL", currency: "CNY", settlementTermsDays: 7, feeRatePercent: 60 });
  });

  it("reports each bad field with a translatable message key", () => {
    const result = storeInputSchema.safeParse({ name: "", platform: "EBAY", currency: "yuan", settlementTermsDays: "1.5", feeRatePercent: "abc" });
    expect(messages(result)).toEqual({
      name: "validation.required",
      platform: "validation.choose",
      currency: "validation.currency",
      settlementTermsDays: "validation.wholeNumber",
      feeRatePercent: "validation.percent",
    });
  });

  it("refuses terms beyond a year", () => {
    expect(messages(storeInputSchema.safeParse({ name: "x", platform: "JD", settlementTermsDays: "400" }))).toEqual({
      settlementTermsDays: "validation.range",
    });
  });
});

describe("fundAccountInputSchema", () => {
  it("strips spaces from the account number and empties optional fields to null", () => {
    const parsed = fundAccountInputSchema.parse({ name: "招行", type: "BANK", institution: "", accountNumber: "6214 8300 1234 5678" });
    expect(parsed).toMatchObject({ institution: null, accountNumber: "6214830012345678", currency: "CNY" });
  });

  it("rejects characters that do not belong in an account number", () => {
    expect(messages(fundAccountInputSchema.safeParse({ name: "x", type: "BANK", accountNumber: "12<script>" }))).toEqual({
      accountNumber: "validation.accountNumber",
    });
  });
});

describe("signUpSchema", () => {
  it("lower-cases the e-mail and requires an 8-character password", () => {
    const result = signUpSchema.safeParse({ companyName: "某某电商", name: "王芳", email: " Boss@Example.COM ", password: "short" });
    expect(messages(result)).toEqual({ password: "validation.passwordTooShort" });
    expect(signUpSchema.parse({ companyName: "某某电商", name: "王芳", email: " Boss@Example.COM ", password: "long enough" }).email).toBe("boss@example.com");
  });
});
