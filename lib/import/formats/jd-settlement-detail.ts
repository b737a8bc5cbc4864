// JD POP 订单结算明细对账 (京麦 → 财务 → 结算单 / 账单明细 → 导出, UTF-8 CSV with BOM or XLSX): one row per
// fee item of an order — 订单编号,父单号,订单状态,订单下单时间,订单完成时间,售后服务单号,售后退款时间,
// 商品编号,商品名称,商品数量,扣点类型,佣金比例,费用名称,应结金额,币种,收支方向,结算状态,预计结算时间,
// 账单生成时间,到账时间,商户订单号,资金动账备注 (some downloads add 费用项含义,备注,留用时间,费用说明 and
// drop 币种). Empty cells are "--". 应结金额 is written with its sign ("-13.80" beside 支出) and 收支方向
// says the same; a row where the two disagree is refused rather than guessed.
//
// 商户订单号 is the number of the transfer that paid the bill's lines to the seller's account (资金动账备注
// "…商家结算款"), so it is the payout id. 费用名称 gives the line type: 货款 (and 代收配送费) coming in is a
// sale and going out a refund; 佣金 a commission; 交易服务费 and the insurance fees service fees; 京豆 and
// coupons promotion; 售后卖家赔付费 an adjustment. The date is 账单生成时间 (when the line entered the
// bill), else 到账时间, else 预计结算时间 for lines not settled yet.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { readJdFeeLine } from "./shared/jd-fee-line";
import { joinText, occurredFields } from "./shared/row-values";

const C = {
  orderNo: "订单编号",
  parentOrderNo: "父单号",
  orderStatus: "订单状态",
  afterSaleNo: "售后服务单号",
  skuId: "商品编号",
  productName: "商品名称",
  feeName: "费用名称",
  amount: "应结金额",
  currency: "币种",
  direction: "收支方向",
  settleStatus: "结算状态",
  expectedAt: "预计结算时间",
  billedAt: "账单生成时间",
  arrivedAt: "到账时间",
  payoutId: "商户订单号",
  fundRemark: "资金动账备注",
  remark: "备注",
} as const;

export const jdSettlementDetail = defineFormat({
  id: "jd-settlement-detail",
  kind: "settlement",
  keyNamespace: "jd-settlement",
  label: { "zh-CN": "京东订单结算明细", en: "JD settlement detail" },
  anchorColumn: C.amount,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.orderNo, C.feeName, C.amount, C.direction, C.settleStatus],
      optional: [C.parentOrderNo, C.orderStatus, C.afterSaleNo, C.skuId, C.billedAt, C.arrivedAt, C.payoutId, C.fundRemark, C.expectedAt],
    }),
  mapRow(row) {
    const line = readJdFeeLine(row, { ...C, dates: [C.billedAt, C.arrivedAt, C.expectedAt] });
    if (!line) return null;
    const { when, lineType, orderNo, amountMinor, currency, feeName } = line;
    return {
      ...occurredFields(when),
      lineType,
      orderNo,
      payoutId: row.text(C.payoutId),
      amountMinor,
      currency,
      reference: row.text(C.afterSaleNo),
      memo: joinText(feeName, row.text(C.settleStatus), row.text(C.fundRemark), row.text(C.remark)),
    };
  },
});
