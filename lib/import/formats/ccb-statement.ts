// China Construction Bank 交易明细 (legacy .xls, BIFF8, code page 936): a few preamble rows (bank
// name, 开户机构, 币种, 账号), then 记账日, 交易日期, 交易时间, 支出, 收入, 账户余额, 币种, 摘要, 对方账号,
// 对方户名, 交易地点, and a "以上数据仅供参考" footer. Dates are written 20250101.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { currencyFrom, joinText, netOfSplitColumns, occurredFields } from "./shared/row-values";

const C = {
  postedDate: "记账日",
  date: "交易日期",
  time: "交易时间",
  outflow: "支出",
  inflow: "收入",
  balance: "账户余额",
  currency: "币种",
  summary: "摘要",
  counterpartyAccount: "对方账号",
  counterparty: "对方户名",
  place: "交易地点",
} as const;

export const ccbStatement = defineFormat({
  id: "ccb-statement",
  kind: "bank",
  keyNamespace: "ccb",
  label: { "zh-CN": "建设银行交易明细", en: "China Construction Bank statement" },
  anchorColumn: C.date,
  statementAccount: { bank: "中国建设银行", numberLabels: ["账号", "卡号"], nameLabels: ["户名", "账户名称"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.postedDate, C.date, C.outflow, C.inflow, C.balance],
      optional: [C.time, C.currency, C.summary, C.counterpartyAccount, C.counterparty, C.place],
      preambleHints: [/China Construction Bank|建设银行/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.date, { required: true });
    const time = row.timeOfDay(C.time);
    const amount = netOfSplitColumns(row, C.inflow, C.outflow);
    if (!when || amount === undefined) return null;
    return {
      ...occurredFields(when, time),
      amountMinor: amount,
      currency: currencyFrom(row, C.currency, "CNY"),
      balanceMinor: row.balance(C.balance),
      counterparty: row.text(C.counterparty),
      counterpartyAccount: row.text(C.counterpartyAccount),
      memo: joinText(row.text(C.summary), row.text(C.place)),
    };
  },
});
