// Legacy .xls (BIFF8) through SheetJS. Chinese bank exports (CCB and others) store text in code page
// 936, which SheetJS only decodes once its code-page tables are installed. A BIFF8 sheet has at most
// 65,536 rows, so reading the whole workbook at once is bounded; its declared range is checked
// against the limits before any row is converted, and rows are converted a group at a time.
import * as XLSX from "@e965/xlsx";
import * as cptable from "@e965/xlsx/dist/cpexcel.full.mjs";
import { ImportLimitError, type ReaderLimits } from "../limits";
import type { RawRow } from "../types";
import { cleanCell } from "./clean-cell";
import type { SheetRows } from "./read-xlsx-sheets";
import { dateToText, numberToText, serialToText } from "./spreadsheet-value-to-text";

XLSX.set_cptable(cptable);

function cellToText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return "";
  switch (cell.t) {
    case "s":
      return String(cell.v);
    case "n":
      // A number with a date format is a serial date; anything else is a plain number.
      return typeof cell.z === "string" && XLSX.SSF.is_date(cell.z) ? serialToText(Number(cell.v)) : numberToText(Number(cell.v));
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "d":
      return cell.v instanceof Date ? dateToText(cell.v) : String(cell.v);
    case "e":
      return "";
    default:
      return String(cell.w ?? cell.v);
  }
}

const ROWS_PER_GROUP = 1000;

export async function* readXlsSheets(data: Buffer, limits?: ReaderLimits): AsyncGenerator<SheetRows> {
  const workbook = XLSX.read(data, { type: "buffer", cellDates: false, cellNF: true, cellHTML: false });
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    const ref = sheet?.["!ref"];
    async function* rowGroups(): AsyncGenerator<RawRow[]> {
      if (!sheet || !ref) return;
      const range = XLSX.utils.decode_range(ref);
      // Every row of the range is converted, as wide as the range: its size is the work.
      if (limits && range.e.r - range.s.r + 1 > limits.maxSheetRows) throw new ImportLimitError("TOO_MANY_ROWS", null, limits.maxRows);
      if (limits && range.e.c + 1 > limits.maxColumns) throw new ImportLimitError("TOO_MANY_COLUMNS", null, limits.maxColumns);
      let rows: RawRow[] = [];
      for (let r = range.s.r; r <= range.e.r; r++) {
        const cells: string[] = [];
        // Start at column A whatever the used range says, so positions match what Excel shows.
        for (let c = 0; c <= range.e.c; c++) {
          cells.push(cleanCell(cellToText(sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined)));
        }
        rows.push({ sourceRow: r + 1, cells });
        if (rows.length === ROWS_PER_GROUP) {
          yield rows;
          rows = [];
        }
      }
      if (rows.length > 0) yield rows;
    }
    yield { name, rowGroups: rowGroups() };
  }
}
