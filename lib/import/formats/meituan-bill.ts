// Meituan 美团账单 (美团 app → 我的 → 钱包 → 账单 → 导出, "美团账单(YYYYMMDD-YYYYMMDD).csv", UTF-8 with BOM):
// preamble lines padded with commas (美团交易账单明细, 美团用户名：[…], 起始时间：[…] 终止时间：[…], 共：N笔记录,
// 支出/收入/不计收支 totals, 特别提示 1–5), the marker 【美团交易账单明细列表】, then 交易创建时间,交易成功时间,
// 交易类型,订单标题,收/支,支付方式,订单金额,实付金额,交易单号,商家单号,备注. Amounts carry a "¥"; 备注 is "/"
// when empty; ids may end with a TAB. This is the account holder's own bill of what was paid through
// Meituan (a company buying on Meituan), not a merchant's 外卖/闪购/团购 settlement — no public sample of
// those was found.
//
// The amount is 实付金额 (what was actually paid, after discounts); 订单金额 goes to the memo when it
// differs. 收/支 gives the sign; a 不计收支 row is signed only when certain (退款 in, 还款 out), as the
// export's note says top-ups and withdrawals are 不计收支 too, and those are refused naming 收/支.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { readDirectionOrNeutralMark } from "./shared/amount-by-direction";
import { exactId } from "./shared/exact-id";
import { abs, joinText, occurredFields } from "./shared/row-values";

const C = {
  createdAt: "交易创建时间",
  completedAt: "交易成功时间",
  type: "交易类型",
  title: "订单标题",
  direction: "收/支",
  channel: "支付方式",
  orderAmount: "订单金额",
  paid: "实付金额",
  reference: "交易单号",
  merchantOrderNo: "商家单号",
  remark: "备注",
} as const;

export const meituanBill = defineFormat({
  id: "meituan-bill",
  kind: "bank",
  keyNamespace: "meituan",
  label: { "zh-CN": "美团账单（交易明细）", en: "Meituan bill (transactions)" },
  anchorColumn: C.completedAt,
  statementAccount: { bank: "美团", nameLabels: ["美团用户名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.completedAt, C.type, C.title, C.direction, C.paid],
      optional: [C.createdAt, C.channel, C.orderAmount, C.reference, C.merchantOrderNo, C.remark],
      preambleHints: [/美团/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.completedAt, { required: true });
    const paid = row.amount(C.paid, { required: true });
    const orderAmount = row.amount(C.orderAmount);
    const mark = readDirectionOrNeutralMark(row, C.direction);
    if (mark === "refused") return null;
    if (!when || paid === undefined || mark === "missing") return null;
    const type = row.text(C.type);
    let sign: 1 | -1;
    if (mark.sign !== "neutral") sign = mark.sign;
    else if (type === "退款") sign = 1;
    else if (type === "还款") sign = -1;
    else {
      row.error("INVALID_DIRECTION", C.direction, { value: mark.text });
      return null;
    }
    const orderNote = orderAmount !== undefined && abs(orderAmount) !== abs(paid) ? `订单金额 ${row.text(C.orderAmount)}` : undefined;
    return {
      ...occurredFields(when),
      amountMinor: abs(paid) * BigInt(sign),
      currency: "CNY",
      reference: row.text(C.reference),
      counterparty: "美团",
      memo: joinText(row.text(C.title), type, orderNote, row.text(C.remark)),
      merchantOrderNo: row.text(C.merchantOrderNo),
      channel: row.text(C.channel),
      uniqueId: exactId(row.text(C.reference)),
    };
  },
});
