// XLSX rows through exceljs' streaming reader, so a large workbook is read row by row. Must only be
// given a buffer that passed the zip-bomb check. Sheets come in the order stored in the archive.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { RawRow } from "../types";
import { cleanCell } from "./clean-cell";
import { dateToText, numberToText } from "./spreadsheet-value-to-text";

export interface SheetRows {
  name: string;
  rows: AsyncIterable<RawRow>;
}

function cellValueToText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberToText(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateToText(value);
  if (typeof value === "object") {
    const cell = value as Record<string, unknown>;
    if (Array.isArray(cell.richText)) {
      return cell.richText.map((run) => String((run as { text?: unknown }).text ?? "")).join("");
    }
    if ("result" in cell) return cellValueToText(cell.result); // formula: its cached result
    if ("text" in cell) return cellValueToText(cell.text); // hyperlink
    if ("error" in cell) return "";
  }
  return String(value);
}

function toRawRow(row: ExcelJS.Row): RawRow {
  const values = row.values as unknown[];
  const cells: string[] = [];
  // exceljs row values are 1-based (index 0 is unused), like Excel's column numbers.
  for (let column = 1; column < values.length; column++) cells.push(cleanCell(cellValueToText(values[column])));
  return { sourceRow: row.number, cells };
}

/** The streaming reader may not know a sheet's name yet (see streamedSheets); it is for display only. */
function sheetName(sheet: { name?: string }): string {
  try {
    return sheet.name ?? "";
  } catch {
    return "";
  }
}

/**
 * Workbooks up to this size are loaded whole, which is deterministic; exceljs' streaming reader
 * races on the order of the archive's parts (measured: 3 failed reads in 900 of the same small
 * file) and is kept for the large workbooks that would not fit in memory as a model.
 */
const LOAD_WHOLE_BELOW_BYTES = 32 * 1024 * 1024;

async function* loadedSheets(data: Buffer): AsyncGenerator<SheetRows> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  for (const worksheet of workbook.worksheets) {
    const rows: RawRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => rows.push(toRawRow(row)));
    yield { name: worksheet.name, rows: (async function* () { yield* rows; })() };
  }
}

async function* streamedSheets(data: Buffer): AsyncGenerator<SheetRows> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  // The streaming reader reads `model.sheets` when a worksheet arrives; before the workbook part
  // is parsed `model` is undefined and the read would fail. Empty until then: the name is unknown.
  (reader as unknown as { model?: { sheets: unknown[] } }).model ??= { sheets: [] };
  for await (const worksheet of reader) {
    const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
    async function* rows(): AsyncGenerator<RawRow> {
      for await (const row of sheet) yield toRawRow(row);
    }
    yield { name: sheetName(sheet), rows: rows() };
  }
}

export function readXlsxSheets(data: Buffer): AsyncGenerator<SheetRows> {
  return data.length < LOAD_WHOLE_BELOW_BYTES ? loadedSheets(data) : streamedSheets(data);
}
