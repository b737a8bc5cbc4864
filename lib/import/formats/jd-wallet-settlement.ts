// JD 京东钱包 结算明细 (京麦 / 京东钱包商户版 → 结算 → 结算明细 → 导出; the 结算表 sheet of the 京东钱包 XLSX, also
// downloaded daily as the "京东日账单"): one row per fee item of an order — 订单编号,单据编号,单据类型,商品编号,
// 商户订单号,商品名称,[结算状态,]费用发生时间,费用计费时间,费用结算时间,费用项,金额,币种,商家应收/应付,钱包结算备注,
// 店铺号,京东门店编号,品牌门店编号,门店名称,备注,收支方向,商品数量,账单日期 (the daily bill says 对账日期, and
// carries 结算状态). Ids may be guarded as ="…". 单据类型 is 订单 / 取消退款单 / 售后服务单 / 非销售订单; 费用项 is
// 货款, 佣金, 代收配送费, 随单送的京豆, 短信服务费, 价保扣款, 售后卖家赔付费…
//
// 收支方向 (收入 / 支出) gives the sign; 金额 may be written signed, and a negative amount under 收入
// contradicts it and is refused. Line types follow 费用项 as in the 订单结算明细 export (jd-settlement-detail):
// 货款 coming in is a sale, going out a refund. 商户订单号 is the number of the wallet credit the lines were
// paid in by (the 资金表 sheet lists it against the credit), so it is the payout id; 单据编号 is the
// line's document number. The date is 费用结算时间, else the bill date for lines not settled yet.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { readJdFeeLine } from "./shared/jd-fee-line";
import { joinText, occurredFields } from "./shared/row-values";

const C = {
  orderNo: "订单编号",
  documentNo: "单据编号",
  documentType: "单据类型",
  skuId: "商品编号",
  payoutId: "商户订单号",
  settleStatus: "结算状态",
  happenedAt: "费用发生时间",
  billedAt: "费用计费时间",
  settledAt: "费用结算时间",
  feeName: "费用项",
  amount: "金额",
  currency: "币种",
  receivable: "商家应收/应付",
  walletRemark: "钱包结算备注",
  remark: "备注",
  direction: "收支方向",
  billDate: ["账单日期", "对账日期"],
} as const;

export const jdWalletSettlement = defineFormat({
  id: "jd-wallet-settlement",
  kind: "settlement",
  keyNamespace: "jd-wallet",
  label: { "zh-CN": "京东钱包结算明细", en: "JD wallet settlement detail" },
  anchorColumn: C.amount,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.orderNo, C.documentNo, C.feeName, C.amount, C.direction],
      optional: [C.documentType, C.skuId, C.payoutId, C.settledAt, C.billedAt, C.receivable, C.walletRemark, C.billDate, C.currency],
    }),
  mapRow(row) {
    const line = readJdFeeLine(row, { ...C, dates: [C.settledAt, C.billDate, C.billedAt] });
    if (!line) return null;
    const { when, lineType, orderNo, amountMinor, currency, feeName } = line;
    return {
      ...occurredFields(when),
      lineType,
      orderNo,
      payoutId: row.text(C.payoutId),
      amountMinor,
      currency,
      reference: row.text(C.documentNo),
      memo: joinText(feeName, row.text(C.documentType), row.text(C.settleStatus), row.text(C.walletRemark), row.text(C.remark)),
    };
  },
});
