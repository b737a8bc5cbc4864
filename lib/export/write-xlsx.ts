// The XLSX writer: streams a table into a workbook with exceljs' WorkbookWriter, so a million rows
// never sit in memory. Each sheet: the title block, the header row (frozen, with an autofilter),
// the data; the last sheet ends with the totals row. Amounts are numbers with a currency format,
// dates are dates, percents are percents; text is guarded against formula injection.
import fs from "node:fs/promises";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { spreadsheetValue } from "./cell-values";
import { columnWidths, WIDTH_SAMPLE_ROWS } from "./column-widths";
import { spreadsheetMoneyFormat, minorToSpreadsheetNumber } from "./excel-money";
import { exportLabels } from "./export-labels";
import type { ExportColumn, ExportLocale, ExportTable } from "./export-table";
import { peekRows } from "./peek-rows";
import { RunningTotals } from "./running-totals";
import { titleLines } from "./title-block";
import { drainSheet, PAUSE_EVERY_ROWS } from "./xlsx-backlog";

const ZIP_LEVEL = 1;

/** Excel's limit of rows per sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

export type XlsxOptions = {
  locale?: ExportLocale;
  /** Rows per sheet, title block and header included; a test lowers it to see the split. */
  maxRowsPerSheet?: number;
};

export type XlsxResult = { rows: number; sheets: number; totals: Record<string, bigint> };

function numFmt(column: ExportColumn): string | undefined {
  switch (column.type) {
    case "money":
      return spreadsheetMoneyFormat(column.currency ?? "CNY");
    case "integer":
      return "#,##0";
    case "percent":
      return "0.00%";
    case "date":
      return column.withTime ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd";
    case "text":
      return undefined;
  }
}

// Excel refuses sheet names over 31 characters or holding any of []:*?/\ .
function sheetName(title: string, index: number): string {
  const base = title.replace(/[[\]:*?/\\]/g, " ").trim() || "Sheet";
  const suffix = index === 0 ? "" : ` (${index + 1})`;
  return base.slice(0, 31 - suffix.length) + suffix;
}

function columnLetter(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

const BOLD = { bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1F5F9" } };
const RULE: Partial<ExcelJS.Borders> = { bottom: { style: "thin", color: { argb: "FF94A3B8" } } };
const TOTAL_RULE: Partial<ExcelJS.Borders> = { top: { style: "thin", color: { argb: "FF64748B" } } };

/**
 * Writes the table to a file (through "<file>.partial", renamed when complete, so a failed export
 * never leaves a file that looks finished) or into a stream.
 */
export async function writeXlsx(table: ExportTable, output: string | Writable, options: XlsxOptions = {}): Promise<XlsxResult> {
  if (typeof output !== "string") return writeWorkbook(table, output, options);
  const partial = `${output}.partial`;
  try {
    const result = await writeWorkbook(table, partial, options);
    await fs.rename(partial, output);
    return result;
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  }
}

async function writeWorkbook(table: ExportTable, output: string | Writable, options: XlsxOptions): Promise<XlsxResult> {
  const locale = options.locale ?? "zh-CN";
  const maxRowsPerSheet = options.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
  const t = exportLabels(locale);
  const { columns } = table;
  const lines = titleLines(table, t);
  // Row numbers within every sheet: title, its lines, a blank row, the header.
  const headerRow = 1 + lines.length + 2;
  // Every sheet keeps one row free for the totals, since which sheet is last is known only at the end.
  const dataRowsPerSheet = maxRowsPerSheet - headerRow - 1;
  if (dataRowsPerSheet < 1) throw new Error(`maxRowsPerSheet ${maxRowsPerSheet} leaves no room for data rows`);

  const { head, all } = await peekRows(table.rows, WIDTH_SAMPLE_ROWS);
  const widths = columnWidths(columns, head, locale);
  // One style object per column, shared by all its cells: exceljs then finds the style by object
  // identity instead of serialising a fresh style for each of millions of cells.
  const cellStyles: Partial<ExcelJS.Style>[] = columns.map((c) => {
    const fmt = numFmt(c);
    return fmt ? { numFmt: fmt } : {};
  });
  const headerStyle: Partial<ExcelJS.Style> = { font: BOLD, fill: HEADER_FILL, border: RULE };
  const totalStyles: Partial<ExcelJS.Style>[] = cellStyles.map((s) => ({ ...s, font: BOLD, border: TOTAL_RULE }));

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof output === "string" ? { filename: output } : { stream: output }),
    // No shared-strings table: it keeps every distinct text until the workbook ends, and a real list
    // has several per row (order numbers, references, times): 2.3 GiB for the 1M-group 已匹配 list
    // against 442 MiB without. Text cells are then written in the sheet as strings (t="str", a value
    // and no formula), which Excel, WPS and LibreOffice read as text; nothing is evaluated.
    useSharedStrings: false,
    useStyles: true,
    // Deflate level 1: on two shared cores the zip was a large share of a million-row export;
    // the sheet XML is so repetitive that level 1 still compresses it about tenfold.
    zip: { zlib: { level: ZIP_LEVEL } },
  });
  workbook.creator = table.generatedBy;
  workbook.created = table.generatedAt;

  let sheet!: ExcelJS.Worksheet;
  let sheets = 0;
  let rowInSheet = 0;
  let rows = 0;
  const totals = new RunningTotals(columns);

  const openSheet = () => {
    sheet = workbook.addWorksheet(sheetName(table.title, sheets), {
      views: [{ state: "frozen", xSplit: 0, ySplit: headerRow, activeCell: columnLetter(1) + (headerRow + 1) }],
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheets += 1;
    sheet.columns = widths.map((width) => ({ width: width + 2 }));
    const title = sheet.addRow([table.title]);
    title.getCell(1).font = { bold: true, size: 14 };
    title.commit();
    for (const line of lines) {
      const row = sheet.addRow([line.label, line.value]);
      row.getCell(1).font = BOLD;
      row.commit();
    }
    sheet.addRow([]).commit();
    const header = sheet.addRow(columns.map((c) => c.label));
    for (let i = 1; i <= columns.length; i++) header.getCell(i).style = headerStyle;
    header.commit();
    rowInSheet = 0;
  };

  const closeSheet = (withTotals: boolean) => {
    const lastDataRow = headerRow + rowInSheet;
    sheet.autoFilter = `A${headerRow}:${columnLetter(columns.length)}${lastDataRow}`;
    if (withTotals) {
      const values = columns.map((column, i) => {
        const sum = totals.get(column.key);
        if (sum === undefined) return i === 0 ? t("totalsRow", { count: rows }) : null;
        return column.type === "money" ? minorToSpreadsheetNumber(sum, column.currency ?? "CNY") : Number(sum);
      });
      const row = sheet.addRow(values);
      for (let i = 1; i <= columns.length; i++) row.getCell(i).style = totalStyles[i - 1]!;
      row.commit();
    }
    sheet.commit();
  };

  openSheet();
  for await (const source of all) {
    if (rowInSheet === dataRowsPerSheet) {
      closeSheet(false);
      openSheet();
    }
    const row = sheet.addRow(columns.map((column) => spreadsheetValue(source[column.key], column)));
    for (let i = 1; i <= columns.length; i++) row.getCell(i).style = cellStyles[i - 1]!;
    row.commit();
    totals.add(source);
    rowInSheet += 1;
    rows += 1;
    if (rows % PAUSE_EVERY_ROWS === 0) await drainSheet(sheet);
  }
  totals.check(table.expectedTotals);
  closeSheet(true);
  await workbook.commit();
  return { rows, sheets, totals: Object.fromEntries(totals.columns.map((c) => [c.key, totals.get(c.key)!])) };
}
