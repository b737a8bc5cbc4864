import { describe, expect, it } from "vitest";
import { suggestFundAccount, suggestStore } from "@/lib/import-batches/suggest-target";

const store = (id: string, platform: "TMALL" | "TAOBAO" | "PDD" | "JD", archived = false) => ({ id, platform, archivedAt: archived ? new Date() : null });
const account = (id: string, type: "BANK" | "ALIPAY" | "WECHAT", archived = false) => ({ id, type, archivedAt: archived ? new Date() : null });

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
  it.each([
    ["alipay-transactions", [account("a", "ALIPAY"), account("b", "BANK")], "a"],
    ["wechat-pay-bill", [account("w", "WECHAT"), account("b", "BANK")], "w"],
    ["icbc-statement", [account("a", "ALIPAY"), account("b", "BANK")], "b"],
    ["generic-bank", [account("b1", "BANK"), account("b2", "BANK")], null],
    ["cmb-statement", [account("a", "ALIPAY")], null],
  ] as const)("%s → %s", (format, accounts, expected) => {
    expect(suggestFundAccount(format, [...accounts])).toBe(expected);
  });
});
