// China Construction Bank 企业网银 账户明细 (corporate, .xls): one row per movement with the company's
// own 账号 and 账户名称 on every row, then 交易时间 ("20260410 17:07:09"), 借方发生额（支取） (money out),
// 贷方发生额（收入） (money in; the other side is written "0"), 余额, 币种 ("人民币元"), 对方户名, 对方账号,
// 对方开户机构, 记账日期 (20260410), 摘要, 备注 and 账户明细编号-交易流水号, the line's number in the
// account. The personal export (ccb-statement) has 记账日/交易日期/支出/收入 instead.
import { normalizeCurrency } from "@/lib/money";
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { joinText, netOfSplitColumns, occurredFields } from "./shared/row-values";
import type { RowCells } from "../normalize/row-cells";

const C = {
  account: "账号",
  accountName: "账户名称",
  time: "交易时间",
  debit: "借方发生额（支取）",
  credit: "贷方发生额（收入）",
  balance: "余额",
  currency: "币种",
  counterparty: "对方户名",
  counterpartyAccount: "对方账号",
  counterpartyBank: "对方开户机构",
  postedDate: "记账日期",
  summary: "摘要",
  remark: "备注",
  serial: "账户明细编号-交易流水号",
} as const;

/** "人民币元" is CCB's name for CNY: the currency word with 元 after it. */
function ccbCurrency(row: RowCells): string {
  const text = row.text(C.currency);
  if (text === undefined) return "CNY";
  const code = normalizeCurrency(text) ?? normalizeCurrency(text.replace(/元$/, ""));
  if (!code) {
    row.error("UNKNOWN_CURRENCY", C.currency, { value: text });
    return "CNY";
  }
  return code;
}

export const ccbCorporateStatement = defineFormat({
  id: "ccb-corporate-statement",
  kind: "bank",
  keyNamespace: "ccb",
  label: { "zh-CN": "建设银行企业账户明细", en: "China Construction Bank corporate statement" },
  anchorColumn: C.time,
  // 账号 / 账户名称 are columns of every row, not a printed heading: nothing above the header names the account.
  statementAccount: { bank: "中国建设银行" },
  ownAccountColumn: C.account,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.time, C.debit, C.credit, C.balance, C.serial],
      optional: [C.account, C.accountName, C.currency, C.counterparty, C.counterpartyAccount, C.counterpartyBank, C.postedDate, C.summary, C.remark],
      preambleHints: [/建设银行/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const amount = netOfSplitColumns(row, C.credit, C.debit);
    const currency = ccbCurrency(row);
    if (!when || amount === undefined) return null;
    const account = row.text(C.account);
    const serial = row.text(C.serial);
    return {
      ...occurredFields(when),
      amountMinor: amount,
      currency,
      balanceMinor: row.balance(C.balance),
      reference: serial,
      counterparty: row.text(C.counterparty),
      counterpartyAccount: row.text(C.counterpartyAccount),
      memo: joinText(row.text(C.summary), row.text(C.remark)),
      // The detail number counts the lines of one account, so it is unique with the account.
      uniqueId: serial && account ? `${account}:${serial}` : undefined,
    };
  },
});
