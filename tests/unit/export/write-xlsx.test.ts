// The XLSX writer, read back with exceljs: what a finance user gets when they open the file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { writeXlsx } from "@/lib/export";
import { expectedSums, INJECTIONS, sampleTable } from "./sample-table";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-xlsx-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readBack(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Title line, 5 title-block lines, a blank line: the header is row 8. */
const HEADER_ROW = 8;

describe("writeXlsx", () => {
  it("writes amounts as numbers with the yuan format, dates as dates, percents as percents", async () => {
    const file = path.join(dir, "matched.xlsx");
    const result = await writeXlsx(sampleTable(20), file);
    expect(result).toMatchObject({ rows: 20, sheets: 1 });
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    const sheet = (await readBack(file)).worksheets[0]!;
    expect(sheet.name).toBe("已匹配");
    expect(sheet.getCell("A1").value).toBe("已匹配");
    expect(sheet.getCell("A2").value).toBe("公司");
    expect(sheet.getCell("B2").value).toBe("杭州示例电子商务有限公司");
    expect(sheet.getCell("B4").value).toBe("2026-11-01 至 2026-11-30");
    expect(sheet.getCell("B5").value).toBe("店铺: 天猫旗舰店, 拼多多专营店; 状态: 已确认");
    // Generated 02:30 UTC is 10:30 in Shanghai.
    expect(sheet.getCell("B6").value).toBe("王会计，2026-12-04 10:30");
    expect(sheet.getRow(HEADER_ROW).values).toEqual([undefined, "日期", "店铺", "匹配规则", "行数", "金额", "差额", "费率", "原因"]);

    const first = sheet.getRow(HEADER_ROW + 1);
    expect(first.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(5).value).toBe(1234.56);
    expect(first.getCell(5).numFmt).toBe("¥#,##0.00;-¥#,##0.00");
    expect(first.getCell(6).value).toBe(-0.5);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2026, 10, 1)));
    expect(first.getCell(1).numFmt).toBe("yyyy-mm-dd");
    expect(first.getCell(4).value).toBe(2);
    expect(first.getCell(7).value).toBe(0.055);
    expect(first.getCell(7).numFmt).toBe("0.00%");
  });

  it("freezes the header row, filters it, and sizes columns for Chinese text", async () => {
    const file = path.join(dir, "layout.xlsx");
    await writeXlsx(sampleTable(10), file);
    const sheet = (await readBack(file)).worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
    expect(sheet.autoFilter).toBe(`A${HEADER_ROW}:H${HEADER_ROW + 10}`);
    // "拼多多专营店": 6 CJK characters are 12 columns wide, plus padding.
    expect(sheet.getColumn(2).width).toBe(14);
    // The reason column is capped rather than as wide as its longest text.
    expect(sheet.getColumn(8).width).toBeLessThanOrEqual(52);
  });

  it("writes injected text as plain strings: no formula cell anywhere, amounts still numbers", async () => {
    const file = path.join(dir, "injection.xlsx");
    await writeXlsx(sampleTable(INJECTIONS.length), file);
    const sheet = (await readBack(file)).worksheets[0]!;
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    INJECTIONS.forEach((text, i) => {
      const cell = sheet.getRow(HEADER_ROW + 1 + i).getCell(8);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a bare CR in text as a line feed; the apostrophe is what matters here.
      expect(cell.value).toBe(`'${text.replace("\r", "\n")}`);
      expect(sheet.getRow(HEADER_ROW + 1 + i).getCell(5).type).toBe(ExcelJS.ValueType.Number);
    });
    // The raw sheet XML holds no <f> element at all.
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).not.toContain("<f>");
  });

  it("ends with a totals row equal to the sum of the rows, to the fen", async () => {
    const file = path.join(dir, "totals.xlsx");
    const count = 137;
    const result = await writeXlsx(sampleTable(count), file);
    const sums = expectedSums(count);
    expect(result.totals).toEqual(sums);

    const sheet = (await readBack(file)).worksheets[0]!;
    const totalsRow = sheet.getRow(HEADER_ROW + count + 1);
    expect(totalsRow.getCell(1).value).toBe("合计（137 行）");
    expect(totalsRow.getCell(4).value).toBe(Number(sums.items));
    expect(totalsRow.getCell(5).value).toBe(Number(sums.amount) / 100);
    expect(totalsRow.getCell(5).numFmt).toBe("¥#,##0.00;-¥#,##0.00");
    // Adding the cells up in cents gives the same total.
    let cents = 0;
    for (let r = HEADER_ROW + 1; r <= HEADER_ROW + count; r++) cents += Math.round((sheet.getRow(r).getCell(5).value as number) * 100);
    expect(BigInt(cents)).toBe(sums.amount);
  });

  it("splits into sheets at the row limit, header and title on each, totals on the last", async () => {
    const file = path.join(dir, "split.xlsx");
    // 20 rows per sheet: 8 title and header rows, 1 kept for the totals, so 11 data rows each.
    const result = await writeXlsx(sampleTable(25), file, { maxRowsPerSheet: 20 });
    expect(result.sheets).toBe(3);
    const workbook = await readBack(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["已匹配", "已匹配 (2)", "已匹配 (3)"]);
    const dataRows = workbook.worksheets.map((s) => s.rowCount);
    expect(dataRows).toEqual([19, 19, 12]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(HEADER_ROW).getCell(1).value).toBe("日期");
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
    }
    const last = workbook.worksheets[2]!;
    expect(last.getRow(12).getCell(1).value).toBe("合计（25 行）");
    expect(last.getRow(12).getCell(5).value).toBe(Number(expectedSums(25).amount) / 100);
  });

  it("writes English labels for an English reader", async () => {
    const file = path.join(dir, "english.xlsx");
    await writeXlsx(sampleTable(2), file, { locale: "en" });
    const sheet = (await readBack(file)).worksheets[0]!;
    expect(sheet.getCell("A2").value).toBe("Company");
    expect(sheet.getCell("B6").value).toBe("by 王会计, 2026-12-04 10:30");
    expect(sheet.getRow(HEADER_ROW + 3).getCell(1).value).toBe("Total (2 rows)");
  });

  it("refuses an amount Excel cannot hold to the fen, and leaves no file behind", async () => {
    const file = path.join(dir, "huge.xlsx");
    const table = sampleTable(0, { rows: [{ amount: 10n ** 15n }] });
    await expect(writeXlsx(table, file)).rejects.toMatchObject({ messageKey: "exportAmountTooLarge" });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    // One fen below the limit is written exactly.
    await writeXlsx(sampleTable(0, { rows: [{ amount: 10n ** 15n - 1n }] }), file);
    const sheet = (await readBack(file)).worksheets[0]!;
    expect(sheet.getRow(HEADER_ROW + 1).getCell(5).value).toBe(9999999999999.99);
  });

  it("refuses to finish when the rows no longer add up to the page's totals", async () => {
    const file = path.join(dir, "changed.xlsx");
    const table = sampleTable(3, { expectedTotals: { amount: 1n } });
    await expect(writeXlsx(table, file)).rejects.toMatchObject({ messageKey: "exportTotalsChanged", params: { column: "金额" } });
    expect(fs.existsSync(file)).toBe(false);
  });
});
