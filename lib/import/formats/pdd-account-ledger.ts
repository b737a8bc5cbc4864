// Pinduoduo 店铺账务明细 (商家后台 → 账户资金 → 账务明细 → 导出, GB18030 CSV): "拼多多店铺账务明细查询",
// a blank line, 起始时间/终止时间, "----交易记录明细列表----", then 商户订单号,发生时间,收入金额（+元）,
// 支出金额（-元）,账务类型,备注,业务描述, and "#" total lines at the end (#支出合计, #收入合计, #总计,
// #导出时间). 业务描述 carries a subject code ("0010002|交易收入-订单收入"). There is no line id.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { lineTypeByWords, type LineTypeWords } from "./shared/line-type-by-words";
import { joinText, netOfSplitColumns, occurredFields } from "./shared/row-values";
import type { SettlementLineType } from "../types";

const C = {
  orderNo: "商户订单号",
  time: "发生时间",
  inflow: "收入金额(+元)",
  outflow: "支出金额(-元)",
  type: "账务类型",
  remark: "备注",
  description: "业务描述",
} as const;

const LINE_TYPES: LineTypeWords = [
  [/提现/, "WITHDRAWAL"],
  [/退款/, "REFUND"],
  [/交易收入|货款|订单收入/, "SALE"],
  [/技术服务费|佣金/, "COMMISSION"],
  [/多多进宝|推广|营销|广告|优惠券|补贴/, "PROMOTION"],
  [/服务费|手续费/, "SERVICE_FEE"],
  [/扣款|赔付|罚|违约|补偿|调整|追回/, "ADJUSTMENT"],
];

export function pddLedgerLineType(...texts: Array<string | undefined>): SettlementLineType {
  return lineTypeByWords(LINE_TYPES, ...texts) ?? "OTHER";
}

export const pddAccountLedger = defineFormat({
  id: "pdd-account-ledger",
  kind: "settlement",
  keyNamespace: "pdd-ledger",
  label: { "zh-CN": "拼多多店铺账务明细", en: "Pinduoduo shop account ledger" },
  anchorColumn: C.time,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.orderNo, C.time, C.inflow, C.outflow, C.type],
      optional: [C.remark, C.description],
      preambleHints: [/拼多多/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const amount = netOfSplitColumns(row, C.inflow, C.outflow);
    if (!when || amount === undefined) return null;
    const lineType = pddLedgerLineType(row.text(C.type), row.text(C.description));
    const orderNo = row.text(C.orderNo);
    return {
      ...occurredFields(when),
      lineType,
      // A withdrawal's 商户订单号 is the withdrawal number, which is what the bank memo carries.
      orderNo: lineType === "WITHDRAWAL" ? undefined : orderNo,
      payoutId: lineType === "WITHDRAWAL" ? orderNo : undefined,
      amountMinor: amount,
      currency: "CNY",
      memo: joinText(row.text(C.type), row.text(C.remark), row.text(C.description)),
    };
  },
});
