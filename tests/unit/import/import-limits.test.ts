// Hostile files are refused at a bound on the work they cause (issue 12, item 8), whatever their byte
// size or compression ratio: rows, columns, and the length of one CSV record. Small limits keep the
// tests fast; the readers stop at the first row past a limit instead of reading on.
import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { formatImportError, parseImportBuffer, type ImportLimits } from "@/lib/import";
import { findOversizedRecord } from "@/lib/import/read-table/oversized-record";
import { sheetRowGroups } from "@/lib/import/read-table/xlsx/sheet-rows";
import type { ImportError } from "@/lib/import/types";
import { fixturePath } from "./helpers";

const HEADER = "交易日期,摘要,收入,支出,余额,对方户名";
const csvRows = (count: number) => Array.from({ length: count }, (_, i) => `2025-03-${String((i % 28) + 1).padStart(2, "0")},货款,${i + 1}.00,,1000.00,某公司`);

async function read(fileName: string, data: Buffer, limits?: Partial<ImportLimits>) {
  return parseImportBuffer({ fileName, data }, { limits });
}

/** The import failed with exactly this one error about the whole file. */
function refusal(result: Awaited<ReturnType<typeof read>>): ImportError {
  expect(result.ok).toBe(false);
  expect(result.rows).toEqual([]);
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}

describe("column cap", () => {
  it("refuses a CSV row wider than the cap, naming the file, the limit and the line", async () => {
    const wide = Array.from({ length: 12 }, (_, i) => `c${i}`).join(",");
    const result = await read("流水.csv", Buffer.from([HEADER, ...csvRows(3), wide, ...csvRows(3)].join("\n") + "\n"), { maxColumns: 10 });
    const error = refusal(result);
    expect(error).toMatchObject({ code: "TOO_MANY_COLUMNS", row: 5, params: { limit: 10, fileName: "流水.csv" } });
    expect(formatImportError(error, "zh-CN")).toBe("第 5 行：文件「流水.csv」超过了每行最多 10 列的上限，未导入任何数据。请确认这是平台或银行导出的原始文件。");
    expect(formatImportError(error, "en")).toContain("more than 10 columns");
  });

  it("counts quoted cells as papaparse splits them", async () => {
    const quoted = Array.from({ length: 12 }, (_, i) => `"c,${i}"`).join(",");
    const fits = Array.from({ length: 10 }, (_, i) => `"c,${i}"`).join(",");
    const text = [HEADER, ...csvRows(2), fits, quoted].join("\n") + "\n";
    expect(refusal(await read("a.csv", Buffer.from(text), { maxColumns: 10 }))).toMatchObject({ code: "TOO_MANY_COLUMNS", row: 5 });
  });

  it("refuses one 2 MB line of a million quoted cells, with the default limits", async () => {
    const line = '"1",'.repeat(500_000) + "1";
    const text = [HEADER, ...csvRows(2), line, ...csvRows(2)].join("\n") + "\n";
    // Measured when this was written (not asserted: timings belong in benchmarks): splitting it took
    // papaparse 2.6 s and let it through; the scan that refuses it takes about 0.1 s.
    expect(refusal(await read("a.csv", Buffer.from(text)))).toMatchObject({ code: "TOO_MANY_COLUMNS", row: 4, params: { limit: 500 } });
  });

  it("refuses a record longer than the line cap, also one whose quote never closes", async () => {
    const long = `2025-03-01,${"x".repeat(3000)},1.00,,1.00,某公司`;
    expect(refusal(await read("a.csv", Buffer.from([HEADER, long].join("\n") + "\n"), { maxLineChars: 1000 }))).toMatchObject({
      code: "LINE_TOO_LONG",
      row: 2,
      params: { limit: 1000 },
    });
    const open = `2025-03-01,"${"x".repeat(3000)}\n`.repeat(3);
    expect(refusal(await read("a.csv", Buffer.from(`${HEADER}\n${csvRows(1)[0]}\n${open}`), { maxLineChars: 1000 }))).toMatchObject({
      code: "LINE_TOO_LONG",
      row: 3,
    });
  });

  it("refuses an XLSX row with a value past the column cap", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("明细");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(csvRows(1)[0]!.split(","));
    sheet.getCell(3, 600).value = "x";
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(refusal(await read("a.xlsx", data))).toMatchObject({ code: "TOO_MANY_COLUMNS", row: 3, params: { limit: 500 } });
  });
});

describe("row cap", () => {
  it("refuses a CSV with more data rows than the cap, at the first row past it", async () => {
    const text = [HEADER, ...csvRows(8)].join("\n") + "\n";
    const error = refusal(await read("流水.csv", Buffer.from(text), { maxRows: 5 }));
    expect(error).toMatchObject({ code: "TOO_MANY_ROWS", row: 7, params: { limit: 5, fileName: "流水.csv" } });
    expect(formatImportError(error, "en")).toBe(
      "Row 7: The file “流水.csv” has more than 5 data rows, the limit per file; nothing was imported. Export shorter periods and import them one by one.",
    );
    // At the cap exactly, the file is read.
    expect((await read("流水.csv", Buffer.from([HEADER, ...csvRows(5)].join("\n")), { maxRows: 5 })).rows).toHaveLength(5);
  });

  it("stops reading a CSV stream at the cap", async () => {
    // A stream that never ends: only stopping at the cap lets the import finish.
    const endless = new PassThrough();
    endless.write(`${HEADER}\n`);
    let written = 0;
    const timer = setInterval(() => endless.write(`${csvRows(1000).join("\n")}\n`, () => (written += 1000)), 1);
    try {
      const result = await parseImportBuffer({ fileName: "a.csv", stream: endless }, { limits: { maxRows: 5000 } });
      expect(refusal({ ...result })).toMatchObject({ code: "TOO_MANY_ROWS", row: 5002 });
    } finally {
      clearInterval(timer);
      endless.destroy();
    }
    expect(written).toBeLessThan(1_000_000);
  });

  it("refuses a highly compressible XLSX at the cap without reading it all", async () => {
    const rows = 30_000;
    const output = new PassThrough();
    const parts: Buffer[] = [];
    output.on("data", (chunk: Buffer) => parts.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false });
    const sheet = writer.addWorksheet("明细");
    sheet.addRow(HEADER.split(",")).commit();
    const row = csvRows(1)[0]!.split(",");
    for (let i = 0; i < rows; i++) sheet.addRow(row).commit();
    sheet.commit();
    await writer.commit();
    const data = Buffer.concat(parts);

    expect((await read("a.xlsx", data)).rows).toHaveLength(rows);
    // The zip-bomb guard still inflates everything once (into a counter); the rows past the cap are
    // not read (about a third of the time of a full read when this was written; not asserted).
    const error = refusal(await read("a.xlsx", data, { maxRows: 1000 }));
    expect(error).toMatchObject({ code: "TOO_MANY_ROWS", row: 1002, params: { limit: 1000, fileName: "a.xlsx" } });
  }, 60_000);

  it("refuses an XLSX whose declared dimension is past the cap before reading a row", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("明细");
    sheet.addRow(HEADER.split(","));
    sheet.getCell(5000, 1).value = "2025-03-01";
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(refusal(await read("a.xlsx", data, { maxRows: 1000 }))).toMatchObject({ code: "TOO_MANY_ROWS", row: null, params: { limit: 1000 } });
  });

  it("counts the empty <row> elements of an XLSX sheet too, which hold no value but cost a scan", async () => {
    const parts = { sheets: [], date1904: false, dateStyles: [], sharedStrings: [] };
    async function* xml() {
      yield '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c></row>';
      for (let r = 2; r < 100_000; r += 1000) yield Array.from({ length: 1000 }, (_, i) => `<row r="${r + i}"/>`).join("");
    }
    const limits = { maxRows: 100, maxColumns: 500, maxSheetRows: 161, maxLineChars: 1000 };
    const read = async () => {
      for await (const group of sheetRowGroups(xml(), parts, [], limits)) void group;
    };
    await expect(read()).rejects.toMatchObject({ code: "TOO_MANY_ROWS", row: 162, limit: 100 });
  });

  it("refuses a legacy XLS past the cap: by its declared range, or at the first row past it", async () => {
    const sheet = XLSX.utils.aoa_to_sheet([HEADER.split(","), ...csvRows(300).map((line) => line.split(","))]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, "明细");
    const xls = Buffer.from(XLSX.write(book, { type: "buffer", bookType: "biff8" }) as Uint8Array);
    expect(refusal(await read("a.xls", xls, { maxRows: 100 }))).toMatchObject({ code: "TOO_MANY_ROWS", row: null, params: { limit: 100 } });

    const ccb = readFileSync(fixturePath("bank-ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls"));
    const full = await read("ccb.xls", ccb);
    expect(full.ok && full.rows.length).toBeGreaterThan(2);
    const headerRow = full.ok ? full.headerRow : 0;
    expect(refusal(await read("ccb.xls", ccb, { maxRows: 2 }))).toMatchObject({ code: "TOO_MANY_ROWS", row: headerRow + 3 });
  });
});

describe("findOversizedRecord", () => {
  it("never counts more cells than papaparse gives, and finds every record wider than papaparse's", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ["a", ",", '"', "\n", " ", "\t", "b", ",", '"'];
    for (let run = 0; run < 5000; run++) {
      let text = "";
      for (let i = random(40); i > 0; i--) text += alphabet[random(alphabet.length)];
      const widths = Papa.parse<string[]>(text, { delimiter: ",", newline: "\n", quoteChar: '"' }).data.map((cells) => cells.length);
      const widest = Math.max(0, ...widths);
      for (const cap of [1, 2, 3, 4]) {
        const found = findOversizedRecord(text, ",", cap, Number.MAX_SAFE_INTEGER);
        if (found) expect(widest, JSON.stringify(text)).toBeGreaterThan(cap);
        // A record cut off by the end of the text is counted as far as it goes, so check complete texts.
        if (text.endsWith("\n") && widest > cap) expect(found, JSON.stringify(text)).not.toBeNull();
      }
    }
  });
});
