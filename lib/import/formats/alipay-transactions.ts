// Alipay 交易明细 (personal/merchant "交易明细" CSV download): GBK, ~24 preamble lines (导出信息,
// 特别提示), then 交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,
// 交易订单号,商家订单号,备注. Amounts are unsigned; the direction is in 收/支. IDs end with a TAB and
// cells may be padded with spaces. Both real fixtures (2020 and 2023 downloads) use this layout.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { neutralWalletSign, parseDirection } from "./shared/money-direction";
import { abs, joinText, occurredFields } from "./shared/row-values";

const C = {
  time: "交易时间",
  category: "交易分类",
  counterparty: "交易对方",
  counterpartyAccount: "对方账号",
  description: "商品说明",
  direction: "收/支",
  amount: "金额",
  channel: "收/付款方式",
  status: "交易状态",
  reference: "交易订单号",
  merchantOrderNo: "商家订单号",
  remark: "备注",
} as const;

export const alipayTransactions = defineFormat({
  id: "alipay-transactions",
  kind: "bank",
  keyNamespace: "alipay",
  label: { "zh-CN": "支付宝交易明细", en: "Alipay transaction statement" },
  anchorColumn: C.time,
  statementAccount: { bank: "支付宝", numberLabels: ["支付宝账户"], nameLabels: ["姓名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.time, C.direction, C.amount, C.reference],
      optional: [C.category, C.counterparty, C.counterpartyAccount, C.description, C.channel, C.status, C.merchantOrderNo],
      preambleHints: [/支付宝/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const magnitude = row.amount(C.amount, { required: true });
    const status = row.text(C.status);
    const directionText = row.text(C.direction);
    const direction = directionText === undefined ? "neutral" : parseDirection(directionText);
    if (direction === null) {
      row.error("INVALID_DIRECTION", C.direction, { value: directionText ?? "" });
      return null;
    }
    // A 不计收支 row that is 交易关闭 was never paid (an order closed before payment). A 支出 row
    // that is 交易关闭 *was* paid and then refunded in a separate 退款 row, so it is kept.
    if (direction === "neutral" && status?.includes("交易关闭")) {
      return row.skip("ROW_SKIPPED_NO_MONEY_MOVED", C.status, { status });
    }
    if (!when || magnitude === undefined) return null;
    const sign =
      direction === "neutral" ? neutralWalletSign(row.text(C.category), row.text(C.description), status) : direction;
    const reference = row.text(C.reference);
    return {
      ...occurredFields(when),
      amountMinor: abs(magnitude) * BigInt(sign),
      currency: "CNY",
      reference,
      counterparty: row.text(C.counterparty),
      counterpartyAccount: row.text(C.counterpartyAccount),
      memo: joinText(row.text(C.description), row.text(C.remark)),
      merchantOrderNo: row.text(C.merchantOrderNo),
      channel: row.text(C.channel),
      uniqueId: reference,
    };
  },
});
