// China Guangfa Bank (广发银行) credit-card statement (CSV): 交易日期,入账日期,交易摘要,交易金额,交易货币,
// 入账金额,入账货币, dates "2025/01/05". 交易摘要 starts with the type in brackets — （消费）, （分期）,
// （取现）, （退款）, （还款） — and amounts print spending positive, refunds and repayments negative. The
// fund-account amount is 入账金额 negated; a row whose bracketed type names the other direction than
// its sign is rejected (one of the two is wrong, and we cannot tell which).
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
  description: "交易摘要",
  amount: "交易金额",
  currency: "交易货币",
  settledAmount: "入账金额",
  settledCurrency: "入账货币",
  card: ["卡号末四位", "卡号后四位", "卡末四位"],
} as const;

const BRACKETED_TYPE = /^[（(]([^）)]+)[）)]\s*(.*)$/;

export const cgbCreditCardStatement = defineFormat({
  id: "cgb-credit-card-statement",
  kind: "bank",
  keyNamespace: "cgb-card",
  label: { "zh-CN": "广发银行信用卡账单", en: "China Guangfa Bank credit card statement" },
  anchorColumn: C.date,
  statementAccount: { bank: "广发银行", numberLabels: ["卡号"], lastDigitsLabels: ["卡号末四位", "卡号后四位", "卡末四位"], nameLabels: ["户名", "姓名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.postedDate, C.description, C.settledAmount, C.settledCurrency],
      optional: [C.amount, C.currency],
      preambleHints: [/广发|信用卡/],
    }),
  mapRow(row, file) {
    const traded = cardRowDate(row, C.date, file.preamble, { required: true });
    cardRowDate(row, C.postedDate, file.preamble);
    const currency = currencyFrom(row, C.settledCurrency, "CNY");
    const amountText = row.text(C.settledAmount) ?? "";
    const printed = row.amount(C.settledAmount, { required: true, decimals: currencyDecimals(currency) });
    if (!traded || printed === undefined || row.hasErrors) return null;
    const description = row.text(C.description);
    const bracketed = description ? BRACKETED_TYPE.exec(description) : null;
    const amount = fromSpendingPositive(row, printed, { column: C.description, text: bracketed?.[1], amountText });
    if (amount === undefined) return null;
    const channel = lastDigitsChannel(row, C.card);
    return {
      ...occurredFields(traded),
      amountMinor: amount,
      currency,
      memo: description,
      channel,
    };
  },
});
