// The small rules under both writers: formula neutralising, display width, and how a PDF cell wraps.
import { describe, expect, it } from "vitest";
import { displayWidth } from "@/lib/export/display-width";
import { spreadsheetMoneyFormat, minorToSpreadsheetNumber } from "@/lib/export/excel-money";
import { neutraliseFormula } from "@/lib/export/neutralise-formula";
import { wrapCell } from "@/lib/export/pdf/wrap-cell";

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("prefixes %j with an apostrophe", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it.each(["平台手续费", "-12.30", "+5%", "-", "1,234.56", "a=b", ""])("leaves %j as written", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("displayWidth", () => {
  it("counts CJK and full-width characters double", () => {
    expect(displayWidth("天猫")).toBe(4);
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("（订单 12）")).toBe(2 + 4 + 1 + 2 + 2);
  });
});

describe("spreadsheet money", () => {
  it("uses each currency's symbol and decimals", () => {
    expect(spreadsheetMoneyFormat("CNY")).toBe("¥#,##0.00;-¥#,##0.00");
    expect(spreadsheetMoneyFormat("JPY")).toBe("¥#,##0;-¥#,##0");
    expect(spreadsheetMoneyFormat("HKD")).toBe('"HK$"#,##0.00;-"HK$"#,##0.00');
    expect(spreadsheetMoneyFormat("SGD")).toBe('"SGD "#,##0.00;-"SGD "#,##0.00');
  });
  it("converts minor units exactly", () => {
    expect(minorToSpreadsheetNumber(123456n, "CNY")).toBe(1234.56);
    expect(minorToSpreadsheetNumber(-5n, "CNY")).toBe(-0.05);
    expect(minorToSpreadsheetNumber(1234n, "JPY")).toBe(1234);
    expect(minorToSpreadsheetNumber(999_999_999_999_999n, "CNY")).toBe(9999999999999.99);
  });
});

describe("wrapCell", () => {
  // One point per display column: a CJK character is 2 pt wide, a digit 1 pt.
  const measure = (text: string) => displayWidth(text);

  it("breaks Chinese between characters", () => {
    expect(wrapCell("平台扣除技术服务费", 8, measure)).toEqual(["平台扣除", "技术服务", "费"]);
  });
  it("keeps a number whole, moving it to the next line", () => {
    expect(wrapCell("订单3349876543", 12, measure)).toEqual(["订单", "3349876543"]);
  });
  it("never starts a line with closing punctuation", () => {
    const lines = wrapCell("已核实，金额无误。", 6, measure);
    for (const line of lines) expect(line).not.toMatch(/^[，。]/);
    expect(lines.join("")).toBe("已核实，金额无误。");
  });
  it("breaks at spaces and cuts only what cannot fit at all", () => {
    expect(wrapCell("order 12345 paid", 11, measure)).toEqual(["order 12345", "paid"]);
    expect(wrapCell("1234567890123", 5, measure)).toEqual(["12345", "67890", "123"]);
  });
  it("keeps explicit line breaks", () => {
    expect(wrapCell("第一行\n第二行", 100, measure)).toEqual(["第一行", "第二行"]);
  });
});
