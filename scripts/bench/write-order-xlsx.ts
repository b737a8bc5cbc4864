// The Tmall order export of write-order-csv.ts as an XLSX of N rows, the way a spreadsheet holds it:
// order numbers as text (they have 19 digits), amounts as numbers, times as date cells, the rest as
// shared strings. Written with exceljs' streaming writer, so a million rows never sit in memory.
import fs from "node:fs";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { drainSheet, PAUSE_EVERY_ROWS } from "../../lib/export/xlsx-backlog";

const DATE_TIME = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
type Cell = string | number | Date | null;

/** A template cell as a spreadsheet would type it. */
function typed(text: string): Cell {
  if (text === "") return null;
  const guarded = /^="(.*)"$/.exec(text);
  if (guarded) return guarded[1]!;
  const time = DATE_TIME.exec(text);
  if (time) {
    const [, y, mo, d, h, mi, s] = time.map(Number) as number[];
    // exceljs writes a Date's UTC fields as the wall-clock value of the cell.
    return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  }
  if (NUMBER.test(text)) return Number(text);
  return text.replace(/^'/, "");
}

export async function writeOrderXlsx(file: string, rows: number, sampleFile: string): Promise<number> {
  const sample = iconv.decode(fs.readFileSync(sampleFile), "gbk").split(/\r?\n/);
  // The sample has no quoted cells holding commas, so a plain split reads it.
  const header = sample[0]!.split(",");
  const template = sample[1]!.split(",").map(typed);
  const orderColumns = template.flatMap((cell, i) => (cell === "3349876543210012345" ? [i] : []));
  const amountColumns = template.flatMap((cell, i) => (cell === 109 ? [i] : []));

  const partial = `${file}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet("订单报表");
  sheet.addRow(header).commit();
  const base = 3349876543210000000n;
  for (let i = 0; i < rows; i++) {
    const values = template.slice();
    const orderNo = (base + BigInt(i)).toString();
    for (const column of orderColumns) values[column] = orderNo;
    const cents = 990 + ((i * 7919) % 299_000);
    for (const column of amountColumns) values[column] = cents / 100;
    const row = sheet.addRow(values);
    values.forEach((value, column) => {
      if (value instanceof Date) row.getCell(column + 1).numFmt = "yyyy-mm-dd hh:mm:ss";
      else if (typeof value === "number" && !Number.isInteger(value)) row.getCell(column + 1).numFmt = "0.00";
    });
    row.commit();
    if (i % PAUSE_EVERY_ROWS === PAUSE_EVERY_ROWS - 1) await drainSheet(sheet);
  }
  sheet.commit();
  await workbook.commit();
  // Renamed at the end, so an interrupted run never leaves a half-written file in the cache.
  fs.renameSync(partial, file);
  return fs.statSync(file).size;
}
