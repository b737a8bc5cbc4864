// The helpers every pass leans on: id normalisation and memo tokens, calendar arithmetic without
// time zones, the order-number table, id ordering, and input checks.
import { describe, expect, it } from "vitest";
import { compareIds, ReconcileInputError } from "@/lib/match-engine";
import { memoTokens, normalizeKey, normalizeName } from "@/lib/match-engine/engine/keys";
import { dateOfDay, daysFromCivil, LocalDateParser } from "@/lib/match-engine/engine/local-date";
import { StringIndex } from "@/lib/match-engine/engine/string-index";
import { bank, input, order, run } from "./helpers";

describe("keys", () => {
  it.each([
    [" 250301-723198433356308\t", "250301-723198433356308"],
    ["tx2025030118", "TX2025030118"],
    ["T200P2228646716027164757", "T200P2228646716027164757"],
    [undefined, ""],
  ])("normalizeKey(%j) → %j", (raw, expected) => {
    expect(normalizeKey(raw)).toBe(expected);
  });

  it.each([
    ["汇入汇款 / 支付宝提现 20250302200040011100931328229425", ["20250302200040011100931328229425"]],
    ["收费 / 天猫佣金（类目：食品）扣款[2228646716027164757]", ["2228646716027164757"]],
    ["京东货款结算 结算单号 JS2025030773594929", ["JS2025030773594929"]],
    ["订单 250215-723240140387151，250215-723240140387151 两次", ["250215-723240140387151"]],
    ["香辣辣条 12包 / 在线支付 / 交易收入", []],
    ["３月工资 ＴＸ１２３４５６７", ["TX1234567"]],
    [undefined, []],
  ])("memoTokens(%j)", (memo, expected) => {
    expect(memoTokens(memo)).toEqual(expected);
  });

  it("folds counterparty names", () => {
    expect(normalizeName("支付宝(中国)网络技术有限公司")).toBe(normalizeName("支付宝（中国）网络技术 有限公司"));
  });

  it("orders ids numerically when they are digits", () => {
    expect(["10", "9", "100", "11"].sort(compareIds)).toEqual(["9", "10", "11", "100"]);
  });
});

describe("calendar dates", () => {
  it.each(["1970-01-01", "2024-02-29", "2025-03-31", "2000-02-29", "2100-12-31"])("%s survives a round trip", (date) => {
    expect(dateOfDay(new LocalDateParser().day(date))).toBe(date);
  });

  it("counts days and seconds without a time zone", () => {
    const parser = new LocalDateParser();
    expect(daysFromCivil(2025, 3, 1) - daysFromCivil(2025, 2, 28)).toBe(1);
    expect(parser.seconds("2025-03-01T00:00:01") - parser.seconds("2025-02-28")).toBe(86_401);
    expect(parser.seconds("2025-03-01 12:30:00")).toBe(parser.seconds("2025-03-01T12:30:00"));
  });

  it.each(["2025-02-30", "2025-13-01", "20250301", "2025-03-01T24:00:00"])("refuses %s", (text) => {
    expect(() => new LocalDateParser().seconds(text)).toThrow();
  });
});

describe("order-number table", () => {
  it("finds keys whole or inside a longer text", () => {
    const index = new StringIndex(2);
    for (let k = 0; k < 5000; k++) index.set(`22286466${k}`, k);
    expect(index.size).toBe(5000);
    expect(index.get("222864664321")).toBe(4321);
    expect(index.get("T200P222864664321", 5)).toBe(4321);
    expect(index.get("T200P2228646643210", 5)).toBeUndefined();
    expect(index.get("nope")).toBeUndefined();
  });
});

describe("input checks", () => {
  it.each([
    ["a repeated id", () => input({ orders: [order({ id: "1", orderNo: "A", paidMinor: 1n }), order({ id: "1", orderNo: "B", paidMinor: 1n })] }), "DUPLICATE_ID"],
    ["an unknown store", () => input({ orders: [order({ storeId: "nope", orderNo: "A", paidMinor: 1n })] }), "UNKNOWN_STORE"],
    ["an unknown account", () => input({ bank: [bank({ accountId: "nope", amountMinor: 1n })] }), "UNKNOWN_ACCOUNT"],
    ["an impossible date", () => input({ bank: [bank({ occurredOn: "2025-02-30", amountMinor: 1n })] }), "INVALID_DATE"],
    ["an amount beyond 2^53", () => input({ bank: [bank({ amountMinor: 2n ** 60n })] }), "AMOUNT_OUT_OF_RANGE"],
  ])("refuses %s", (_name, build, code) => {
    expect(() => run(build())).toThrow(ReconcileInputError);
    expect(() => run(build())).toThrow(code);
  });
});
