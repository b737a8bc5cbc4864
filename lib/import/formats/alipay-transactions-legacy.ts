// The older Alipay web download "支付宝交易记录明细查询" (until ~2022): 交易号,商家订单号,交易创建时间,
// 付款时间,最近修改时间,交易来源地,类型,交易对方,商品名称,金额（元）,收/支,交易状态,服务费（元）,
// 成功退款（元）,备注,资金状态, between a "交易记录明细列表" line and a dashed line followed by totals.
// 资金状态 (已支出 / 已收入 / 资金转移) says what really happened to the money, so it wins over 收/支.
// 服务费 is the fee Alipay charged on the trade (a seller's 0.6 % on a sale), kept beside the amount.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { neutralWalletSign, parseDirection } from "./shared/money-direction";
import { abs, joinText, occurredFields } from "./shared/row-values";

const C = {
  reference: "交易号",
  merchantOrderNo: "商家订单号",
  createdAt: "交易创建时间",
  paidAt: "付款时间",
  modifiedAt: "最近修改时间",
  origin: "交易来源地",
  type: "类型",
  counterparty: "交易对方",
  description: "商品名称",
  amount: "金额(元)",
  direction: "收/支",
  status: "交易状态",
  fee: "服务费(元)",
  refunded: "成功退款(元)",
  remark: "备注",
  fundsStatus: "资金状态",
} as const;

export const alipayTransactionsLegacy = defineFormat({
  id: "alipay-transactions-legacy",
  kind: "bank",
  keyNamespace: "alipay",
  label: { "zh-CN": "支付宝交易记录明细（旧版）", en: "Alipay transaction records (legacy web export)" },
  anchorColumn: C.createdAt,
  statementAccount: { bank: "支付宝", numberLabels: ["账号"], nameLabels: ["姓名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.reference, C.createdAt, C.amount, C.direction],
      optional: [C.merchantOrderNo, C.paidAt, C.counterparty, C.description, C.status, C.fundsStatus],
      preambleHints: [/支付宝交易记录明细查询/, /交易记录明细列表/],
    }),
  mapRow(row) {
    const created = row.dateTime(C.createdAt, { required: true });
    // Money moves when the buyer pays; creation time is only the fallback.
    const paid = row.dateTime(C.paidAt);
    const magnitude = row.amount(C.amount, { required: true });
    const fundsStatus = row.text(C.fundsStatus);
    const status = row.text(C.status);
    let direction: 1 | -1 | "neutral" | null;
    if (fundsStatus === "已支出") direction = -1;
    else if (fundsStatus === "已收入") direction = 1;
    else if (fundsStatus === undefined && status?.includes("交易关闭")) {
      return row.skip("ROW_SKIPPED_NO_MONEY_MOVED", C.status, { status });
    } else {
      const text = row.text(C.direction);
      direction = text === undefined ? "neutral" : parseDirection(text);
      if (direction === null) {
        row.error("INVALID_DIRECTION", C.direction, { value: text ?? "" });
        return null;
      }
    }
    const when = paid ?? created;
    if (!when || magnitude === undefined) return null;
    const sign = direction === "neutral" ? neutralWalletSign(row.text(C.type), row.text(C.description), status) : direction;
    const reference = row.text(C.reference);
    const fee = row.amount(C.fee);
    return {
      ...occurredFields(when),
      amountMinor: abs(magnitude) * BigInt(sign),
      currency: "CNY",
      reference,
      counterparty: row.text(C.counterparty),
      memo: joinText(row.text(C.description), row.text(C.remark)),
      merchantOrderNo: row.text(C.merchantOrderNo),
      channel: row.text(C.origin),
      feeMinor: fee === undefined ? undefined : abs(fee),
      uniqueId: reference,
    };
  },
});
