// Writes two faithful synthetic 京东钱包 downloads: tests/samples/import/jd-wallet.xlsx (the real form: a
// 结算表 sheet and a 资金表 sheet) and jd-wallet-fund.xlsx (the 资金表 sheet alone: the pipeline imports the
// first recognised sheet of a workbook, so the fund sheet is checked on its own). Column lists and order
// are those of ShopeX/OMS app/financebase/lib/data/bill/jdwallet.php (getTitle: 22 columns of 结算表;
// getFundTitle: 12 columns of 资金表); the times are Excel date cells as that reader expects, amounts
// number cells, ids text. The rows are invented. Run: node tests/samples/import/scripts/make-jd-wallet.mjs
import ExcelJS from "exceljs";

const SETTLEMENT = [
  "订单编号", "单据编号", "单据类型", "商品编号", "商户订单号", "商品名称", "费用发生时间", "费用计费时间", "费用结算时间", "费用项", "金额",
  "币种", "商家应收/应付", "钱包结算备注", "店铺号", "京东门店编号", "品牌门店编号", "门店名称", "备注", "收支方向", "商品数量", "账单日期",
];
const FUND = ["创建时间", "账户代码", "账户名称", "币种", "收入金额(元)", "支出金额(元)", "账户余额(元)", "交易类型", "商户订单号", "交易订单号", "原商户订单号", "资金动账备注"];

// Wall-clock times as Excel date cells, whatever the machine's zone.
const at = (text) => new Date(`${text.replace(" ", "T")}Z`);
const line = (header, fields) => header.map((name) => fields[name] ?? "--");

const PAYOUT_1 = "202505120000011332600000001";
const PAYOUT_2 = "202505130000011332600000002";
const order1 = { 订单编号: "300100000001", 单据编号: "300100000001", 单据类型: "订单", 商品编号: "100011", 商户订单号: PAYOUT_1, 商品名称: "示例保温杯 500ml",
  费用发生时间: at("2025-05-03 10:15:20"), 费用计费时间: at("2025-05-08 09:00:01"), 费用结算时间: at("2025-05-12 03:00:00"), 币种: "CNY", 店铺号: "10000001", 商品数量: 1, 账单日期: "20250512" };
const afterSale = { 订单编号: "300100000002", 单据编号: "5000000000123", 单据类型: "售后服务单", 商品编号: "100012", 商户订单号: PAYOUT_2, 商品名称: "示例收纳箱 大号",
  费用发生时间: at("2025-05-11 15:20:00"), 费用计费时间: at("2025-05-11 15:20:00"), 费用结算时间: at("2025-05-13 03:00:00"), 币种: "CNY", 店铺号: "10000001", 商品数量: 1, 账单日期: "20250513" };

const SETTLEMENT_ROWS = [
  line(SETTLEMENT, { ...order1, 费用项: "货款", 金额: 36.8, "商家应收/应付": "应收", 收支方向: "收入" }),
  line(SETTLEMENT, { ...order1, 费用项: "佣金", 金额: -1.84, "商家应收/应付": "应付", 收支方向: "支出" }),
  line(SETTLEMENT, { ...order1, 费用项: "随单送的京豆", 金额: -0.5, "商家应收/应付": "应付", 收支方向: "支出" }),
  line(SETTLEMENT, { ...afterSale, 费用项: "货款", 金额: -13.8, "商家应收/应付": "应付", 钱包结算备注: "退货金额", 收支方向: "支出" }),
  line(SETTLEMENT, { ...afterSale, 费用项: "佣金", 金额: 0.69, "商家应收/应付": "应收", 收支方向: "收入" }),
  line(SETTLEMENT, { ...afterSale, 订单编号: "300100000003", 单据编号: "300100000003", 单据类型: "非销售订单", 商户订单号: "JB202505140001", 费用项: "价保扣款", 金额: -5,
    费用结算时间: at("2025-05-14 09:59:00"), "商家应收/应付": "应付", 收支方向: "支出", 账单日期: "20250514" }),
  // Wrong on purpose: a negative amount under 收入.
  line(SETTLEMENT, { ...order1, 订单编号: "300100000004", 单据编号: "300100000004", 费用项: "货款", 金额: -5, "商家应收/应付": "应收", 收支方向: "收入" }),
];

const fund = (fields) => line(FUND, { 账户代码: "110000000001", 账户名称: "示例商贸有限公司钱包", 币种: "CNY", ...fields });
const FUND_ROWS = [
  fund({ 创建时间: at("2025-05-12 03:10:00"), "收入金额(元)": 34.46, "账户余额(元)": 1034.46, 交易类型: "结算入账", 商户订单号: PAYOUT_1, 交易订单号: "JDP20250512000001", 资金动账备注: "2025年5月12日商家结算款" }),
  fund({ 创建时间: at("2025-05-13 03:10:00"), "支出金额(元)": 13.11, "账户余额(元)": 1021.35, 交易类型: "结算出账", 商户订单号: PAYOUT_2, 交易订单号: "JDP20250513000002", 资金动账备注: "售后服务单号5000000000123，对应订单号300100000002" }),
  fund({ 创建时间: at("2025-05-13 09:00:00"), "支出金额(元)": 1000, "账户余额(元)": 21.35, 交易类型: "提现", 商户订单号: "TX202505130001", 交易订单号: "JDP20250513000003", 资金动账备注: "提现至尾号1234账户" }),
  fund({ 创建时间: at("2025-05-14 10:00:00"), "支出金额(元)": 5, "账户余额(元)": 16.35, 交易类型: "价保扣款", 商户订单号: "JB202505140001", 交易订单号: "JDP20250514000004", 原商户订单号: PAYOUT_1, 资金动账备注: "价保对应订单号300100000003" }),
];

function addSheet(workbook, name, header, rows, dateColumns) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  for (const column of dateColumns) sheet.getColumn(header.indexOf(column) + 1).numFmt = "yyyy-mm-dd hh:mm:ss";
}

const wallet = new ExcelJS.Workbook();
addSheet(wallet, "结算表", SETTLEMENT, SETTLEMENT_ROWS, ["费用发生时间", "费用计费时间", "费用结算时间"]);
addSheet(wallet, "资金表", FUND, FUND_ROWS, ["创建时间"]);
await wallet.xlsx.writeFile(new URL("../jd-wallet.xlsx", import.meta.url).pathname);

const fundOnly = new ExcelJS.Workbook();
addSheet(fundOnly, "资金表", FUND, FUND_ROWS, ["创建时间"]);
await fundOnly.xlsx.writeFile(new URL("../jd-wallet-fund.xlsx", import.meta.url).pathname);
