// JD 京麦 对账中心 已结算明细 (京麦 → 财务 → 对账中心 → 结算账单 → 已结算明细 → 导出, XLSX). Its first sheet, 交易汇总,
// has a two-level header (a row of group names above the column names) and one row per settled order line:
// 商家ID,公司ID,公司名称,钱包账户,订单编号,业务单据编号,父单号,订单状态,下单时间,完成时间,商品编号,商品名称,商品单价,
// 商品数量,结算时间,结算金额合计,收入金额合计,支出金额合计,商户订单号,资金动账备注. The fee items behind 支出金额合计
// are on the second sheet (费用明细), which this adapter does not read: the pipeline imports the first
// recognised sheet of a workbook.
//
// 结算金额合计 = 收入金额合计 + 支出金额合计, the expenses written negative ("3.51" = "3.84" + "-0.33"). Each row
// becomes the income line (a SALE, or a REFUND when negative) and one SERVICE_FEE line for the expenses (a
// commission given back on a refund is positive); an expense written without its minus is read as money out
// only when 收入 − 支出 is the settled total, and a row whose figures do not add up is refused on 结算金额合计. 商户订单号 is the transfer that paid the order
// ("…商家结算款"), so it is the payout id.
import { defineFormat, type RowDraft } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { joinText, occurredFields } from "./shared/row-values";

const C = {
  walletAccount: "钱包账户",
  orderNo: "订单编号",
  documentNo: "业务单据编号",
  orderStatus: "订单状态",
  settledAt: "结算时间",
  settled: "结算金额合计",
  income: "收入金额合计",
  expense: "支出金额合计",
  payoutId: "商户订单号",
  fundRemark: "资金动账备注",
} as const;

export const jdSettledBill = defineFormat({
  id: "jd-settled-bill",
  kind: "settlement",
  keyNamespace: "jd-settled",
  label: { "zh-CN": "京东已结算账单（交易汇总）", en: "JD settled bill (order summary)" },
  anchorColumn: C.settled,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.orderNo, C.settledAt, C.settled, C.income, C.expense],
      optional: ["商家ID", C.walletAccount, C.documentNo, C.orderStatus, C.payoutId, C.fundRemark, "下单时间", "完成时间"],
    }),
  mapRow(row) {
    const orderNo = row.requiredText(C.orderNo);
    const when = row.dateTime(C.settledAt, { required: true });
    const settled = row.amount(C.settled, { required: true });
    const income = row.amount(C.income, { required: true });
    const expense = row.amount(C.expense, { required: true });
    if (!orderNo || !when || settled === undefined || income === undefined || expense === undefined) return null;
    let outflow: bigint;
    // The totals decide how 支出 is written: signed (expenses negative, a fee given back positive) when
    // 收入 + 支出 is the settled total, unsigned when 收入 − 支出 is. Both only hold for a zero 支出.
    if (income + expense === settled) outflow = expense;
    else if (income - expense === settled) outflow = -expense;
    else {
      row.error("INVALID_AMOUNT", C.settled, { value: `${row.text(C.settled)} ≠ ${row.text(C.income)} + ${row.text(C.expense)}` });
      return null;
    }
    const shared = {
      ...occurredFields(when),
      orderNo,
      payoutId: row.text(C.payoutId),
      currency: "CNY",
      reference: row.text(C.documentNo),
    };
    const context = joinText(row.text(C.orderStatus), row.text(C.fundRemark));
    const lines: RowDraft<"settlement">[] = [
      { ...shared, lineType: income < 0n ? "REFUND" : "SALE", amountMinor: income, memo: joinText("收入金额合计", context) },
    ];
    if (outflow !== 0n) lines.push({ ...shared, lineType: "SERVICE_FEE", amountMinor: outflow, memo: joinText("支出金额合计", context) });
    return lines;
  },
});
