// ICBC 企业网银 明细 in the [HISTORYDETAIL] form (Excel): a "[HISTORYDETAIL]" line, then 凭证号,交易时间
// ("2026-04-16 11:09:16"),对方单位,对方账号,转入金额,转出金额,余额,用途,摘要,附言 — money in under 转入金额,
// money out under 转出金额, the other side empty. Some copies add 对方行号, 回单个性化信息 or 支付凭证种类.
// The 借方/贷方发生额 form of the same bank's corporate export is icbc-corporate-statement.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { joinText, netOfSplitColumns, occurredFields } from "./shared/row-values";

const C = {
  voucherNo: "凭证号",
  time: "交易时间",
  counterparty: "对方单位",
  counterpartyAccount: "对方账号",
  inflow: "转入金额",
  outflow: "转出金额",
  balance: "余额",
  purpose: "用途",
  summary: "摘要",
  note: "附言",
  counterpartyBankNo: "对方行号",
  receiptInfo: "回单个性化信息",
} as const;

export const icbcCorporateHistoryDetail = defineFormat({
  id: "icbc-corporate-history-detail",
  kind: "bank",
  keyNamespace: "icbc",
  label: { "zh-CN": "工商银行企业明细（HISTORYDETAIL）", en: "ICBC corporate statement (HISTORYDETAIL)" },
  anchorColumn: C.time,
  // No account is printed above the header, only the [HISTORYDETAIL] marker.
  statementAccount: { bank: "中国工商银行" },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.voucherNo, C.time, C.counterparty, C.inflow, C.outflow],
      optional: [C.counterpartyAccount, C.balance, C.purpose, C.summary, C.note],
      preambleHints: [/HISTORYDETAIL/, /工商银行/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const amount = netOfSplitColumns(row, C.inflow, C.outflow);
    if (!when || amount === undefined) return null;
    return {
      ...occurredFields(when),
      amountMinor: amount,
      currency: "CNY",
      balanceMinor: row.balance(C.balance),
      reference: row.text(C.voucherNo),
      counterparty: row.text(C.counterparty),
      counterpartyAccount: row.text(C.counterpartyAccount),
      memo: joinText(row.text(C.summary), row.text(C.purpose), row.text(C.note), row.text(C.receiptInfo)),
    };
  },
});
