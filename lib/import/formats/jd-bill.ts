// JD 京东账单 (京东 app / 京东金融 → 我的 → 账单 → 导出, "京东交易流水(申请时间…).csv"): the account holder's
// own record of what was paid through JD (a company buying on JD), not the merchant 京东钱包 (jd-wallet-*).
// Preamble lines (导出信息, 京东账号名, 日期区间, 共 N 笔记录, 收入/支出/不计收支 totals, 特别提示), then one of
// two header orders seen in public downloads — 2021: 交易时间,交易分类,商户名称,交易说明,收/支,金额,收/付款方式,
// 交易状态,交易订单号,商家订单号,备注; 2024: 交易时间,商户名称,交易说明,金额,收/付款方式,交易状态,收/支,交易分类,
// 交易订单号,商家订单号,备注. Ids and times end with a TAB. Amounts are unsigned; the direction is in 收/支.
//
// A refund is printed inside the amount of the order it belongs to ("131.77(已退款89.84)",
// "468.32(已全额退款)") AND as its own 退款 row. The order row therefore keeps its full amount as money
// out and the refund row brings the money back; the bracket is read exactly and kept in the memo (a
// wallet row has no refund field). The export's own note says partly refunded 支出 are totalled net
// of the bracket, which is the sum of the two rows.
//
// 不计收支 rows get a sign only where it is certain: a refund (退款…, 退款成功) is money in, a payment
// later refunded in full ("(已全额退款)") and a 还款 are money out, a 0.00 row moved nothing. Anything
// else marked 不计收支 (京东小金库 转入/取出, 先享后付 purchases) is refused naming 收/支, not guessed.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { readDirectionOrNeutralMark } from "./shared/amount-by-direction";
import { amountWithRefund } from "./shared/amount-with-refund";
import { joinText, occurredFields } from "./shared/row-values";

const C = {
  time: "交易时间",
  category: "交易分类",
  merchant: "商户名称",
  description: "交易说明",
  direction: "收/支",
  amount: "金额",
  channel: "收/付款方式",
  status: "交易状态",
  reference: "交易订单号",
  merchantOrderNo: "商家订单号",
  remark: "备注",
} as const;

const REFUND = /^退款|退款成功/;
const REPAYMENT = /还款/;
const NOTHING_MOVED = /交易关闭|交易失败|已取消/;

export const jdBill = defineFormat({
  id: "jd-bill",
  kind: "bank",
  keyNamespace: "jd-bill",
  label: { "zh-CN": "京东账单（个人交易明细）", en: "JD bill (personal transactions)" },
  anchorColumn: C.time,
  statementAccount: { bank: "京东", nameLabels: ["京东账号名"] },
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.time, C.merchant, C.description, C.amount, C.direction, C.reference],
      optional: [C.category, C.channel, C.status, C.merchantOrderNo, C.remark],
      preambleHints: [/京东/],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const value = amountWithRefund(row, C.amount);
    const mark = readDirectionOrNeutralMark(row, C.direction);
    if (mark === "refused") return null;
    if (!when || !value || mark === "missing") return null;
    const description = row.text(C.description);
    const status = row.text(C.status);
    if (value.amount === 0n) return row.skip("ROW_SKIPPED_NO_MONEY_MOVED", C.amount, { status: status ?? "" });
    let sign: 1 | -1;
    if (mark.sign !== "neutral") {
      sign = mark.sign;
    } else if (status !== undefined && NOTHING_MOVED.test(status)) {
      return row.skip("ROW_SKIPPED_NO_MONEY_MOVED", C.status, { status });
    } else if (value.note !== undefined && value.refund === value.amount) {
      sign = -1;
    } else if (REFUND.test(description ?? "") || REFUND.test(status ?? "")) {
      sign = 1;
    } else if (REPAYMENT.test(description ?? "")) {
      sign = -1;
    } else {
      row.error("INVALID_DIRECTION", C.direction, { value: mark.text });
      return null;
    }
    return {
      ...occurredFields(when),
      amountMinor: value.amount * BigInt(sign),
      currency: "CNY",
      reference: row.text(C.reference),
      counterparty: row.text(C.merchant),
      memo: joinText(description, value.note, row.text(C.category), row.text(C.remark)),
      merchantOrderNo: row.text(C.merchantOrderNo),
      channel: row.text(C.channel),
    };
  },
});
