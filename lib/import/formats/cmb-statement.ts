// China Merchants Bank debit card CSV: 记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要.
// 交易金额 is signed. 对手信息 runs the name and the account number together
// ("北京住房公积金管理中心1111111111", "张三 66666666666666").
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyFrom, joinText, occurredFields, splitNameAndAccount } from "./shared/row-values";

const C = {
  date: "记账日期",
  currency: "货币",
  amount: "交易金额",
  balance: "联机余额",
  summary: "交易摘要",
  counterparty: "对手信息",
  customerNote: "客户摘要",
} as const;

export const cmbStatement = defineFormat({
  id: "cmb-statement",
  kind: "bank",
  keyNamespace: "cmb",
  label: { "zh-CN": "招商银行交易明细", en: "China Merchants Bank statement" },
  anchorColumn: C.date,
  statementAccount: { bank: "招商银行", numberLabels: ["账号", "卡号"], nameLabels: ["户名", "账户名称"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.amount, C.balance, C.summary, C.counterparty],
      optional: [C.currency, C.customerNote],
      preambleHints: [/招商银行/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.date, { required: true });
    const amount = row.amount(C.amount, { required: true });
    if (!when || amount === undefined) return null;
    const counterparty = splitNameAndAccount(row.text(C.counterparty));
    return {
      ...occurredFields(when),
      amountMinor: amount,
      currency: currencyFrom(row, C.currency, "CNY"),
      balanceMinor: row.balance(C.balance),
      counterparty: counterparty.name,
      counterpartyAccount: counterparty.account,
      memo: joinText(row.text(C.summary), row.text(C.customerNote)),
    };
  },
});
