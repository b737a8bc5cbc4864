// Rows shaped like the 已匹配 list (date, store, rule, items, amount, difference, reason), generated
// as an async stream in the process, deterministic: the export benchmark's input, no database.
import type { ExportColumn, ExportRow, ExportTable } from "../../lib/export";

export const MATCHED_COLUMNS: ExportColumn[] = [
  { key: "date", label: "日期", type: "date" },
  { key: "store", label: "店铺", type: "text" },
  { key: "rule", label: "匹配规则", type: "text" },
  { key: "items", label: "行数", type: "integer", total: true },
  { key: "amount", label: "金额", type: "money", total: true },
  { key: "difference", label: "差额", type: "money", total: true },
  { key: "reason", label: "原因", type: "text" },
];

const STORES = ["天猫旗舰店", "淘宝企业店", "京东自营旗舰店", "拼多多专营店", "抖音小店"];
const RULES = ["订单号一致", "订单号 + 金额", "提现单号", "金额 + 日期（±3 天）", "人工匹配"];
const REASONS = ["平台扣除技术服务费", "花呗分期手续费", "运费险", "退款冲抵", "四舍五入"];

export function matchedRow(i: number): ExportRow {
  const difference = i % 7 === 0 ? -BigInt(50 + (i % 450)) : 0n;
  return {
    date: new Date(Date.UTC(2026, 10, 1 + (i % 30))),
    store: STORES[i % STORES.length]!,
    rule: RULES[(i >> 3) % RULES.length]!,
    items: BigInt(2 + (i % 4)),
    amount: BigInt(990 + ((i * 7919) % 299_000)),
    difference,
    // Mostly distinct text, as real reasons carry order numbers.
    reason: difference === 0n ? "" : `${REASONS[i % REASONS.length]}（订单 ${3349876543210000000n + BigInt(i)}）`,
  };
}

export async function* matchedRows(count: number): AsyncGenerator<ExportRow> {
  for (let i = 0; i < count; i++) yield matchedRow(i);
}

export function matchedTable(count: number): ExportTable {
  return {
    title: "已匹配",
    company: "基准测试电子商务有限公司",
    period: "2026-11-01 至 2026-11-30",
    filters: [{ label: "状态", value: "已确认" }],
    generatedBy: "bench",
    generatedAt: new Date(),
    columns: MATCHED_COLUMNS,
    rows: matchedRows(count),
  };
}
