// The XLSX reader (lib/import/read-table/xlsx) against exceljs, the reference it replaced: every
// sheet of real exports and of workbooks exceljs writes must come out as the same rows of text.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxSheets } from "@/lib/import/read-table/read-xlsx-sheets";
import { cleanCell } from "@/lib/import/read-table/clean-cell";
import { dateToText, numberToText } from "@/lib/import/read-table/spreadsheet-value-to-text";
import { sheetRowGroups } from "@/lib/import/read-table/xlsx/sheet-rows";
import { isDateFormat, type WorkbookParts } from "@/lib/import/read-table/xlsx/workbook-parts";
import { completeElements } from "@/lib/import/read-table/xlsx/xml-text";
import { buildZip } from "./zip-writer";
import { fixturePath, samplePath } from "./helpers";

type Sheet = { name: string; rows: { sourceRow: number; cells: string[] }[] };

/** The conversion the exceljs-based reader used (lib/import before the dedicated reader). */
function exceljsText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberToText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateToText(value);
  const cell = value as Record<string, unknown>;
  if (Array.isArray(cell.richText)) return cell.richText.map((run) => String((run as { text?: unknown }).text ?? "")).join("");
  if ("result" in cell) return exceljsText(cell.result);
  if ("text" in cell) return exceljsText(cell.text);
  return "";
}

async function readWithExceljs(data: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const rows: Sheet["rows"] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let column = 1; column < values.length; column++) cells.push(cleanCell(exceljsText(values[column])));
      rows.push({ sourceRow: row.number, cells });
    });
    return { name: worksheet.name, rows };
  });
}

async function readWithReader(data: Buffer): Promise<Sheet[]> {
  const sheets: Sheet[] = [];
  for await (const sheet of readXlsxSheets(data)) {
    const rows: Sheet["rows"] = [];
    for await (const group of sheet.rowGroups) for (const row of group) rows.push({ sourceRow: row.sourceRow, cells: row.cells });
    sheets.push({ name: sheet.name, rows });
  }
  return sheets;
}

async function writeWorkbook(useSharedStrings: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const orders = workbook.addWorksheet("订单");
  orders.addRow(["订单编号", "金额", "下单时间", "日期", "备注", "已付", "公式", "富文本"]);
  orders.addRow([
    "3349876543210012345",
    109.5,
    new Date(Date.UTC(2024, 2, 1, 10, 15, 32)),
    new Date(Date.UTC(2024, 2, 1)),
    'A&B <"引号"> \'单\'',
    true,
    { formula: "B2*2", result: 219 },
    { richText: [{ text: "红" }, { font: { bold: true }, text: "字" }] },
  ]);
  orders.getCell("C2").numFmt = "yyyy-mm-dd hh:mm:ss";
  orders.getCell("D2").numFmt = 'yyyy"年"m"月"d"日"';
  // A gap (B, D empty), a row left empty, then a row far below.
  orders.getCell("A3").value = "  padded\t";
  orders.getCell("C3").value = 0.1 + 0.2;
  orders.getCell("E3").value = -0;
  orders.getCell("A6").value = "after a gap";
  orders.getCell("B6").value = 1e21;
  orders.getCell("C5").numFmt = "0.00"; // styled but empty: no row 5
  const second = workbook.addWorksheet("汇总");
  second.addRow(["合计", 12345.67]);
  return Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings } as ExcelJS.XlsxWriteOptions));
}

describe("XLSX reader", () => {
  it.each([
    ["shared fixture wechat/example-wechat-records.xlsx", () => fs.readFileSync(fixturePath("wechat/example-wechat-records.xlsx"))],
    ["sample pdd-orders.xlsx (Excel dates and a bare serial)", () => fs.readFileSync(samplePath("pdd-orders.xlsx"))],
    ["exceljs workbook with shared strings", () => writeWorkbook(true)],
    ["exceljs workbook with inline strings", () => writeWorkbook(false)],
  ])("reads %s as exceljs does", async (_name, load) => {
    const data = await load();
    const expected = await readWithExceljs(data);
    expect(expected.length).toBeGreaterThan(0);
    expect(await readWithReader(data)).toEqual(expected);
  });

  it("gives typed cells as the text a user sees", async () => {
    const [orders, second] = await readWithReader(await writeWorkbook(true));
    expect(orders!.rows.map((row) => row.sourceRow)).toEqual([1, 2, 3, 6]);
    expect(orders!.rows[1]!.cells).toEqual(["3349876543210012345", "109.5", "2024-03-01 10:15:32", "2024-03-01", 'A&B <"引号"> \'单\'', "TRUE", "219", "红字"]);
    expect(orders!.rows[2]!.cells).toEqual(["padded", "", "0.3", "", "0"]);
    expect(orders!.rows[3]!.cells).toEqual(["after a gap", "1E+21"]);
    expect(second).toMatchObject({ name: "汇总", rows: [{ sourceRow: 1, cells: ["合计", "12345.67"] }] });
  });

  it("reads a row split across inflated pieces and entities, phonetic runs and CJK date formats", async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => `<c r="A${i + 1}" t="inlineStr"><is><t>第${i}行 &amp; &#x4E00;</t></is></c>`);
    const sheet = `<?xml version="1.0"?><worksheet><sheetData>${cells.map((cell, i) => `<row r="${i + 1}">${cell}<c r="C${i + 1}" s="1"><v>45352.5</v></c></row>`).join("")}</sheetData></worksheet>`;
    const data = buildZip([
      { name: "xl/workbook.xml", data: Buffer.from('<workbook><workbookPr date1904="0"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>') },
      { name: "xl/styles.xml", data: Buffer.from('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs></styleSheet>') },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheet) },
    ]);
    const [read] = await readWithReader(data);
    expect(read!.rows).toHaveLength(3000);
    expect(read!.rows[2999]).toEqual({ sourceRow: 3000, cells: ["第2999行 & 一", "", "2024-03-01 12:00:00"] });
  });

  it("leaves phonetic guides out of a string", async () => {
    const data = buildZip([
      { name: "xl/workbook.xml", data: Buffer.from('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>') },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
      { name: "xl/sharedStrings.xml", data: Buffer.from("<sst><si><r><t>東京</t></r><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si></sst>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from('<worksheet><sheetData><row r="1"><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>') },
    ]);
    expect((await readWithReader(data))[0]!.rows).toEqual([{ sourceRow: 1, cells: ["", "東京"] }]);
  });

  it("knows a date format as exceljs does", () => {
    expect(isDateFormat("yyyy-mm-dd hh:mm:ss")).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat("#,##0.00")).toBe(false);
    expect(isDateFormat('[Red]0.00;"m"0')).toBe(false);
  });

  it("reads the same rows and strings wherever the inflated text is cut", async () => {
    const parts: WorkbookParts = { sheets: [], date1904: false, dateStyles: [false, true], sharedStrings: ["甲", "乙"] };
    const sheet =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45352.5</v></c></row><row r="2"/>' +
      '<row r="3"><c r="C3" t="inlineStr"><is><t>丙&amp;</t></is></c><c r="D3"><v>1.5</v></c></row></sheetData>';
    const strings = "<sst><si><t>甲</t></si><si><r><t>乙</t></r></si></sst>";
    const collect = async <T>(groups: AsyncIterable<T[]>) => {
      const all: T[] = [];
      for await (const group of groups) all.push(...group);
      return all;
    };
    async function* cut(text: string, at: number) {
      yield text.slice(0, at);
      yield text.slice(at);
    }
    const rows = await collect(sheetRowGroups(cut(sheet, 0), parts));
    expect(rows).toEqual([
      { sourceRow: 1, cells: ["甲", "2024-03-01 12:00:00"] },
      { sourceRow: 3, cells: ["", "", "丙&", "1.5"] },
    ]);
    for (let at = 1; at < sheet.length; at++) expect(await collect(sheetRowGroups(cut(sheet, at), parts)), `cut at ${at}`).toEqual(rows);
    for (let at = 0; at < strings.length; at++) expect(await collect(completeElements(cut(strings, at), "si")), `cut at ${at}`).toHaveLength(2);
  });
});
