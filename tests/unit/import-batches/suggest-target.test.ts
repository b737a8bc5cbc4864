import { describe, expect, it } from "vitest";
import { suggestFundAccount, suggestStore } from "@/lib/import-batches/suggest-target";

const store = (id: string, platform: "TMALL" | "TAOBAO" | "PDD" | "JD", archived = false) => ({ id, platform, archivedAt: archived ? new Date() : null });

describe("suggestStore", () => {
  it.each([
    ["tmall-orders", [store("t", "TMALL"), store("p", "PDD")], "t"],
    ["tmall-orders", [store("t", "TAOBAO"), store("p", "PDD")], "t"],
    ["pdd-account-ledger", [store("t", "TMALL"), store("p", "PDD")], "p"],
    ["tmall-orders", [store("t1", "TMALL"), store("t2", "TAOBAO")], null], // two candidates: the user chooses
    ["jd-orders", [store("t", "TMALL")], null],
    ["pdd-orders", [store("p1", "PDD", true), store("p2", "PDD")], "p2"], // archived stores are not offered
  ] as const)("%s → %s", (format, stores, expected) => {
    expect(suggestStore(format, [...stores])).toBe(expected);
  });
});

describe("suggestFundAccount", () => {
  const cmb = { id: "cmb", type: "BANK" as const, archivedAt: null, accountNumber: "6214830012345678", institution: "招商银行" };
  const icbc = { id: "icbc", type: "BANK" as const, archivedAt: null, accountNumber: "6222021001098765432", institution: "中国工商银行" };
  const alipay = { id: "ali", type: "ALIPAY" as const, archivedAt: null, accountNumber: "2088000000000156", institution: "支付宝" };
  const unnumbered = { id: "bank", type: "BANK" as const, archivedAt: null, accountNumber: null, institution: null };

  it.each([
    // The defect: another bank's statement, or one that prints no usable number, went to the only bank account.
    ["ccb-statement", { number: "xxxxx*********xxxx", bank: "中国建设银行" }, [cmb], null],
    ["boc-statement", { bank: "中国银行" }, [cmb], null],
    ["cmb-statement", null, [cmb], null],
    ["generic-bank", null, [unnumbered], null],
    // The number the file prints decides, masked on its visible digits, and the bank must not differ.
    ["cmb-statement", { number: "6214830012345678", bank: "招商银行" }, [cmb, icbc], "cmb"],
    ["icbc-statement", { number: "6222****5432", bank: "中国工商银行" }, [cmb, icbc], "icbc"],
    ["icbc-statement", { number: "6214****5678", bank: "中国工商银行" }, [cmb, icbc], null],
    ["generic-bank", { number: "6214 8300 1234 5678" }, [cmb, icbc], "cmb"],
    ["icbc-statement", { number: "6222****9999", bank: "中国工商银行" }, [cmb, icbc], null],
    // Two accounts with the same number: the user chooses; an archived one is not offered.
    ["cmb-statement", { number: "6214830012345678" }, [cmb, { ...cmb, id: "cmb2" }], null],
    ["cmb-statement", { number: "6214830012345678" }, [{ ...cmb, archivedAt: new Date() }], null],
    // A wallet file goes to a wallet account of its kind only.
    ["alipay-account-ledger", { number: "2088000000000156", bank: "支付宝" }, [alipay, cmb], "ali"],
    ["cmb-statement", { number: "2088000000000156" }, [alipay], null],
    // Card statements (no card type in FundAccountType: a card is a BANK account) match on the card's
    // last four digits, kept masked, and on the bank: CITIC and CGB are told apart from CMB.
    ["cmb-credit-card-statement", { number: "****5678", bank: "招商银行" }, [cmb, icbc], "cmb"],
    ["citic-credit-card-statement", { number: "****5678", bank: "中信银行" }, [cmb], null],
    ["cgb-credit-card-statement", { number: "****5678", bank: "广发银行" }, [cmb], null],
    ["generic-card-statement", { number: "6214 **** **** 5678" }, [cmb, icbc], "cmb"],
    ["generic-card-statement", { number: "****0156" }, [alipay], null],
  ] as const)("%s %j → %s", (format, file, accounts, expected) => {
    expect(suggestFundAccount(format, file, [...accounts])).toBe(expected);
  });
});
