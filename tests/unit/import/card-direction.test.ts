// The sign of a credit-card row: from its type words, from its layout's convention (spending printed
// positive), and never guessed — a row whose direction is not certain is rejected naming its row and
// column. Expected directions are written from what each word means on a card statement, not read
// from the function.
import { describe, expect, it } from "vitest";
import { formatImportError } from "@/lib/import";
import { cardDirectionOfWords, fromSpendingPositive, signByTypeWords } from "@/lib/import/formats/shared/card-direction";
import { cardRowDate, statementMonth } from "@/lib/import/formats/shared/card-statement-date";
import { ColumnIndex } from "@/lib/import/normalize/column-names";
import { RowCells } from "@/lib/import/normalize/row-cells";
import { accountFromPreamble } from "@/lib/import/statement-account/statement-account";
import { matchesStatement } from "@/lib/import-batches/statement-account-match";

const rowOf = (header: string[], cells: string[], sourceRow = 7) => new RowCells(new ColumnIndex(header), cells, sourceRow);

describe("cardDirectionOfWords", () => {
  it.each([
    // money out: what the card holder spends or is charged
    ["消费", -1],
    ["取现", -1],
    ["预借现金", -1],
    ["年费", -1],
    ["利息", -1],
    ["手续费", -1],
    ["分期", -1],
    ["（分期）", -1],
    ["消费 美团", -1],
    ["分期扣款", -1],
    ["刷卡金扣回", -1],
    ["自动购汇扣款", -1],
    ["消费分期手续费", -1],
    ["PURCHASE", -1],
    ["Annual Fee", -1],
    // money in: repayments, refunds, cash back
    ["还款", 1],
    ["退货", 1],
    ["退款", 1],
    ["（退款）", 1],
    ["返现", 1],
    ["信用卡还款", 1],
    ["红包还款", 1],
    ["自动购汇还款", 1],
    ["刷卡金返还", 1],
    ["掌上生活还款", 1],
    // a refund word after what it refunds
    ["消费退货", 1],
    ["年费返还", 1],
    ["手续费退还", 1],
    // interest on an overpaid balance is paid to the holder
    ["存款利息", 1],
    ["REFUND", 1],
    ["PAYMENT - THANK YOU", 1],
  ] as const)("%s → %d", (text, expected) => {
    expect(cardDirectionOfWords(text)).toBe(expected);
  });

  it.each([
    [undefined],
    [""],
    ["调整"],
    ["中国移动"],
    ["积分兑换"],
    // words of both directions, none a refund of the other
    ["分期还款"],
    ["还款手续费"],
    // a reversal undoes whatever it names
    ["消费撤销"],
    ["还款冲正"],
    // "fee" inside another word is not a fee
    ["COFFEE SHOP"],
  ] as const)("%s → null (not certain)", (text) => {
    expect(cardDirectionOfWords(text)).toBeNull();
  });
});

describe("signByTypeWords", () => {
  const header = ["交易日期", "交易类型", "记账金额"];

  it("signs the magnitude by the words, whatever sign the file printed", () => {
    expect(signByTypeWords(rowOf(header, ["2025-01-03", "消费", "100.00"]), 10000n, "交易类型", "消费")).toBe(-10000n);
    expect(signByTypeWords(rowOf(header, ["2025-01-05", "还款", "-2000.00"]), -200000n, "交易类型", "还款")).toBe(200000n);
    expect(signByTypeWords(rowOf(header, ["2025-01-08", "退货", "30.00"]), 3000n, "交易类型", "退货")).toBe(3000n);
  });

  it("rejects a row whose type says no direction, naming the row and the column as the file spells it", () => {
    const row = rowOf([" 交易类型 ", "记账金额"], ["调整", "5.00"], 9);
    expect(signByTypeWords(row, 500n, "交易类型", "调整")).toBeUndefined();
    expect(row.issues).toEqual([{ row: 9, column: " 交易类型 ", code: "UNKNOWN_CARD_DIRECTION", params: { value: "调整" }, severity: "error" }]);
    expect(row.hasErrors).toBe(true);
    expect(formatImportError(row.issues[0]!, "zh-CN")).toMatch(/^第 9 行「 交易类型 」列：.*“调整”.*未导入/);
    expect(formatImportError(row.issues[0]!, "en")).toMatch(/^Row 9, column “ 交易类型 ”: .*“调整”.*not imported/);
  });

  it("rejects a row with no type at all", () => {
    const row = rowOf(header, ["2025-01-03", "", "1.00"]);
    expect(signByTypeWords(row, 100n, "交易类型", undefined)).toBeUndefined();
    expect(row.issues.map((issue) => [issue.row, issue.column, issue.code])).toEqual([[7, "交易类型", "UNKNOWN_CARD_DIRECTION"]]);
  });
});

describe("fromSpendingPositive", () => {
  const header = ["交易日期", "交易摘要", "入账金额"];

  it("turns spending printed positive into money out and repayments printed negative into money in", () => {
    expect(fromSpendingPositive(rowOf(header, []), 10000n)).toBe(-10000n);
    expect(fromSpendingPositive(rowOf(header, []), -150000n)).toBe(150000n);
    expect(fromSpendingPositive(rowOf(header, []), 0n)).toBe(0n);
  });

  it("accepts a type word that agrees with the sign", () => {
    const row = rowOf(header, []);
    expect(fromSpendingPositive(row, 1590n, { column: "交易摘要", text: "消费", amountText: "15.90" })).toBe(-1590n);
    expect(fromSpendingPositive(row, -9720n, { column: "交易摘要", text: "退款", amountText: "-97.20" })).toBe(9720n);
    expect(fromSpendingPositive(row, 500n, { column: "交易摘要", text: "不认识的类型", amountText: "5.00" })).toBe(-500n);
    expect(row.issues).toEqual([]);
  });

  it("rejects a row whose type word contradicts its sign", () => {
    const row = rowOf(header, [], 12);
    expect(fromSpendingPositive(row, -500n, { column: "交易摘要", text: "消费", amountText: "-5.00" })).toBeUndefined();
    expect(row.issues).toEqual([
      { row: 12, column: "交易摘要", code: "CARD_DIRECTION_CONFLICT", params: { value: "消费", amount: "-5.00" }, severity: "error" },
    ]);
    expect(formatImportError(row.issues[0]!, "en")).toBe(
      "Row 12, column “交易摘要”: The transaction type “消费” contradicts the sign of the amount -5.00; the direction is uncertain and the row was not imported",
    );
  });
});

describe("card statement dates", () => {
  const title = ["招商银行信用卡对账单（个人消费卡账户 2025年01月）"];

  it("reads the statement month from the title", () => {
    expect(statementMonth(title)).toEqual({ year: 2025, month: 1 });
    expect(statementMonth(["中国银行信用卡账单(2024年12月)"])).toEqual({ year: 2024, month: 12 });
    expect(statementMonth(["交易明细"])).toBeNull();
  });

  it("places a month-day in the statement's year, or the year before for a later month", () => {
    expect(cardRowDate(rowOf(["记账日"], ["12/29"]), "记账日", title)).toEqual({ date: "2024-12-29" });
    expect(cardRowDate(rowOf(["记账日"], ["01/03"]), "记账日", title)).toEqual({ date: "2025-01-03" });
    expect(cardRowDate(rowOf(["记账日"], ["2025/01/05"]), "记账日", [])).toEqual({ date: "2025-01-05" });
  });

  it("rejects a month-day it cannot place, or that does not exist", () => {
    const noTitle = rowOf(["记账日"], ["12/29"], 3);
    expect(cardRowDate(noTitle, "记账日", [])).toBeUndefined();
    expect(noTitle.issues).toEqual([{ row: 3, column: "记账日", code: "INVALID_DATE", params: { value: "12/29" }, severity: "error" }]);
    const noSuchDay = rowOf(["记账日"], ["02/30"], 4);
    expect(cardRowDate(noSuchDay, "记账日", title)).toBeUndefined();
    expect(noSuchDay.issues.map((issue) => issue.code)).toEqual(["INVALID_DATE"]);
  });
});

describe("a card statement's own account", () => {
  const layout = { bank: "招商银行", numberLabels: ["卡号"], lastDigitsLabels: ["卡号末四位"] };

  it("keeps the last four digits as a masked number that matches the card by its tail only", () => {
    const account = accountFromPreamble(layout, ["招商银行信用卡对账单", "卡号末四位：4321"]);
    expect(account).toEqual({ number: "****4321", bank: "招商银行" });
    expect(matchesStatement(account, { accountNumber: "6225 8800 1111 4321", institution: "招商银行" })).toBe(true);
    expect(matchesStatement(account, { accountNumber: "6225 8800 1111 9999", institution: "招商银行" })).toBe(false);
    expect(matchesStatement(account, { accountNumber: "6225 8800 1111 4321", institution: "中信银行" })).toBe(false);
  });

  it("reads a full card number, also when printed in brackets", () => {
    expect(accountFromPreamble(layout, ["人民币交易明细(卡号:6259****1234)"])).toEqual({ number: "6259****1234", bank: "招商银行" });
    expect(accountFromPreamble(layout, ["卡号：6258 **** **** 4321"])?.number).toBe("6258 **** **** 4321");
  });
});
