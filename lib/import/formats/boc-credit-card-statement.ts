// Bank of China credit-card statement (CSV): a title line "中国银行信用卡账单(2025年01月)", then
// 交易日,银行记账日,卡号后四位,交易描述,存入,支出,币种 — the columns of BOC's PDF and e-mail statements
// (货币 交易日 银行记账日 卡号后四位 交易描述 存入 支出). Spending is in 支出 and repayments, refunds and
// interest on an overpaid balance in 存入, both unsigned: the amount is 存入 − 支出. 卡号后四位 is empty on
// rows that belong to the account rather than a card (存款利息).
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { lastDigitsChannel } from "./shared/card-channel";
import { cardRowDate } from "./shared/card-statement-date";
import { currencyFrom, netOfSplitColumns, occurredFields } from "./shared/row-values";

const C = {
  date: "交易日",
  postedDate: "银行记账日",
  card: "卡号后四位",
  description: "交易描述",
  inflow: "存入",
  outflow: "支出",
  currency: "币种",
} as const;

export const bocCreditCardStatement = defineFormat({
  id: "boc-credit-card-statement",
  kind: "bank",
  keyNamespace: "boc-card",
  label: { "zh-CN": "中国银行信用卡账单", en: "Bank of China credit card statement" },
  anchorColumn: C.postedDate,
  statementAccount: { bank: "中国银行", numberLabels: ["卡号"], lastDigitsLabels: ["卡号后四位", "卡号末四位"], nameLabels: ["户名", "姓名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.postedDate, C.card, C.description, C.inflow, C.outflow],
      optional: [C.currency],
      preambleHints: [/中国银行|信用卡/],
    }),
  mapRow(row, file) {
    const posted = cardRowDate(row, C.postedDate, file.preamble, { required: true });
    const traded = cardRowDate(row, C.date, file.preamble);
    const currency = currencyFrom(row, C.currency, "CNY");
    const amount = netOfSplitColumns(row, C.inflow, C.outflow);
    if (!posted || amount === undefined || row.hasErrors) return null;
    const channel = lastDigitsChannel(row, C.card);
    return {
      ...occurredFields(traded ?? posted),
      amountMinor: amount,
      currency,
      memo: row.text(C.description),
      channel,
    };
  },
});
