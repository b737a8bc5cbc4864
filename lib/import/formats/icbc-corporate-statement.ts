// ICBC 企业网银 历史明细 (corporate, GB18030 CSV): the header on the first line, 凭证号,本方账号,对方账号,
// 交易时间 ("20180717 10:12:34"),借贷标志 (借 / 贷),借方发生额,贷方发生额,对方行号,摘要,用途,对方单位名称,
// 余额,个性化信息. The amount sits in 借方发生额 (money out) or 贷方发生额 (money in), and the mark must
// say the same: a row whose mark and columns disagree is rejected, never guessed. The company's own
// account is the 本方账号 column of each row; the personal export (icbc-statement) has 记账金额 columns.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { parseDirection } from "./shared/money-direction";
import { joinText, netOfSplitColumns, occurredFields } from "./shared/row-values";

const C = {
  voucherNo: "凭证号",
  ownAccount: "本方账号",
  counterpartyAccount: "对方账号",
  time: "交易时间",
  // Spelled 借/贷 or 借贷标志 in the bank's files, 借贷标识 in copies of them.
  direction: ["借贷标志", "借/贷", "借贷标识"],
  debit: "借方发生额",
  credit: "贷方发生额",
  counterpartyBankNo: "对方行号",
  summary: "摘要",
  purpose: "用途",
  counterparty: "对方单位名称",
  balance: "余额",
  personalInfo: "个性化信息",
} as const;

export const icbcCorporateStatement = defineFormat({
  id: "icbc-corporate-statement",
  kind: "bank",
  keyNamespace: "icbc",
  label: { "zh-CN": "工商银行企业历史明细", en: "ICBC corporate statement" },
  anchorColumn: C.time,
  // 本方账号 is a column of every row and nothing is printed above the header.
  statementAccount: { bank: "中国工商银行" },
  ownAccountColumn: C.ownAccount,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      // 对方行号 and 对方单位名称 beside 凭证号 and the 发生额 pair set ICBC's file apart from other banks' corporate exports.
      required: [C.voucherNo, C.time, C.debit, C.credit, C.counterpartyBankNo, C.counterparty],
      optional: [C.ownAccount, C.counterpartyAccount, C.direction, C.summary, C.purpose, C.balance, C.personalInfo],
      preambleHints: [/工商银行/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const amount = netOfSplitColumns(row, C.credit, C.debit);
    const mark = row.text(C.direction);
    if (mark !== undefined && amount !== undefined) {
      const direction = parseDirection(mark);
      const agrees = (direction === 1 && amount > 0n) || (direction === -1 && amount < 0n);
      if (!agrees) row.error("INVALID_DIRECTION", C.direction, { value: mark });
    }
    if (!when || amount === undefined || row.hasErrors) return null;
    return {
      ...occurredFields(when),
      amountMinor: amount,
      currency: "CNY",
      balanceMinor: row.balance(C.balance),
      reference: row.text(C.voucherNo),
      counterparty: row.text(C.counterparty),
      counterpartyAccount: row.text(C.counterpartyAccount),
      memo: joinText(row.text(C.summary), row.text(C.purpose), row.text(C.personalInfo)),
    };
  },
});
