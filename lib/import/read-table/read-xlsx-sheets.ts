// XLSX rows, read by scanning the sheet XML as it inflates (see xlsx/): one row at a time whatever
// the workbook's size, and deterministic. Replaces exceljs here: its workbook model needs gigabytes
// for a large export, and its streaming reader raced on the order of the archive's parts (3 failed
// reads in 900 of the same small file). xlsx-reader.test.ts holds it to exceljs' output. Must only
// be given a buffer that passed the zip-bomb check. Sheets come in the workbook's order.
import { readZipCentralDirectory } from "../decode/read-zip-central-directory";
import type { ReaderLimits } from "../limits";
import type { RawRow } from "../types";
import { readMergedRanges } from "./xlsx/merged-cells";
import { sheetRowGroups } from "./xlsx/sheet-rows";
import { readWorkbookParts } from "./xlsx/workbook-parts";
import { XlsxReadError, zipEntryText } from "./xlsx/zip-entry-text";

export interface SheetRows {
  name: string;
  /** The sheet's rows in groups (a consumer awaits once per group, not once per row). */
  rowGroups: AsyncIterable<RawRow[]>;
}

export async function* readXlsxSheets(data: Buffer, limits?: ReaderLimits): AsyncGenerator<SheetRows> {
  const directory = readZipCentralDirectory(data, Number.MAX_SAFE_INTEGER);
  if (!directory.ok) throw new XlsxReadError(directory.reason);
  const parts = await readWorkbookParts(data, directory.entries);
  for (const sheet of parts.sheets) {
    const merged = await readMergedRanges(data, sheet.entry);
    yield { name: sheet.name, rowGroups: sheetRowGroups(zipEntryText(data, sheet.entry), parts, merged, limits) };
  }
}
