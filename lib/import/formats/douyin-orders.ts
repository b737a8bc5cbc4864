// Douyin (抖店) 订单导出 (UTF-8 CSV with BOM): one row per sub-order: 主订单编号,子订单编号,选购商品,
// 商品ID,商品规格,商品数量,商家编码,商品金额,订单应付金额,运费,…,订单提交时间,支付完成时间,…,
// 订单完成时间,订单状态,售后状态,取消原因,发货时间,平台实际承担优惠金额,… Long numbers are quoted
// with a leading TAB ("\t6917926768823643751") so Excel keeps them as text.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { toDateOrDateTime } from "../normalize/parse-date-time";

const C = {
  orderNo: "主订单编号",
  subOrderNo: "子订单编号",
  goods: "选购商品",
  payable: "订单应付金额",
  status: "订单状态",
  afterSale: "售后状态",
  submittedAt: "订单提交时间",
  paidAt: "支付完成时间",
  completedAt: "订单完成时间",
  shipping: "运费",
} as const;

export const douyinOrders = defineFormat({
  id: "douyin-orders",
  kind: "orders",
  keyNamespace: "douyin",
  label: { "zh-CN": "抖店订单导出", en: "Douyin shop order export" },
  anchorColumn: C.orderNo,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.orderNo, C.subOrderNo, C.payable, C.status],
      optional: [C.goods, C.afterSale, C.submittedAt, C.paidAt, C.completedAt, C.shipping],
    }),
  mapRow(row) {
    const orderNo = row.requiredText(C.orderNo);
    const subOrderNo = row.text(C.subOrderNo);
    const payable = row.amount(C.payable, { required: true });
    const submitted = row.dateTime(C.submittedAt);
    const paid = row.dateTime(C.paidAt);
    const completed = row.dateTime(C.completedAt);
    if (!orderNo || payable === undefined) return null;
    return {
      orderNo,
      subOrderNo,
      status: row.text(C.status),
      afterSaleStatus: row.text(C.afterSale),
      paidAmountMinor: payable,
      refundMinor: 0n,
      currency: "CNY",
      createdAt: submitted && toDateOrDateTime(submitted),
      paidAt: paid && toDateOrDateTime(paid),
      confirmedAt: completed && toDateOrDateTime(completed),
      uniqueId: subOrderNo ?? orderNo,
    };
  },
});
