// The row loop after the header: skips blank lines and footers, checks the column count, lets the
// adapter map each row, assigns natural keys and hands out batches. One pass, constant memory apart
// from the natural-key occurrence map.
import type { AnyFormatAdapter, RowDraft } from "../formats/format-adapter";
import { isBlankRow, isFooterMarkerRow } from "../header/footer-rows";
import type { ImportError, ImportKind, NormalizedRow, RawRow } from "../types";
import { LazilyCleanedCells, type CellList } from "./cell-list";
import { ColumnIndex } from "./column-names";
import { isEmptyValue } from "./empty-value";
import { NaturalKeyAssigner } from "./natural-key";
import { OwnAccounts } from "./own-accounts";
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
  /** Text files: the CSV reader leaves cells uncleaned, and they are cleaned here as they are read. */
  cleanCells: boolean;
  batchSize: number;
  stats: ImportStats;
  /** The lines above the header, for adapters whose rows need them (FileContext). */
  preamble?: readonly string[];
  /** Layouts with an own-account column: read only this account's rows (else several refuse the file). */
  statementAccount?: string;
}

// Rows with an empty anchor are held back: if data follows they were real rows (and get their
// errors); if the file ends they were a summary. A cap keeps a file of such rows from piling up.
const MAX_HELD_ROWS = 200;

export function emptyStats(): ImportStats {
  return { dataRows: 0, importedRows: 0, rejectedRows: 0, skippedRows: 0, footerRows: 0 };
}

/**
 * The row as imported: sourceRow, then the draft's fields that have a value (so rows and fingerprints
 * only carry what the file had), without uniqueId. One object per row, built in the draft's order.
 */
function rowFromDraft(sourceRow: number, draft: RowDraft<ImportKind>): Record<string, unknown> {
  const row: Record<string, unknown> = { sourceRow };
  const fields = draft as unknown as Record<string, unknown>;
  for (const key in fields) {
    const value = fields[key];
    if (value !== undefined && key !== "uniqueId") row[key] = value;
  }
  return row;
}

/** The row's fields without sourceRow: what a fingerprint covers. */
function fingerprintFields(row: Record<string, unknown>): Record<string, unknown> {
  const { sourceRow: _sourceRow, ...fields } = row;
  return fields;
}

/** A filled cell beyond the header's width. */
function hasFilledCellAfter(cells: CellList, width: number): boolean {
  for (let i = width; i < cells.length; i++) if (cells.at(i) !== "") return true;
  return false;
}

/** `rows` come in batches (as the readers produce them) so the loop awaits once per batch, not per row. */
export async function* normalizeRows(
  adapter: AnyFormatAdapter,
  header: readonly string[],
  rows: AsyncIterable<readonly RawRow[]>,
  options: NormalizeOptions,
): AsyncGenerator<ImportBatch> {
  const { stats } = options;
  const file = { preamble: options.preamble ?? [] };
  const columns = new ColumnIndex(header);
  const keys = new NaturalKeyAssigner(adapter.keyNamespace);
  const anchor = columns.find(adapter.anchorColumn);
  // Trailing empty header cells come from a trailing delimiter; rows may or may not repeat it.
  let expectedCells = header.length;
  while (expectedCells > 0 && header[expectedCells - 1] === "") expectedCells--;

  let batch: ImportBatch = { rows: [], errors: [] };
  const held: Array<{ raw: RawRow; cells: CellList }> = [];

  const columnName = (index: number) => header[index] || `#${index + 1}`;
  const ownAccounts = adapter.ownAccountColumn ? new OwnAccounts(adapter.id, options.statementAccount?.trim() || undefined) : null;

  const addRow = (sourceRow: number, draft: RowDraft<ImportKind>) => {
    const out = rowFromDraft(sourceRow, draft);
    // Only a row without its own id needs a fingerprint of its fields.
    out.naturalKey = draft.uniqueId ? keys.forId(draft.uniqueId) : keys.forFields(fingerprintFields(out));
    batch.rows.push(out as unknown as NormalizedRow);
  };

  const process = (raw: RawRow, cells: CellList) => {
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
    if (options.checkColumnCount && (cells.length < expectedCells || hasFilledCellAfter(cells, header.length))) {
      stats.rejectedRows++;
      batch.errors.push({
        row: raw.sourceRow,
        column: null,
        code: "WRONG_COLUMN_COUNT",
        params: { expected: expectedCells, actual: cells.length },
        severity: "error",
      });
      return;
    }
    const row = new RowCells(columns, cells, raw.sourceRow);
    if (ownAccounts && adapter.ownAccountColumn && !ownAccounts.keep(row.text(adapter.ownAccountColumn))) {
      stats.skippedRows++;
      return;
    }
    const mapped = adapter.mapRow(row, file) as RowDraft<ImportKind> | readonly RowDraft<ImportKind>[] | null;
    if (row.issues.length > 0) batch.errors.push(...row.issues);
    if (row.hasErrors) {
      stats.rejectedRows++;
      return;
    }
    if (mapped === null || row.skipped) {
      stats.skippedRows++;
      return;
    }
    stats.importedRows++;
    if (!Array.isArray(mapped)) addRow(raw.sourceRow, mapped as RowDraft<ImportKind>);
    else for (const draft of mapped as readonly RowDraft<ImportKind>[]) addRow(raw.sourceRow, draft);
  };

  for await (const rawRows of rows) {
    for (const raw of rawRows) {
      const cells: CellList = options.cleanCells ? new LazilyCleanedCells(raw.cells) : raw.cells;
      if (!raw.problem && isBlankRow(cells)) continue;
      if (!raw.problem && isFooterMarkerRow(cells, anchor)) {
        stats.footerRows++;
        continue;
      }
      if (!raw.problem && anchor !== undefined && isEmptyValue(cells.at(anchor)) && held.length < MAX_HELD_ROWS) {
        held.push({ raw, cells });
        continue;
      }
      if (held.length > 0) for (const earlier of held.splice(0)) process(earlier.raw, earlier.cells);
      process(raw, cells);
      if (batch.rows.length + batch.errors.length >= options.batchSize) {
        yield batch;
        batch = { rows: [], errors: [] };
      }
    }
  }
  stats.footerRows += held.length;
  const refusal = ownAccounts?.refusal();
  if (refusal) batch.errors.push(refusal);
  if (stats.dataRows === 0) {
    batch.errors.push({ row: null, column: null, code: "NO_DATA_ROWS", params: {}, severity: "warning" });
  }
  if (batch.rows.length > 0 || batch.errors.length > 0) yield batch;
}
