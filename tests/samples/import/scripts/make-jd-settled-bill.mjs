// Writes tests/samples/import/jd-settled-bill.xlsx: a faithful synthetic 京麦 对账中心 已结算明细 export. Sheet
// 交易汇总 holds the 20 columns in the order a public 京麦 connector documents them (XLSX.1.商家ID … 资金动账备注,
// with 结算金额合计 3.51 = 收入金额合计 3.84 + 支出金额合计 -0.33 and 资金动账备注 "…商家结算款"); sheet 费用明细 the
// 15 columns a public ledger's test uses (商家ID … 费用名称,金额,结算主体). Both sheets have a row of group names
// above the column names, as the public readers skip; the group names of 交易汇总 are assumed (modelled on
// 费用明细's 商家信息 / 单据基础信息 / 结算信息). The rows are invented; the last order's figures are wrong on purpose.
// Run: node tests/samples/import/scripts/make-jd-settled-bill.mjs
import ExcelJS from "exceljs";

const SUMMARY = [
  "商家ID", "公司ID", "公司名称", "钱包账户", "订单编号", "业务单据编号", "父单号", "订单状态", "下单时间", "完成时间", "商品编号", "商品名称",
  "商品单价", "商品数量", "结算时间", "结算金额合计", "收入金额合计", "支出金额合计", "商户订单号", "资金动账备注",
];
const SUMMARY_GROUPS = [...Array(4).fill("商家信息"), ...Array(10).fill("单据基础信息"), ...Array(6).fill("结算信息")];
const FEES = ["商家ID", "订单编号", "业务单据编号", "下单时间", "完成时间", "商品编号", "商品名称", "商品单价", "商品数量", "结算时间", "商户订单号", "资金动账备注", "费用名称", "金额", "结算主体"];
const FEE_GROUPS = ["商家信息", ...Array(8).fill("单据基础信息"), ...Array(6).fill("结算信息")];

const merchant = { 商家ID: "12300284", 公司ID: "55400430", 公司名称: "示例商贸有限公司", 钱包账户: "18900001" };
const summary = (fields) => SUMMARY.map((name) => fields[name] ?? "");
const fee = (fields) => FEES.map((name) => fields[name] ?? "");

const A = { ...merchant, 订单编号: "3580001963", 业务单据编号: "3580001963", 订单状态: "已完成", 下单时间: "2026-08-06 15:43:37", 完成时间: "2026-09-19 21:47:02",
  商品编号: "10000003736", 商品名称: "示例手持小横幅", 商品单价: "3.84", 商品数量: "1", 结算时间: "2026-09-20 12:41:09", 商户订单号: "202609200000011332600000001", 资金动账备注: "2026年9月19日商家结算款" };
const B = { ...merchant, 订单编号: "3580002001", 业务单据编号: "5100000777", 订单状态: "已完成", 下单时间: "2026-08-20 10:00:00", 完成时间: "2026-09-18 09:00:00",
  商品编号: "10000003737", 商品名称: "示例收纳袋", 商品单价: "19.90", 商品数量: "1", 结算时间: "2026-09-20 12:41:09", 商户订单号: "202609200000011332600000001", 资金动账备注: "2026年9月19日商家结算款" };
const C = { ...merchant, 订单编号: "3580002002", 业务单据编号: "3580002002", 订单状态: "已完成", 下单时间: "2026-08-21 10:00:00", 完成时间: "2026-09-19 09:00:00",
  商品编号: "10000003738", 商品名称: "示例挂钩", 商品单价: "9.90", 商品数量: "2", 结算时间: "2026-09-21 08:00:00", 商户订单号: "202609210000011332600000002", 资金动账备注: "2026年9月20日商家结算款" };
const D = { ...C, 订单编号: "3580002003", 业务单据编号: "3580002003" };

const SUMMARY_ROWS = [
  summary({ ...A, 结算金额合计: "3.51", 收入金额合计: "3.84", 支出金额合计: "-0.33" }),
  // A refund settled after the order: the money and its commission go back.
  summary({ ...B, 结算金额合计: "-18.71", 收入金额合计: "-19.90", 支出金额合计: "1.19" }),
  summary({ ...C, 结算金额合计: "18.61", 收入金额合计: "19.80", 支出金额合计: "-1.19" }),
  summary({ ...D, 结算金额合计: "18.00", 收入金额合计: "19.80", 支出金额合计: "-1.19" }),
];
const FEE_ROWS = [
  fee({ ...A, 费用名称: "货款", 金额: "3.84", 结算主体: "示例商贸有限公司" }),
  fee({ ...A, 费用名称: "佣金", 金额: "-0.19", 结算主体: "示例商贸有限公司" }),
  fee({ ...A, 费用名称: "交易服务费", 金额: "-0.14", 结算主体: "示例商贸有限公司" }),
];

const workbook = new ExcelJS.Workbook();
const first = workbook.addWorksheet("交易汇总");
first.addRow(SUMMARY_GROUPS);
first.addRow(SUMMARY);
for (const row of SUMMARY_ROWS) first.addRow(row);
const second = workbook.addWorksheet("费用明细");
second.addRow(FEE_GROUPS);
second.addRow(FEES);
for (const row of FEE_ROWS) second.addRow(row);
await workbook.xlsx.writeFile(new URL("../jd-settled-bill.xlsx", import.meta.url).pathname);
