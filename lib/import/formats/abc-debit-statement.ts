// Agricultural Bank of China 账户活期交易明细清单 (debit card). The bank's app mails a PDF; the CSV users
// hold is that statement as a table: the heading lines (中国农业银行账户活期交易明细清单, "户名：… 账户：…",
// 币种/汇钞标识, 起止日期/电子流水号), then 交易日期,交易时间,交易摘要,交易金额,本次余额,对手信息,日志号,
// 交易渠道,交易附言, and the statement's note ("该交易明细因…仅供参考") under the table. Dates are
// 20240101, times 123456 (often empty); 交易金额 carries its sign ("+10000.00", "-10.00").
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { joinText, occurredFields, splitNameAndAccount } from "./shared/row-values";

const C = {
  date: "交易日期",
  time: "交易时间",
  summary: "交易摘要",
  amount: "交易金额",
  balance: "本次余额",
  counterparty: "对手信息",
  // "日 志 号" in some copies: column names are compared without blanks.
  logNo: "日志号",
  channel: "交易渠道",
  note: "交易附言",
} as const;

// Interest and tax lines carry the placeholder 日志号 0000000000: not an id.
const PLACEHOLDER_LOG_NO = /^0+$/;

export const abcDebitStatement = defineFormat({
  id: "abc-debit-statement",
  kind: "bank",
  keyNamespace: "abc",
  label: { "zh-CN": "农业银行活期交易明细", en: "Agricultural Bank of China debit statement" },
  anchorColumn: C.date,
  statementAccount: { bank: "中国农业银行", numberLabels: ["账户", "账号", "卡号"], nameLabels: ["户名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      // Every column the statement prints but the two free-text ones, so no other bank's table is taken for it.
      required: [C.date, C.time, C.summary, C.amount, C.balance, C.counterparty, C.logNo],
      optional: [C.channel, C.note],
      preambleHints: [/中国农业银行/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.date, { required: true });
    const time = row.timeOfDay(C.time);
    const amount = row.amount(C.amount, { required: true });
    if (!when || amount === undefined) return null;
    const counterparty = splitNameAndAccount(row.text(C.counterparty));
    const logNo = row.text(C.logNo);
    return {
      ...occurredFields(when, time),
      amountMinor: amount,
      currency: "CNY",
      balanceMinor: row.balance(C.balance),
      reference: logNo && !PLACEHOLDER_LOG_NO.test(logNo) ? logNo : undefined,
      counterparty: counterparty.name,
      counterpartyAccount: counterparty.account,
      memo: joinText(row.text(C.summary), row.text(C.note)),
      channel: row.text(C.channel),
    };
  },
});
