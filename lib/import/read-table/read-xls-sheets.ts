// Legacy .xls (BIFF8) through SheetJS. Chinese bank exports (CCB and others) store text in code page
// 936, which SheetJS only decodes once its code-page tables are installed. A BIFF8 sheet has at most
// 65,536 rows, so reading the whole workbook at once is bounded.
import * as XLSX from "@e965/xlsx";
import * as cptable from "@e965/xlsx/dist/cpexcel.full.mjs";
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

export async function* readXlsSheets(data: Buffer): AsyncGenerator<SheetRows> {
  const workbook = XLSX.read(data, { type: "buffer", cellDates: false, cellNF: true, cellHTML: false });
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    const ref = sheet?.["!ref"];
    async function* rowGroups(): AsyncGenerator<RawRow[]> {
      if (!sheet || !ref) return;
      const range = XLSX.utils.decode_range(ref);
      const rows: RawRow[] = [];
      for (let r = range.s.r; r <= range.e.r; r++) {
        const cells: string[] = [];
        // Start at column A whatever the used range says, so positions match what Excel shows.
        for (let c = 0; c <= range.e.c; c++) {
          cells.push(cleanCell(cellToText(sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined)));
        }
        rows.push({ sourceRow: r + 1, cells });
      }
      // At most 65,536 rows, already in memory as the workbook: one group.
      yield rows;
    }
    yield { name, rowGroups: rowGroups() };
  }
}
