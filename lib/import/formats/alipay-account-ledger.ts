// Alipay merchant 账务明细 ("#支付宝账务明细查询"): GBK, "#" comment lines above and below, then
// 账务流水号,业务流水号,商户订单号,商品名称,发生时间,对方账号,收入金额（+元）,支出金额（-元）,
// 账户余额（元）,交易渠道,业务类型,备注. Every value but the amounts ends with a TAB. 账务流水号 is
// unique per ledger entry; 业务流水号 is the Alipay trade number the entry belongs to.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { joinText, netOfSplitColumns, occurredFields, splitNameAndAccount } from "./shared/row-values";

const C = {
  reference: "账务流水号",
  tradeNo: "业务流水号",
  merchantOrderNo: "商户订单号",
  description: "商品名称",
  time: "发生时间",
  counterparty: "对方账号",
  inflow: "收入金额(+元)",
  outflow: "支出金额(-元)",
  balance: "账户余额(元)",
  channel: "交易渠道",
  businessType: "业务类型",
  remark: "备注",
} as const;

export const alipayAccountLedger = defineFormat({
  id: "alipay-account-ledger",
  kind: "bank",
  keyNamespace: "alipay-ledger",
  label: { "zh-CN": "支付宝账务明细（商家）", en: "Alipay merchant account ledger" },
  anchorColumn: C.time,
  statementAccount: { bank: "支付宝", numberLabels: ["账号"], nameLabels: ["账户名称"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.reference, C.time, C.inflow, C.outflow],
      optional: [C.tradeNo, C.merchantOrderNo, C.description, C.counterparty, C.balance, C.channel, C.businessType],
      preambleHints: [/支付宝账务明细/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const amount = netOfSplitColumns(row, C.inflow, C.outflow);
    const reference = row.requiredText(C.reference);
    if (!when || amount === undefined || !reference) return null;
    const counterparty = splitNameAndAccount(row.text(C.counterparty));
    return {
      ...occurredFields(when),
      amountMinor: amount,
      currency: "CNY",
      balanceMinor: row.balance(C.balance),
      reference,
      secondaryReference: row.text(C.tradeNo),
      counterparty: counterparty.name,
      counterpartyAccount: counterparty.account,
      memo: joinText(row.text(C.description), row.text(C.businessType), row.text(C.remark)),
      merchantOrderNo: row.text(C.merchantOrderNo),
      channel: row.text(C.channel),
      uniqueId: reference,
    };
  },
});
