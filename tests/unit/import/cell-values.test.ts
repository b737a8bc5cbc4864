import { describe, expect, it } from "vitest";
import { cleanCell } from "@/lib/import/read-table/clean-cell";
import { isEmptyValue } from "@/lib/import/normalize/empty-value";
import { normalizeColumnName } from "@/lib/import/normalize/column-names";
import { numberToText } from "@/lib/import/read-table/spreadsheet-value-to-text";
import { neutralWalletSign, parseDirection } from "@/lib/import/formats/shared/money-direction";
import { splitNameAndAccount } from "@/lib/import/formats/shared/row-values";

describe("cleanCell", () => {
  it.each([
    ["2023-04-22     \t", "2023-04-22"],
    ["202302xxxxxx0011000103xxxxxx\t", "202302xxxxxx0011000103xxxxxx"],
    ["\t6917926768823643751", "6917926768823643751"],
    ['="3349876543210012345"', "3349876543210012345"],
    ["'13800000000", "13800000000"],
    ["'not a number", "'not a number"],
    ["\u200b\ufeffabc\u200d", "abc"],
    ["\u3000记账日\u3000", "记账日"],
    ["  a  b  ", "a  b"],
  ])("%j → %j", (raw, expected) => {
    expect(cleanCell(raw)).toBe(expected);
  });
});

describe("placeholders mean empty", () => {
  it.each(["", "  ", "/", "-", "--", "-------------------", "—", "null"])("%j is empty", (text) => {
    expect(isEmptyValue(text)).toBe(true);
  });
  it.each(["0", "0.00", "-1", "/a", "x"])("%j is a value", (text) => {
    expect(isEmptyValue(text)).toBe(false);
  });
});

describe("column names are compared loosely", () => {
  it.each([
    ["收入金额（+元）", "收入金额(+元)"],
    ["订单付款时间 ", "订单付款时间"],
    ["币　　种", "币种"],
    ["Transaction Date", "transactiondate"],
    ["金额(元)", "金额(元)"],
  ])("%j ~ %j", (a, b) => {
    expect(normalizeColumnName(a)).toBe(normalizeColumnName(b));
  });
});

describe("spreadsheet numbers as text", () => {
  it.each([
    [28.16, "28.16"],
    [0.1 + 0.2, "0.3"],
    [1001.1, "1001.1"],
    [2000, "2000"],
    [-0.5, "-0.5"],
    [1e-7, "0.0000001"],
    [9007199254740991, "9007199254740991"],
    // A 19-digit order number stored as a number: its digits are gone, so it reads as Excel shows it.
    [3349876543210012345, "3.34987654321001E+18"],
    [2.0260703100000113e27, "2.02607031000001E+27"],
  ])("%s → %j", (value, expected) => {
    expect(numberToText(value)).toBe(expected);
  });
});

describe("money direction words", () => {
  it.each([
    ["收入", 1],
    ["支出", -1],
    ["贷", 1],
    ["借", -1],
    ["借方", -1],
    ["CR", 1],
    ["Dr", -1],
    ["不计收支", "neutral"],
    ["借 Dr", -1],
    ["贷 Cr", 1],
    ["贷(Cr)", 1],
    ["借/Debit", -1],
    ["D", -1],
    ["C", 1],
    ["进账", 1],
    ["出账", -1],
    ["收", 1],
    ["付", -1],
    ["转入", 1],
    ["转出", -1],
    ["CRDT", 1],
    ["DBIT", -1],
    ["借 Cr", null],
    ["借 贷", null],
    ["???", null],
  ] as const)("%j → %s", (text, expected) => {
    expect(parseDirection(text)).toBe(expected);
  });

  it.each([
    [["退款", "退款-亲情卡", "退款成功"], 1],
    [["零钱提现", "/", "提现已到账"], -1],
    [["信用卡还款"], -1],
    [["购买理财通"], -1],
    [["零钱通转出-到工商银行(9876)"], -1],
    [["零钱充值"], 1],
    [["投资理财", "余额宝-12月4日-收益发放"], 1],
  ] as const)("neutral wallet move %j → %i", (texts, sign) => {
    expect(neutralWalletSign(...texts)).toBe(sign);
  });
});

describe("splitNameAndAccount", () => {
  it.each([
    ["陈晶 (kuangzhe@126.com)", { name: "陈晶", account: "kuangzhe@126.com" }],
    ["北京住房公积金管理中心1111111111", { name: "北京住房公积金管理中心", account: "1111111111" }],
    ["张三 66666666666666", { name: "张三", account: "66666666666666" }],
    ["支付宝（中国）网络技术有限公司", { name: "支付宝（中国）网络技术有限公司" }],
    ["6222000011112222", { account: "6222000011112222" }],
  ])("%j", (text, expected) => {
    expect(splitNameAndAccount(text)).toEqual(expected);
  });
});
