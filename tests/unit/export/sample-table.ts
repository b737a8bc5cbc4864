// A small 已匹配-shaped table for the export tests: Chinese text, amounts with fen, dates, a percent,
// and the text that formula injection would use.
import type { ExportColumn, ExportRow, ExportTable } from "@/lib/export";

export const COLUMNS: ExportColumn[] = [
  { key: "date", label: "日期", type: "date" },
  { key: "store", label: "店铺", type: "text" },
  { key: "rule", label: "匹配规则", type: "text" },
  { key: "items", label: "行数", type: "integer", total: true },
  { key: "amount", label: "金额", type: "money", total: true },
  { key: "difference", label: "差额", type: "money", total: true },
  { key: "feeRate", label: "费率", type: "percent" },
  { key: "reason", label: "原因", type: "text" },
];

export const INJECTIONS = ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"];

export function sampleRow(i: number): ExportRow {
  return {
    date: new Date(Date.UTC(2026, 10, 1 + (i % 30))),
    store: i % 2 ? "天猫旗舰店" : "拼多多专营店",
    rule: "订单号 + 金额",
    items: BigInt(2 + (i % 3)),
    amount: 123456n + BigInt(i) * 101n, // ¥1,234.56 + ¥1.01·i
    difference: i % 5 === 0 ? -50n : 0n,
    feeRate: 0.055,
    reason: i < INJECTIONS.length ? INJECTIONS[i]! : `平台扣除手续费（订单 3349876543210${String(i).padStart(6, "0")}）`,
  };
}

export function sampleTable(count: number, overrides: Partial<ExportTable> = {}): ExportTable {
  return {
    title: "已匹配",
    company: "杭州示例电子商务有限公司",
    period: "2026-11-01 至 2026-11-30",
    filters: [
      { label: "店铺", value: "天猫旗舰店, 拼多多专营店" },
      { label: "状态", value: "已确认" },
    ],
    generatedBy: "王会计",
    generatedAt: new Date("2026-12-04T02:30:00Z"),
    columns: COLUMNS,
    rows: (async function* () {
      for (let i = 0; i < count; i++) yield sampleRow(i);
    })(),
    ...overrides,
  };
}

export function expectedSums(count: number) {
  let items = 0n;
  let amount = 0n;
  let difference = 0n;
  for (let i = 0; i < count; i++) {
    const row = sampleRow(i);
    items += row.items as bigint;
    amount += row.amount as bigint;
    difference += row.difference as bigint;
  }
  return { items, amount, difference };
}
