// Bank of Communications 交易明细 (debit card). The app mails a PDF; the table users keep is
// 序号,交易日期,交易时间,交易类型,借贷,交易金额,余额,对方账号,对方户名,交易地点,摘要 with dates 2024-03-21,
// times 13:15:12, an unsigned 交易金额 ("10,000.00") and its direction in 借贷 as the bank prints it,
// bilingual: "借 Dr" (money out) or "贷 Cr" (money in). A row without a readable mark is rejected.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { amountByDirection, readDirectionMark } from "./shared/amount-by-direction";
import { joinText, occurredFields } from "./shared/row-values";

const C = {
  serial: "序号",
  date: "交易日期",
  time: "交易时间",
  type: "交易类型",
  direction: "借贷",
  amount: "交易金额",
  balance: "余额",
  counterpartyAccount: "对方账号",
  counterparty: "对方户名",
  place: "交易地点",
  summary: "摘要",
} as const;

export const bocomDebitStatement = defineFormat({
  id: "bocom-debit-statement",
  kind: "bank",
  keyNamespace: "bocom",
  label: { "zh-CN": "交通银行交易明细", en: "Bank of Communications debit statement" },
  anchorColumn: C.date,
  // The table has no heading lines above it: the account is not printed where it could be read.
  statementAccount: { bank: "交通银行" },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      // Every column but 摘要, so no other bank's 交易日期/借贷/交易金额 table is taken for BOCOM's.
      required: [C.serial, C.date, C.time, C.type, C.direction, C.amount, C.balance, C.counterpartyAccount, C.counterparty, C.place],
      optional: [C.summary],
      preambleHints: [/交通银行/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.date, { required: true });
    const time = row.timeOfDay(C.time);
    const written = row.amount(C.amount, { required: true });
    const mark = readDirectionMark(row, C.direction);
    // A minus sign on an amount marked 贷: the two disagree, so neither is trusted. Checked before a
    // broken date ends the row, so that a row with both reports both.
    const amountMinor =
      written === undefined || typeof mark === "string" ? undefined : amountByDirection(row, written, mark, { direction: C.direction });
    if (!when || written === undefined || typeof mark === "string") return null;
    // The other cells are read even on a contradicted row, so that their own errors are reported too.
    const rest = {
      currency: "CNY",
      balanceMinor: row.balance(C.balance),
      counterparty: row.text(C.counterparty),
      counterpartyAccount: row.text(C.counterpartyAccount),
      memo: joinText(row.text(C.type), row.text(C.summary), row.text(C.place)),
    };
    if (amountMinor === undefined) return null;
    return { ...occurredFields(when, time), amountMinor, ...rest };
  },
});
