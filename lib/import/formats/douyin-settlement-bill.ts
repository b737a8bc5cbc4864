// Douyin 抖店 结算账单 / 结算明细 (抖店后台 → 资金 → 结算账单 → 导出, XLSX): one row per settled sub-order —
// 结算时间,订单号,子订单号,结算金额,结算账户,结算单类型,订单总价,商品总价,运费,用户实付,平台补贴,达人补贴,
// 抖音支付补贴,抖音月付营销补贴,收入合计,平台服务费,佣金,渠道分成,招商服务费,站外推广费,其他分成,支出合计 (newer
// downloads add subsidy columns and call 佣金 达人佣金, with 服务商佣金 beside it). The header is row 1 and data
// starts on row 3: row 2 explains how the platform computes the columns.
//
// 结算金额 = 收入合计 + 支出合计, the fees being written negative (a fee given back positive). Each row becomes
// the revenue line (收入合计: a SALE, or a REFUND when negative, as after a 结算后退款) plus one line per
// non-zero fee column, signed as written, so commission and service fees are visible on their own. The
// lines must add up to 结算金额 (and the fees to 支出合计); a row where they do not is refused on
// 结算金额 rather than imported with a total the platform did not pay. There is no payout id in this
// export: the money lands in the 结算账户 balance, which the 资金流水 export then withdraws.
import { defineFormat, type RowDraft } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { joinText, occurredFields } from "./shared/row-values";
import type { ColumnNames } from "../normalize/column-names";
import type { SettlementLineType } from "../types";

const C = {
  settledAt: "结算时间",
  orderNo: "订单号",
  subOrderNo: "子订单号",
  amount: "结算金额",
  account: "结算账户",
  settleType: "结算单类型",
  income: "收入合计",
  expense: "支出合计",
  userPaid: "用户实付",
} as const;

const FEES: ReadonlyArray<[ColumnNames, SettlementLineType]> = [
  ["平台服务费", "SERVICE_FEE"],
  [["佣金", "达人佣金"], "COMMISSION"],
  ["服务商佣金", "COMMISSION"],
  ["渠道分成", "COMMISSION"],
  ["招商服务费", "SERVICE_FEE"],
  ["站外推广费", "PROMOTION"],
  ["其他分成", "OTHER"],
];


export const douyinSettlementBill = defineFormat({
  id: "douyin-settlement-bill",
  kind: "settlement",
  keyNamespace: "douyin-settle",
  label: { "zh-CN": "抖店结算账单", en: "Douyin shop settlement bill" },
  anchorColumn: C.settledAt,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.settledAt, C.orderNo, C.subOrderNo, C.amount, C.income, C.expense],
      optional: [C.account, C.settleType, C.userPaid, "订单总价", "商品总价", "平台服务费", "招商服务费"],
    }),
  mapRow(row) {
    // Row 2 of the export describes the columns in words: no order, no number where the amount goes.
    if (row.text(C.orderNo) === undefined && row.text(C.subOrderNo) === undefined && !/\d/.test(row.text(C.amount) ?? "")) {
      return row.skip("ROW_SKIPPED_NO_MONEY_MOVED", C.settledAt, { status: row.text(C.settledAt) ?? "" });
    }
    const when = row.dateTime(C.settledAt, { required: true });
    const orderNo = row.requiredText(C.orderNo);
    const amount = row.amount(C.amount, { required: true });
    const income = row.amount(C.income, { required: true });
    const expense = row.amount(C.expense);
    const fees = FEES.filter(([names]) => row.has(names)).map(([names, lineType]) => ({
      label: typeof names === "string" ? names : (names.find((name) => row.has(name)) ?? names[0]),
      lineType,
      value: row.amount(names) ?? 0n,
    }));
    if (!when || !orderNo || amount === undefined || income === undefined || row.hasErrors) return null;
    const feeTotal = fees.reduce((sum, fee) => sum + fee.value, 0n);
    if (income + feeTotal !== amount || (expense !== undefined && expense !== feeTotal)) {
      row.error("INVALID_AMOUNT", C.amount, { value: `${row.text(C.amount)} ≠ ${row.text(C.income)} + ${row.text(C.expense) ?? feeTotal}` });
      return null;
    }
    const subOrderNo = row.text(C.subOrderNo);
    const shared = {
      ...occurredFields(when),
      orderNo,
      currency: "CNY",
      reference: subOrderNo,
    };
    const context = joinText(row.text(C.settleType), row.text(C.account));
    const lines: RowDraft<"settlement">[] = [
      { ...shared, lineType: income < 0n ? "REFUND" : "SALE", amountMinor: income, memo: joinText("收入合计", context) },
    ];
    for (const fee of fees) {
      if (fee.value !== 0n) lines.push({ ...shared, lineType: fee.lineType, amountMinor: fee.value, memo: joinText(fee.label, context) });
    }
    return lines;
  },
});
