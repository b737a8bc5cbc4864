// ICBC 明细查询文件下载 (debit and credit card, UTF-8 CSV): preamble 卡号 / 子账户, then 交易日期,
// [记账日期,] 摘要, [交易详情,] 交易场所, 交易国家或地区简称, [钞/汇,] 交易金额(收入), 交易金额(支出),
// 交易币种, 记账金额(收入), 记账金额(支出), 记账币种, 余额, 对方户名[, 对方账户], and a 合计 footer.
// Values are padded with spaces and a TAB inside the quotes; "-" means empty. Debit exports leave
// 交易金额 as "-" and put the amount in 记账金额, so the booked amount is read first.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyFrom, joinText, netOfSplitColumns, occurredFields } from "./shared/row-values";
import type { RowCells } from "../normalize/row-cells";

const C = {
  date: "交易日期",
  postedDate: "记账日期",
  summary: "摘要",
  details: "交易详情",
  place: "交易场所",
  country: "交易国家或地区简称",
  cashOrTransfer: "钞/汇",
  txnInflow: "交易金额(收入)",
  txnOutflow: "交易金额(支出)",
  txnCurrency: "交易币种",
  bookedInflow: "记账金额(收入)",
  bookedOutflow: "记账金额(支出)",
  bookedCurrency: "记账币种",
  balance: "余额",
  counterparty: "对方户名",
  counterpartyAccount: "对方账户",
} as const;

function bookedOrTransactionAmount(row: RowCells): { amount: bigint | undefined; currency: string } {
  if (row.text(C.bookedInflow) !== undefined || row.text(C.bookedOutflow) !== undefined) {
    return {
      amount: netOfSplitColumns(row, C.bookedInflow, C.bookedOutflow),
      currency: currencyFrom(row, C.bookedCurrency, "CNY"),
    };
  }
  return {
    amount: netOfSplitColumns(row, C.txnInflow, C.txnOutflow),
    currency: currencyFrom(row, C.txnCurrency, "CNY"),
  };
}

export const icbcStatement = defineFormat({
  id: "icbc-statement",
  kind: "bank",
  keyNamespace: "icbc",
  label: { "zh-CN": "工商银行明细", en: "ICBC statement" },
  anchorColumn: C.date,
  statementAccount: { bank: "中国工商银行", numberLabels: ["卡号", "账号"], nameLabels: ["户名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.summary, C.bookedInflow, C.bookedOutflow],
      optional: [C.txnInflow, C.txnOutflow, C.txnCurrency, C.bookedCurrency, C.balance, C.counterparty, C.place],
      preambleHints: [/明细查询文件下载/, /^卡号/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.date, { required: true });
    const { amount, currency } = bookedOrTransactionAmount(row);
    if (!when || amount === undefined) return null;
    const counterpartyName = row.text(C.counterparty);
    const place = row.text(C.place);
    return {
      ...occurredFields(when),
      amountMinor: amount,
      currency,
      balanceMinor: row.balance(C.balance),
      // Card payments name the merchant only in 交易场所.
      counterparty: counterpartyName ?? place,
      counterpartyAccount: row.text(C.counterpartyAccount),
      memo: joinText(row.text(C.summary), row.text(C.details), counterpartyName ? place : undefined),
    };
  },
});
