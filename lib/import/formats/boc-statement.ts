// Bank of China 交易流水明细单 (debit card CSV): a title line, then 记账日期,记账时间,币别,金额,余额,
// 交易名称,渠道,网点名称,附言,对方账户名,对方卡号/账号,对方开户行,借记卡号. 金额 is signed; empty
// cells are filled with dashes ("-------------------").
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyFrom, joinText, occurredFields } from "./shared/row-values";

const C = {
  date: "记账日期",
  time: "记账时间",
  currency: "币别",
  amount: "金额",
  balance: "余额",
  name: "交易名称",
  channel: "渠道",
  branch: "网点名称",
  note: "附言",
  counterparty: "对方账户名",
  counterpartyAccount: "对方卡号/账号",
  counterpartyBank: "对方开户行",
  card: "借记卡号",
} as const;

export const bocStatement = defineFormat({
  id: "boc-statement",
  kind: "bank",
  keyNamespace: "boc",
  label: { "zh-CN": "中国银行交易流水", en: "Bank of China statement" },
  anchorColumn: C.date,
  statementAccount: { bank: "中国银行", numberLabels: ["账号", "卡号"], nameLabels: ["户名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.date, C.amount, C.balance, C.name, C.counterparty],
      optional: [C.time, C.currency, C.channel, C.branch, C.note, C.counterpartyAccount, C.counterpartyBank, C.card],
      preambleHints: [/中国银行/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.date, { required: true });
    const time = row.timeOfDay(C.time);
    const amount = row.amount(C.amount, { required: true });
    if (!when || amount === undefined) return null;
    return {
      ...occurredFields(when, time),
      amountMinor: amount,
      currency: currencyFrom(row, C.currency, "CNY"),
      balanceMinor: row.balance(C.balance),
      counterparty: row.text(C.counterparty),
      counterpartyAccount: row.text(C.counterpartyAccount),
      memo: joinText(row.text(C.name), row.text(C.note)),
      channel: row.text(C.channel),
    };
  },
});
