// Douyin 抖店 账户流水 (the shop account's statement with a running balance, CSV, UTF-8 with BOM or GB18030):
// 动账流水号, 动账时间, 账户方向, 动账金额(元), 动账场景, 关联订单号, 账户余额(元), 备注. Unlike the 资金流水 export
// (动帐流水号 / 动账方向 / 动账金额, kind settlement) this one carries the balance after each movement, so it is
// read like a wallet: + money in, − money out, with the balance kept as the check figure.
//
// 账户方向 (入账 / 出账) gives the sign. The public reader this layout comes from takes 动账金额(元) as signed
// (its balance chain is 上一笔余额 + 本笔金额 = 本笔余额), so "-8.17" under 出账 and "8.17" under 出账 both
// mean money out, and a negative amount under 入账 contradicts itself and is refused. The column order
// of the real export is not known (that reader goes by name); the sample's order is an assumption.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { readDouyinMovement } from "./shared/douyin-movement";
import { exactId } from "./shared/exact-id";
import { joinText, occurredFields } from "./shared/row-values";

const C = {
  flowNo: "动账流水号",
  time: "动账时间",
  direction: "账户方向",
  amount: "动账金额(元)",
  scene: "动账场景",
  orderNo: "关联订单号",
  balance: "账户余额(元)",
  remark: "备注",
} as const;

export const douyinAccountLedger = defineFormat({
  id: "douyin-account-ledger",
  kind: "bank",
  keyNamespace: "douyin-ledger",
  label: { "zh-CN": "抖店账户流水（带余额）", en: "Douyin shop account ledger" },
  anchorColumn: C.time,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.flowNo, C.time, C.direction, C.amount, C.scene, C.balance],
      optional: [C.orderNo, C.remark],
    }),
  mapRow(row) {
    const movement = readDouyinMovement(row, C);
    if (!movement) return null;
    const { when, flowNo, amountMinor } = movement;
    const orderNo = row.text(C.orderNo);
    return {
      ...occurredFields(when),
      amountMinor,
      currency: "CNY",
      balanceMinor: row.balance(C.balance),
      reference: flowNo,
      memo: joinText(row.text(C.scene), orderNo && `订单 ${orderNo}`, row.text(C.remark)),
      merchantOrderNo: orderNo,
      uniqueId: exactId(flowNo),
    };
  },
});
