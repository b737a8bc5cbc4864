// XLSX and legacy XLS uploads: refuse zip bombs, then look for a recognised header in each sheet in
// turn and import the first sheet that has one (exports often carry a cover or summary sheet).
import { checkZipBomb, DEFAULT_ZIP_BOMB_LIMITS, type ZipBombLimits } from "../decode/check-zip-bomb";
import { rowText } from "../header/find-header-row";
import { ImportLimitError, type ReaderLimits } from "../limits";
import type { SheetRows } from "../read-table/read-xlsx-sheets";
import type { RawRow } from "../types";
import { continueWith, drain, takeFromGroups } from "./async-iteration";
import { failedImport, PREVIEW_ROWS, type FailedImport, type OpenedTable } from "./opened-table";
import { errorReason, fileError } from "./file-error";
import { explainNoHeader, matchHeader, type DetectionPlan } from "./plan-detection";

function describeNonWorkbookZip(names: readonly string[]): string {
  if (names.includes("xl/workbook.bin")) return "XLSB";
  if (names.includes("content.xml")) return "ODS";
  return "ZIP";
}

export async function openSpreadsheetTable(
  type: "xlsx" | "xls",
  data: Buffer,
  plan: DetectionPlan,
  zipLimits: Partial<ZipBombLimits>,
  limits: ReaderLimits,
): Promise<OpenedTable | FailedImport> {
  if (type === "xlsx") {
    const guard = await checkZipBomb(data, { ...DEFAULT_ZIP_BOMB_LIMITS, ...zipLimits });
    if (!guard.ok) return failedImport([fileError(guard.code, guard.params)], { fileType: type });
    const names = guard.entries.map((entry) => entry.name);
    if (!names.includes("xl/workbook.xml")) {
      return failedImport([fileError("UNSUPPORTED_FILE_TYPE", { format: describeNonWorkbookZip(names) })], { fileType: type });
    }
  }

  let sheets: AsyncIterator<SheetRows>;
  const scanned: RawRow[][] = [];
  try {
    // Loaded on demand: the spreadsheet libraries (and SheetJS' code-page tables) are large, and
    // CSV imports never need them.
    const reader =
      type === "xlsx"
        ? (await import("../read-table/read-xlsx-sheets")).readXlsxSheets(data, limits)
        : (await import("../read-table/read-xls-sheets")).readXlsSheets(data, limits);
    sheets = reader[Symbol.asyncIterator]();
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      const groups = next.value.rowGroups[Symbol.asyncIterator]();
      const { taken: head, rest } = await takeFromGroups(groups, plan.maxScanRows + 1);
      scanned.push(head);
      const match = matchHeader(head, plan);
      const header = match ? head[match.headerIndex] : undefined;
      if (match && header) {
        const workbook = sheets;
        const first = head.slice(match.headerIndex + 1).concat(rest);
        return {
          ok: true,
          adapter: match.adapter,
          header,
          preamble: head.slice(0, match.headerIndex).map(rowText),
          // The workbook stays open until the chosen sheet's rows are read (or abandoned).
          // Rows go on to the row pipeline in the reader's groups, so it awaits once per group.
          dataRows: continueWith(first.length > 0 ? [first] : [], groups, () => workbook.return?.()),
          dataCellsUncleaned: false,
          fileType: type,
          sheetName: next.value.name,
        };
      }
      await drain(groups);
    }
  } catch (error) {
    if (error instanceof ImportLimitError) throw error; // the pipeline names the file in it
    return failedImport([fileError("CORRUPT_SPREADSHEET", { reason: errorReason(error) })], { fileType: type });
  }
  return failedImport(explainNoHeader(scanned, plan), {
    fileType: type,
    previewRows: (scanned[0] ?? []).slice(0, PREVIEW_ROWS).map((row) => row.cells),
  });
}
