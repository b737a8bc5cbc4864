// China Merchants Bank credit-card statement CSV (自助对账): a title line naming the statement month
// ("招商银行信用卡对账单（个人消费卡账户 2024年01月）"), then 交易日,记账日,交易摘要,人民币金额,卡号末四位,交易地金额.
// Dates are "MM/DD" placed by the title's month; 交易日 is empty on repayments. 人民币金额 prints
// spending positive and repayments/refunds negative, so the fund-account amount is its negation.
// 交易摘要 is free text (merchant names such as "分期乐" carry type-like words), so it is not held
// against the sign; only a real type field is (see cgb-credit-card-statement).
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { lastDigitsChannel } from "./shared/card-channel";
import { fromSpendingPositive } from "./shared/card-direction";
import { cardRowDate } from "./shared/card-statement-date";
import { occurredFields } from "./shared/row-values";

const C = {
  date: "交易日",
  postedDate: "记账日",
  description: "交易摘要",
  amount: "人民币金额",
  card: "卡号末四位",
  originalAmount: "交易地金额",
} as const;

export const cmbCreditCardStatement = defineFormat({
  id: "cmb-credit-card-statement",
  kind: "bank",
  keyNamespace: "cmb-card",
  label: { "zh-CN": "招商银行信用卡对账单", en: "China Merchants Bank credit card statement" },
  anchorColumn: C.postedDate,
  statementAccount: { bank: "招商银行", numberLabels: ["卡号"], lastDigitsLabels: ["卡号末四位", "卡号后四位"], nameLabels: ["户名", "姓名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.postedDate, C.description, C.amount, C.card],
      optional: [C.originalAmount],
      preambleHints: [/招商银行|信用卡/],
    }),
  mapRow(row, file) {
    const posted = cardRowDate(row, C.postedDate, file.preamble, { required: true });
    const traded = cardRowDate(row, C.date, file.preamble);
    const printed = row.amount(C.amount, { required: true });
    if (!posted || printed === undefined || row.hasErrors) return null;
    const amount = fromSpendingPositive(row, printed);
    if (amount === undefined) return null;
    const channel = lastDigitsChannel(row, C.card);
    return {
      ...occurredFields(traded ?? posted),
      amountMinor: amount,
      currency: "CNY",
      memo: row.text(C.description),
      channel,
    };
  },
});
