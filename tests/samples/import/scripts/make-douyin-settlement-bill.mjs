// Writes tests/samples/import/douyin-settlement-bill.xlsx: a faithful synthetic 抖店 结算账单 export. The
// 22 columns and their order are those a public Douyin reconciliation tool's test workbook uses for its
// 结算账单 sheet (header on row 1, an explanation row 2 "平台计算说明", data from row 3); its amount checks
// (订单总价 = 商品总价 + 运费, 收入合计 = 用户实付 + 平台补贴 + 达人补贴 + 抖音支付补贴 + 抖音月付营销补贴,
// 支出合计 = 平台服务费 + 佣金 + 渠道分成 + 招商服务费 + 站外推广费 + 其他分成, 结算金额 = 收入合计 + 支出合计)
// hold on every invented row but the last, which is wrong on purpose. Amounts are number cells, ids text.
// Run: node tests/samples/import/scripts/make-douyin-settlement-bill.mjs
import ExcelJS from "exceljs";

const HEADER = [
  "结算时间", "订单号", "子订单号", "结算金额", "结算账户", "结算单类型", "订单总价", "商品总价", "运费", "用户实付", "平台补贴",
  "达人补贴", "抖音支付补贴", "抖音月付营销补贴", "收入合计", "平台服务费", "佣金", "渠道分成", "招商服务费", "站外推广费", "其他分成", "支出合计",
];

const row = (fields) => HEADER.map((name) => fields[name] ?? 0);

const ROWS = [
  // 179 paid + 5 platform subsidy = 184; fees −8.95 −17.90 = −26.85; settles 157.15.
  row({ 结算时间: "2026-07-03 10:00:00", 订单号: "6954164338068750001", 子订单号: "6954164338068750002", 结算金额: 157.15, 结算账户: "聚合账户",
    结算单类型: "已结算", 订单总价: 184, 商品总价: 184, 运费: 0, 用户实付: 179, 平台补贴: 5, 收入合计: 184, 平台服务费: -8.95, 佣金: -17.9, 支出合计: -26.85 }),
  // A settlement after a refund: the money and the commission go back.
  row({ 结算时间: "2026-07-06 09:30:00", 订单号: "6954164338068750001", 子订单号: "6954164338068750002", 结算金额: -166.1, 结算账户: "聚合账户",
    结算单类型: "结算后退款", 订单总价: -184, 商品总价: -184, 用户实付: -179, 平台补贴: -5, 收入合计: -184, 平台服务费: 0, 佣金: 17.9, 支出合计: 17.9 }),
  row({ 结算时间: "2026-07-08 20:15:00", 订单号: "6954164338068760001", 子订单号: "6954164338068760002", 结算金额: 45.5, 结算账户: "微信",
    结算单类型: "已结算", 订单总价: 50, 商品总价: 45, 运费: 5, 用户实付: 50, 收入合计: 50, 平台服务费: -2.5, 招商服务费: -1, 站外推广费: -1, 支出合计: -4.5 }),
  // Wrong on purpose: 60 − 3 is not 58.
  row({ 结算时间: "2026-07-09 11:00:00", 订单号: "6954164338068770001", 子订单号: "6954164338068770002", 结算金额: 58, 结算账户: "聚合账户",
    结算单类型: "已结算", 订单总价: 60, 商品总价: 60, 用户实付: 60, 收入合计: 60, 平台服务费: -3, 支出合计: -3 }),
];

const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet("结算账单");
sheet.addRow(HEADER);
sheet.addRow(["平台计算说明"]);
for (const values of ROWS) sheet.addRow(values);
await workbook.xlsx.writeFile(new URL("../douyin-settlement-bill.xlsx", import.meta.url).pathname);
