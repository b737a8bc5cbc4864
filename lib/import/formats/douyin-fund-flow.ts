// Douyin 抖店 资金流水 / 资金账单 (抖店后台 → 资金 → 资金流水明细 → 导出, XLSX): one row per movement of the
// shop's account — 动账时间,动帐流水号,动账方向,动账金额,动账账户,动账场景,计费类型,子订单号,订单号,售后编号,
// 下单时间,商品ID,商品名称,达人ID,达人名称,订单类型,订单实付应结,运费实付,… (the subsidy and fee breakdown:
// 平台服务费,佣金,服务商佣金,渠道分成,招商服务费,站外推广费,其他分成),是否免佣,免佣金额,商户主体名称,备注.
// Older downloads carry only the first seven. Douyin spells the id column 动帐流水号 (帐, not 账).
//
// 动账方向 is 入账 or 出账; 动账金额 is written unsigned by some downloads and signed by others, so the sign
// comes from 动账方向 and a negative amount under 入账 is refused. The line type comes from 动账场景
// (货款结算入账 a sale, 退款… a refund, 提现 a payout whose 动帐流水号 is the payout id, 运费/服务费 a
// service fee, 赔付/扣款 an adjustment). A 货款 row is already net of the fee columns; the fees are not
// split into lines of their own, because whether a file writes them negative is not known for certain.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { readDouyinMovement } from "./shared/douyin-movement";
import { exactId } from "./shared/exact-id";
import { lineTypeByWords, type LineTypeWords } from "./shared/line-type-by-words";
import { joinText, occurredFields } from "./shared/row-values";
import type { SettlementLineType } from "../types";

const C = {
  time: "动账时间",
  flowNo: ["动帐流水号", "动账流水号"],
  direction: "动账方向",
  amount: "动账金额",
  account: "动账账户",
  scene: "动账场景",
  billingType: "计费类型",
  subOrderNo: "子订单号",
  orderNo: "订单号",
  afterSaleNo: "售后编号",
  remark: "备注",
} as const;

const LINE_TYPES: LineTypeWords = [
  [/提现/, "WITHDRAWAL"],
  [/退款|退货/, "REFUND"],
  [/赔付|罚|违约|扣款|保证金|追缴|调整/, "ADJUSTMENT"],
  [/佣金/, "COMMISSION"],
  [/运费|服务费|手续费|保险|运费险/, "SERVICE_FEE"],
  [/推广|广告|千川|营销|补贴/, "PROMOTION"],
  [/货款|结算入账|订单收入/, "SALE"],
];

export function douyinFundLineType(...texts: Array<string | undefined>): SettlementLineType {
  return lineTypeByWords(LINE_TYPES, ...texts) ?? "OTHER";
}

export const douyinFundFlow = defineFormat({
  id: "douyin-fund-flow",
  kind: "settlement",
  keyNamespace: "douyin-fund",
  label: { "zh-CN": "抖店资金流水", en: "Douyin shop fund flow" },
  anchorColumn: C.time,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.time, C.flowNo, C.direction, C.amount, C.scene],
      optional: [C.account, C.billingType, C.subOrderNo, C.orderNo, C.afterSaleNo, C.remark],
    }),
  mapRow(row) {
    const movement = readDouyinMovement(row, C);
    if (!movement) return null;
    const { when, flowNo, amountMinor } = movement;
    const scene = row.text(C.scene);
    const lineType = douyinFundLineType(scene, row.text(C.billingType));
    const subOrderNo = row.text(C.subOrderNo);
    return {
      ...occurredFields(when),
      lineType,
      orderNo: row.text(C.orderNo),
      payoutId: lineType === "WITHDRAWAL" ? flowNo : undefined,
      amountMinor,
      currency: "CNY",
      reference: flowNo,
      memo: joinText(scene, row.text(C.billingType), subOrderNo && `子订单 ${subOrderNo}`, row.text(C.afterSaleNo) && `售后 ${row.text(C.afterSaleNo)}`, row.text(C.account), row.text(C.remark)),
      uniqueId: exactId(flowNo),
    };
  },
});
