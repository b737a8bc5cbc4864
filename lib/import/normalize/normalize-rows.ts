// The row loop after the header: skips blank lines and footers, checks the column count, lets the
// adapter map each row, assigns natural keys and hands out batches. One pass, constant memory apart
// from the natural-key occurrence map.
import type { AnyFormatAdapter, RowDraft } from "../formats/format-adapter";
import { isBlankRow, isFooterMarkerRow } from "../header/footer-rows";
import type { ImportError, ImportKind, NormalizedRow, RawRow } from "../types";
import { ColumnIndex } from "./column-names";
import { isEmptyValue } from "./empty-value";
import { NaturalKeyAssigner } from "./natural-key";
import { RowCells } from "./row-cells";

export interface ImportBatch<Row = NormalizedRow> {
  rows: Row[];
  errors: ImportError[];
}

export interface ImportStats {
  /** Rows between the header and the end that looked like data (not blank, not footer). */
  dataRows: number;
  importedRows: number;
  rejectedRows: number;
  skippedRows: number;
  footerRows: number;
}

export interface NormalizeOptions {
  /** Text files: a row must have the header's number of columns. Spreadsheets omit empty trailing cells. */
  checkColumnCount: boolean;
  batchSize: number;
  stats: ImportStats;
}

// Rows with an empty anchor are held back: if data follows they were real rows (and get their
// errors); if the file ends they were a summary. A cap keeps a file of such rows from piling up.
const MAX_HELD_ROWS = 200;

export function emptyStats(): ImportStats {
  return { dataRows: 0, importedRows: 0, rejectedRows: 0, skippedRows: 0, footerRows: 0 };
}

/** Drops keys whose value is undefined, so rows and fingerprints only carry what the file had. */
function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const field = value[key];
    if (field !== undefined) out[key] = field;
  }
  return out as T;
}

export async function* normalizeRows(
  adapter: AnyFormatAdapter,
  header: readonly string[],
  rows: AsyncIterable<RawRow>,
  options: NormalizeOptions,
): AsyncGenerator<ImportBatch> {
  const { stats } = options;
  const columns = new ColumnIndex(header);
  const keys = new NaturalKeyAssigner(adapter.keyNamespace);
  const anchor = columns.find(adapter.anchorColumn);
  // Trailing empty header cells come from a trailing delimiter; rows may or may not repeat it.
  let expectedCells = header.length;
  while (expectedCells > 0 && header[expectedCells - 1] === "") expectedCells--;

  let batch: ImportBatch = { rows: [], errors: [] };
  const held: RawRow[] = [];

  const columnName = (index: number) => header[index] || `#${index + 1}`;

  const process = (raw: RawRow) => {
    stats.dataRows++;
    if (raw.problem) {
      stats.rejectedRows++;
      batch.errors.push({
        row: raw.sourceRow,
        column: columnName(raw.problem.cellIndex),
        code: raw.problem.code,
        params: {},
        severity: "error",
      });
      return;
    }
    if (options.checkColumnCount) {
      const extraFilled = raw.cells.slice(header.length).some((cell) => cell !== "");
      if (raw.cells.length < expectedCells || extraFilled) {
        stats.rejectedRows++;
        batch.errors.push({
          row: raw.sourceRow,
          column: null,
          code: "WRONG_COLUMN_COUNT",
          params: { expected: expectedCells, actual: raw.cells.length },
          severity: "error",
        });
        return;
      }
    }
    const cells = raw.cells.length >= header.length ? raw.cells : [...raw.cells, ...Array<string>(header.length - raw.cells.length).fill("")];
    const row = new RowCells(columns, cells, raw.sourceRow);
    const mapped = adapter.mapRow(row) as RowDraft<ImportKind> | readonly RowDraft<ImportKind>[] | null;
    batch.errors.push(...row.issues);
    if (row.hasErrors) {
      stats.rejectedRows++;
      return;
    }
    if (mapped === null || row.skipped) {
      stats.skippedRows++;
      return;
    }
    stats.importedRows++;
    for (const draft of Array.isArray(mapped) ? mapped : [mapped as RowDraft<ImportKind>]) {
      const { uniqueId, ...fields } = withoutUndefined(draft);
      const naturalKey = keys.assign(fields, uniqueId);
      batch.rows.push({ sourceRow: raw.sourceRow, ...fields, naturalKey } as NormalizedRow);
    }
  };

  for await (const raw of rows) {
    if (!raw.problem && isBlankRow(raw.cells)) continue;
    if (!raw.problem && isFooterMarkerRow(raw.cells, anchor)) {
      stats.footerRows++;
      continue;
    }
    if (!raw.problem && anchor !== undefined && isEmptyValue(raw.cells[anchor]) && held.length < MAX_HELD_ROWS) {
      held.push(raw);
      continue;
    }
    for (const earlier of held.splice(0)) process(earlier);
    process(raw);
    if (batch.rows.length + batch.errors.length >= options.batchSize) {
      yield batch;
      batch = { rows: [], errors: [] };
    }
  }
  stats.footerRows += held.length;
  if (stats.dataRows === 0) {
    batch.errors.push({ row: null, column: null, code: "NO_DATA_ROWS", params: {}, severity: "warning" });
  }
  if (batch.rows.length > 0 || batch.errors.length > 0) yield batch;
}
