// WeChat Pay 账单明细 (CSV or XLSX): 16 preamble lines ending "微信支付账单明细列表", then 交易时间,
// 交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注. Amounts like
// "¥28.16", "/" means empty, IDs end with a TAB. 收/支 is "/" for 中性交易 (top-ups, withdrawals,
// 零钱通 moves), which get their sign from the transaction type.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { neutralWalletSign, parseDirection } from "./shared/money-direction";
import { abs, joinText, occurredFields } from "./shared/row-values";

const C = {
  time: "交易时间",
  type: "交易类型",
  counterparty: "交易对方",
  goods: "商品",
  direction: "收/支",
  amount: "金额(元)",
  channel: "支付方式",
  status: "当前状态",
  reference: "交易单号",
  merchantOrderNo: "商户单号",
  remark: "备注",
} as const;

export const wechatPayBill = defineFormat({
  id: "wechat-pay-bill",
  kind: "bank",
  keyNamespace: "wechat",
  label: { "zh-CN": "微信支付账单", en: "WeChat Pay bill" },
  anchorColumn: C.time,
  statementAccount: { bank: "微信支付", numberLabels: ["商户号"], nameLabels: ["微信昵称"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.time, C.type, C.direction, C.amount, C.reference],
      optional: [C.counterparty, C.goods, C.channel, C.status, C.merchantOrderNo, C.remark],
      preambleHints: [/微信支付/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const magnitude = row.amount(C.amount, { required: true });
    const directionText = row.text(C.direction);
    const direction = directionText === undefined ? "neutral" : parseDirection(directionText);
    if (direction === null) {
      row.error("INVALID_DIRECTION", C.direction, { value: directionText ?? "" });
      return null;
    }
    if (!when || magnitude === undefined) return null;
    const sign =
      direction === "neutral" ? neutralWalletSign(row.text(C.type), row.text(C.goods), row.text(C.status)) : direction;
    const reference = row.text(C.reference);
    return {
      ...occurredFields(when),
      amountMinor: abs(magnitude) * BigInt(sign),
      currency: "CNY",
      reference,
      counterparty: row.text(C.counterparty),
      memo: joinText(row.text(C.goods), row.text(C.remark)),
      merchantOrderNo: row.text(C.merchantOrderNo),
      channel: row.text(C.channel),
      uniqueId: reference,
    };
  },
});
