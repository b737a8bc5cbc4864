import { describe, expect, it } from "vitest";
import { compareBanks, compareNumbers, statementMismatch } from "@/lib/import-batches/statement-account-match";

describe("compareNumbers", () => {
  it.each([
    ["6214830012345678", "6214830012345678", "same"],
    ["6214 8300 1234 5678", "6214-8300-1234-5678", "same"],
    ["6214****5678", "6214830012345678", "same"],
    ["****5678", "6214830012345678", "same"],
    ["6214****5679", "6214830012345678", "different"],
    ["6222****5678", "6214830012345678", "different"],
    ["6214830012345678", "6222021001098765432", "different"],
    // Nothing to compare: a fully masked number, a login e-mail, a number too short to tell, none at all.
    ["xxxxx*********xxxx", "6214830012345678", "unknown"],
    ["zhang***@example.com", "finance@example.com", "unknown"],
    ["**78", "6214830012345678", "unknown"],
    [undefined, "6214830012345678", "unknown"],
    ["6214830012345678", null, "unknown"],
  ] as const)("%s vs %s → %s", (file, account, expected) => {
    expect(compareNumbers(file, account)).toBe(expected);
  });
});

describe("compareBanks", () => {
  it.each([
    ["中国建设银行", "招商银行", "different"],
    ["China Construction Bank", "建设银行", "same"],
    ["中国银行", "中国建设银行", "different"],
    ["中国银行", "中国银行北京分行", "same"],
    ["中国工商银行", "工行", "same"],
    ["支付宝", "Alipay", "same"],
    [undefined, "招商银行", "unknown"],
    ["某农村信用社", "招商银行", "unknown"],
  ] as const)("%s vs %s → %s", (file, institution, expected) => {
    expect(compareBanks(file, institution)).toBe(expected);
  });
});

describe("statementMismatch", () => {
  const cmb = { accountNumber: "6214830012345678", institution: "招商银行" };
  it("names what the chosen account contradicts", () => {
    expect(statementMismatch({ number: "xxxxx*********xxxx", bank: "中国建设银行" }, cmb)).toEqual({ number: false, bank: true });
    expect(statementMismatch({ number: "6214****9999", bank: "招商银行" }, cmb)).toEqual({ number: true, bank: false });
    expect(statementMismatch({ number: "6214****5678", bank: "招商银行" }, cmb)).toBeNull();
    expect(statementMismatch(null, cmb)).toBeNull();
  });
});
