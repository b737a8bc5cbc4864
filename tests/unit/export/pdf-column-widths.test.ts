// A wide table on A4: amounts, counts and dates keep their whole width, free text gives way.
import { beforeAll, describe, expect, it } from "vitest";
import type { ExportColumn } from "@/lib/export";
import { pdfColumnWidths } from "@/lib/export/pdf/pdf-column-widths";
import { PAGE, TABLE_WIDTH } from "@/lib/export/pdf/page-layout";
import { loadMeasure, type Measure } from "@/lib/export/pdf/text-measure";

let regular: Measure;
let bold: Measure;
beforeAll(async () => {
  [regular, bold] = await Promise.all([loadMeasure(400, PAGE.fontSize), loadMeasure(700, PAGE.fontSize)]);
});

const REASON = "银行摘要中包含提现/结算单号 TX202503040452341470；合计金额 ¥1,200.76 完全相等";
const COLUMNS: ExportColumn[] = [
  { key: "day", label: "日期", type: "date" },
  { key: "owner", label: "店铺 / 账户", type: "text" },
  { key: "confidence", label: "可信度", type: "integer" },
  { key: "amount", label: "金额", type: "money", total: true },
  ...["理由", "订单", "平台账单 / 钱包", "银行流水", "备注"].map((label, i): ExportColumn => ({ key: `t${i}`, label, type: "text" })),
  { key: "createdAt", label: "创建时间", type: "date", withTime: true },
];
const row = ["2025-03-04", "拼多多专营店", "100", "¥1,200,000.76", REASON, "250302-564512231493670 ¥39.90", `TX202503040452341470 ¥1,200.76；${REASON}`, "TX202503040452341470 ¥1,200.76", "", "2026-12-04 17:04:48"];

describe("pdfColumnWidths", () => {
  it("gives amounts, counts and dates their whole width and lets the free text wrap", () => {
    const widths = pdfColumnWidths(COLUMNS, COLUMNS.map((c) => c.label), [row], regular, bold);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(TABLE_WIDTH, 3);
    const inner = (i: number) => widths[i]! - 2 * PAGE.cellPaddingX;
    for (const i of [0, 2, 3, 9]) expect(inner(i), COLUMNS[i]!.label).toBeGreaterThanOrEqual(regular(row[i]!));
    // The money column also has room for a total a few digits longer.
    expect(inner(3)).toBeGreaterThan(regular("¥1,200,000,000.76"));
    // A long order number fits its column unbroken; the long reason wraps.
    expect(inner(5)).toBeGreaterThanOrEqual(regular("250302-564512231493670"));
    expect(inner(4)).toBeLessThan(regular(REASON));
    // A store's name and a short header stay on one line.
    expect(inner(1)).toBeGreaterThanOrEqual(regular("拼多多专营店"));
  });

  it("lets text give way before numbers when the minimums are too wide for the page", () => {
    const wide: ExportColumn[] = [...COLUMNS, ...["甲", "乙", "丙", "丁", "戊"].map((label, i): ExportColumn => ({ key: `x${i}`, label, type: "text" }))];
    const wideRow = [...row, ...Array.from({ length: 5 }, () => "TX202503040452341470 TX202503040452341470")];
    const widths = pdfColumnWidths(wide, wide.map((c) => c.label), [wideRow], regular, bold);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(TABLE_WIDTH, 3);
    for (const i of [0, 2, 3, 9]) expect(widths[i]! - 2 * PAGE.cellPaddingX, wide[i]!.label).toBeGreaterThanOrEqual(regular(wideRow[i]!));
  });

  it("scales everything down only when even the minimums do not fit", () => {
    const many = Array.from({ length: 40 }, (_, i): ExportColumn => ({ key: `m${i}`, label: "金额", type: "money" }));
    const widths = pdfColumnWidths(many, many.map((c) => c.label), [many.map(() => "¥1,234,567.89")], regular, bold);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(TABLE_WIDTH, 3);
    expect(new Set(widths.map((w) => w.toFixed(6))).size).toBe(1);
  });
});
