// Tmall / Taobao 订单报表 (卖家中心 → 已卖出的宝贝 → 批量导出, "ExportOrderList….csv", GBK): one row per
// order, ~60 columns: 订单编号,买家会员名,买家支付宝账号,支付单号,支付详情,买家应付货款,买家应付邮费,
// 买家支付积分,总金额,返点积分,买家实际支付金额,买家实际支付积分,订单状态,…,订单创建时间,
// 订单付款时间 ,…,店铺Id,店铺名称,…,退款金额,预约门店,确认收货时间,打款商家金额,…,主订单编号.
// Some headers carry a trailing space ("订单付款时间 "), order numbers are Excel-guarded ="…", and
// 打款商家金额 may read "109.00元".
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { toDateOrDateTime } from "../normalize/parse-date-time";

const C = {
  orderNo: "订单编号",
  paid: "买家实际支付金额",
  status: "订单状态",
  createdAt: "订单创建时间",
  paidAt: "订单付款时间",
  confirmedAt: "确认收货时间",
  refund: "退款金额",
  store: "店铺名称",
  merchantReceived: "打款商家金额",
  total: "总金额",
  buyer: "买家会员名",
  title: "宝贝标题",
} as const;

export const tmallOrders = defineFormat({
  id: "tmall-orders",
  kind: "orders",
  keyNamespace: "tmall",
  label: { "zh-CN": "天猫/淘宝订单报表", en: "Tmall / Taobao order export" },
  anchorColumn: C.orderNo,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.orderNo, C.paid, C.status, C.createdAt],
      optional: [C.paidAt, C.confirmedAt, C.refund, C.store, C.merchantReceived, C.total, C.buyer, C.title],
    }),
  mapRow(row) {
    const orderNo = row.requiredText(C.orderNo);
    const paid = row.amount(C.paid, { required: true });
    const refund = row.amount(C.refund) ?? 0n;
    const created = row.dateTime(C.createdAt);
    const paidAt = row.dateTime(C.paidAt);
    const confirmed = row.dateTime(C.confirmedAt);
    if (!orderNo || paid === undefined) return null;
    return {
      orderNo,
      storeName: row.text(C.store),
      status: row.text(C.status),
      paidAmountMinor: paid,
      refundMinor: refund,
      merchantReceivedMinor: row.amount(C.merchantReceived),
      currency: "CNY",
      createdAt: created && toDateOrDateTime(created),
      paidAt: paidAt && toDateOrDateTime(paidAt),
      confirmedAt: confirmed && toDateOrDateTime(confirmed),
      uniqueId: orderNo,
    };
  },
});
