// JD (京东) POP 订单导出: one row per SKU of an order: 订单号,商品ID,商品名称,订购数量,支付方式,下单时间,
// 京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,
// 订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,
// 增值税发票,货号,订单完成时间,订单来源,订单渠道. The amounts are taken as written on each line.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { toDateOrDateTime } from "../normalize/parse-date-time";

const C = {
  orderNo: "订单号",
  skuId: "商品ID",
  orderAmount: "订单金额",
  settlement: "结算金额",
  payable: "应付金额",
  status: "订单状态",
  createdAt: "下单时间",
  paidAt: "付款确认时间",
  completedAt: "订单完成时间",
  payment: "支付方式",
  channel: "订单渠道",
} as const;

export const jdOrders = defineFormat({
  id: "jd-orders",
  kind: "orders",
  keyNamespace: "jd",
  label: { "zh-CN": "京东订单导出", en: "JD order export" },
  anchorColumn: C.orderNo,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.orderNo, C.skuId, C.orderAmount, C.payable, C.status, C.createdAt],
      optional: [C.settlement, C.paidAt, C.completedAt, C.payment, C.channel],
    }),
  mapRow(row) {
    const orderNo = row.requiredText(C.orderNo);
    const skuId = row.text(C.skuId);
    const payable = row.amount(C.payable, { required: true });
    const created = row.dateTime(C.createdAt);
    const paid = row.dateTime(C.paidAt);
    const completed = row.dateTime(C.completedAt);
    if (!orderNo || payable === undefined) return null;
    return {
      orderNo,
      status: row.text(C.status),
      paidAmountMinor: payable,
      refundMinor: 0n,
      merchantReceivedMinor: row.amount(C.settlement),
      currency: "CNY",
      createdAt: created && toDateOrDateTime(created),
      paidAt: paid && toDateOrDateTime(paid),
      confirmedAt: completed && toDateOrDateTime(completed),
      // One order spans several SKU lines; the pair is unique.
      uniqueId: skuId ? `${orderNo}:${skuId}` : orderNo,
    };
  },
});
