// JD 京东钱包 资金流水 (the 资金表 sheet of the 京东钱包 XLSX): the wallet account's movements with the balance
// after each — 创建时间,账户代码,账户名称,币种,收入金额(元),支出金额(元),账户余额(元),交易类型,商户订单号,交易订单号,
// 原商户订单号,资金动账备注. The older 京东钱包流水 download has 商户号,账户代码,账户名称,日期,商户订单号,账户余额(元),
// 收入金额(元),支出金额(元),交易备注,账单日期, its header on the first or the seventh line. Empty amounts are
// "--". Read like a bank account: 收入 − 支出, the balance kept as the check figure.
//
// 商户订单号 is what the 结算表 lines of a credit carry as their payout id, so it is kept as the secondary
// reference; 交易订单号 (when the layout has it) is the movement's own id. 资金动账备注 often names the order
// ("售后服务单号…，对应订单号…") and stays in the memo as written.
import { defineFormat } from "./format-adapter";
import { scoreHeader } from "./score-header";
import { exactId } from "./shared/exact-id";
import { currencyFrom, joinText, netOfSplitColumns, occurredFields } from "./shared/row-values";

const C = {
  time: ["创建时间", "日期"],
  merchantNo: "商户号",
  accountCode: "账户代码",
  accountName: "账户名称",
  currency: "币种",
  inflow: "收入金额(元)",
  outflow: "支出金额(元)",
  balance: "账户余额(元)",
  type: "交易类型",
  merchantOrderNo: "商户订单号",
  tradeNo: "交易订单号",
  originalMerchantOrderNo: "原商户订单号",
  remark: ["资金动账备注", "交易备注"],
  billDate: "账单日期",
} as const;

export const jdWalletFund = defineFormat({
  id: "jd-wallet-fund",
  kind: "bank",
  keyNamespace: "jd-wallet-fund",
  label: { "zh-CN": "京东钱包资金流水", en: "JD wallet fund flow" },
  anchorColumn: C.time,
  detect: (header, preamble) =>
    scoreHeader(header, preamble, {
      required: [C.time, C.accountCode, C.inflow, C.outflow, C.balance, C.merchantOrderNo],
      optional: [C.accountName, C.currency, C.type, C.tradeNo, C.originalMerchantOrderNo, C.remark],
    }),
  mapRow(row) {
    const when = row.dateTime(C.time, { required: true });
    const amount = netOfSplitColumns(row, C.inflow, C.outflow);
    const currency = currencyFrom(row, C.currency, "CNY");
    if (!when || amount === undefined) return null;
    const tradeNo = row.text(C.tradeNo);
    const merchantOrderNo = row.text(C.merchantOrderNo);
    const original = row.text(C.originalMerchantOrderNo);
    return {
      ...occurredFields(when),
      amountMinor: amount,
      currency,
      balanceMinor: row.balance(C.balance),
      reference: tradeNo ?? merchantOrderNo,
      secondaryReference: tradeNo ? merchantOrderNo : undefined,
      memo: joinText(row.text(C.type), row.text(C.remark), original && `原商户订单号 ${original}`),
      uniqueId: exactId(tradeNo),
    };
  },
});
