// Pinduoduo 订单明细 export (商家后台 → 订单查询 → 导出, XLSX): one row per order: 商品,订单号,订单状态,
// 商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),多多支付立减金额(元),用户实付金额(元),
// 商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,…,售后状态,快递单号,快递公司,
// 订单成交时间. Order numbers look like 260609-018696128123287. The export has no refund amount.
// The fuller "all fields" export (55 columns: …,省,市,区,街道,支付时间,拼单成功时间,订单确认时间,
// 承诺发货时间,发货时间,确认收货时间,…,支付ID,支付方式,…) has no 订单成交时间; its 拼单成功时间 is
// the same moment (the group order succeeded), and 支付时间 is when the buyer paid.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { toDateOrDateTime } from "../normalize/parse-date-time";

const C = {
  goods: "商品",
  orderNo: "订单号",
  status: "订单状态",
  paid: "用户实付金额(元)",
  merchantReceived: "商家实收金额(元)",
  goodsTotal: "商品总价(元)",
  shipping: "邮费(元)",
  shippedAt: "发货时间",
  confirmedAt: "确认收货时间",
  afterSale: "售后状态",
  dealAt: ["订单成交时间", "拼单成功时间"],
  paidAt: "支付时间",
} as const;

export const pddOrders = defineFormat({
  id: "pdd-orders",
  kind: "orders",
  keyNamespace: "pdd",
  label: { "zh-CN": "拼多多订单明细", en: "Pinduoduo order export" },
  anchorColumn: C.orderNo,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.orderNo, C.status, C.paid, C.merchantReceived],
      optional: [C.goods, C.goodsTotal, C.shipping, C.shippedAt, C.confirmedAt, C.afterSale, C.dealAt, C.paidAt],
    }),
  mapRow(row) {
    const orderNo = row.requiredText(C.orderNo);
    const paid = row.amount(C.paid, { required: true });
    const deal = row.dateTime(C.dealAt);
    const payment = row.dateTime(C.paidAt);
    const confirmed = row.dateTime(C.confirmedAt);
    if (!orderNo || paid === undefined) return null;
    // 成交 on Pinduoduo means the group order succeeded after payment. Where the export gives 支付时间
    // that is the paid time and the earliest moment of the order; without it 成交 stands for both.
    const dealAt = deal && toDateOrDateTime(deal);
    const paidAt = (payment && toDateOrDateTime(payment)) ?? dealAt;
    return {
      orderNo,
      status: row.text(C.status),
      afterSaleStatus: row.text(C.afterSale),
      paidAmountMinor: paid,
      refundMinor: 0n,
      merchantReceivedMinor: row.amount(C.merchantReceived),
      currency: "CNY",
      createdAt: paidAt,
      paidAt,
      confirmedAt: confirmed && toDateOrDateTime(confirmed),
      uniqueId: orderNo,
    };
  },
});
