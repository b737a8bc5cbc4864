// China CITIC Bank (中信银行) credit-card statement, legacy .xls (BIFF8) from the card website's bill
// page: a merged title row "本期账单明细(人民币)", then 交易日期, 入账日期, 交易描述, 卡末四位, 交易币种,
// 结算币种, 交易金额, 结算金额, newest first, one file per card. Amounts print spending positive and
// repayments, refunds and rewards negative, so the fund-account amount is 结算金额 negated.
import { currencyDecimals } from "@/lib/money";
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { lastDigitsChannel } from "./shared/card-channel";
import { fromSpendingPositive } from "./shared/card-direction";
import { cardRowDate } from "./shared/card-statement-date";
import { currencyFrom, occurredFields } from "./shared/row-values";

const C = {
  date: "交易日期",
  postedDate: "入账日期",
  description: "交易描述",
  card: "卡末四位",
  currency: "交易币种",
  settledCurrency: "结算币种",
  amount: "交易金额",
  settledAmount: "结算金额",
} as const;

export const citicCreditCardStatement = defineFormat({
  id: "citic-credit-card-statement",
  kind: "bank",
  keyNamespace: "citic-card",
  label: { "zh-CN": "中信银行信用卡账单", en: "China CITIC Bank credit card statement" },
  anchorColumn: C.date,
  statementAccount: { bank: "中信银行", numberLabels: ["卡号"], lastDigitsLabels: ["卡末四位", "卡号末四位"], nameLabels: ["户名", "姓名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.postedDate, C.description, C.card, C.settledAmount],
      optional: [C.currency, C.settledCurrency, C.amount],
      preambleHints: [/本期账单明细|中信/],
    }),
  mapRow(row, file) {
    const traded = cardRowDate(row, C.date, file.preamble, { required: true });
    cardRowDate(row, C.postedDate, file.preamble);
    const currency = currencyFrom(row, C.settledCurrency, "CNY");
    const printed = row.amount(C.settledAmount, { required: true, decimals: currencyDecimals(currency) });
    if (!traded || printed === undefined || row.hasErrors) return null;
    const amount = fromSpendingPositive(row, printed);
    if (amount === undefined) return null;
    const channel = lastDigitsChannel(row, C.card);
    return {
      ...occurredFields(traded),
      amountMinor: amount,
      currency,
      memo: row.text(C.description),
      channel,
    };
  },
});
