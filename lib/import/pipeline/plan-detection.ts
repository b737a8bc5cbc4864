// Which formats a file may be, from the caller's options: a given format id, a required kind
// (the bank-statement page accepts only bank layouts), or a user's column mapping.
import { applyColumnMapping, columnMappingSchema, mappedColumnNames, type ColumnMapping } from "../column-mapping/apply-column-mapping";
import type { AnyFormatAdapter } from "../formats/format-adapter";
import { findFormat, listFormats } from "../formats/registry";
import { DEFAULT_HEADER_SCAN_ROWS, findHeaderRow, findRowWithColumns, type HeaderMatch } from "../header/find-header-row";
import { ColumnIndex } from "../normalize/column-names";
import type { ImportError, ImportKind, RawRow } from "../types";
import { fileError } from "./file-error";

export interface DetectionOptions {
  /** A format id from listFormats(), or "auto" (the default). */
  format?: string;
  kind?: ImportKind;
  columnMapping?: ColumnMapping;
  maxHeaderScanRows?: number;
  /**
   * Statement files (OFX, camt, MT940) holding several accounts: read only this account's
   * transactions. Without it such a file is refused (STATEMENT_SEVERAL_ACCOUNTS). Tables ignore it.
   */
  statementAccount?: string;
}

export interface DetectionPlan {
  adapters: readonly AnyFormatAdapter[];
  forcedFormat?: string;
  kind?: ImportKind;
  mapping?: ColumnMapping;
  maxScanRows: number;
  statementAccount?: string;
}

export function planDetection(options: DetectionOptions): { ok: true; plan: DetectionPlan } | { ok: false; errors: ImportError[] } {
  const planned = planAdapters(options);
  return planned.ok && options.statementAccount ? { ok: true, plan: { ...planned.plan, statementAccount: options.statementAccount } } : planned;
}

function planAdapters(options: DetectionOptions): { ok: true; plan: DetectionPlan } | { ok: false; errors: ImportError[] } {
  const maxScanRows = options.maxHeaderScanRows ?? DEFAULT_HEADER_SCAN_ROWS;
  if (options.columnMapping) {
    // A mapping yields fund-account or settlement rows; on a settlement page it defaults to those.
    if (options.kind === "orders") return { ok: false, errors: [fileError("MAPPING_KIND_UNSUPPORTED", { kind: options.kind })] };
    const mapping: ColumnMapping = { kind: options.kind, ...options.columnMapping };
    const parsed = columnMappingSchema.safeParse(mapping);
    if (!parsed.success) {
      return { ok: false, errors: [fileError("MAPPING_INCOMPLETE", { detail: parsed.error.issues[0]?.message ?? "" })] };
    }
    if (options.kind && parsed.data.kind !== options.kind) {
      return { ok: false, errors: [fileError("MAPPING_KIND_UNSUPPORTED", { kind: options.kind })] };
    }
    return { ok: true, plan: { adapters: [], mapping, kind: options.kind, maxScanRows } };
  }
  if (options.format && options.format !== "auto") {
    const format = findFormat(options.format);
    if (!format) return { ok: false, errors: [fileError("UNKNOWN_FORMAT_ID", { format: options.format })] };
    if (options.kind && format.kind !== options.kind) {
      return { ok: false, errors: [fileError("WRONG_KIND", { format: format.id, kind: format.kind, expectedKind: options.kind })] };
    }
    return { ok: true, plan: { adapters: [format], forcedFormat: format.id, kind: options.kind, maxScanRows } };
  }
  return { ok: true, plan: { adapters: listFormats(options.kind), kind: options.kind, maxScanRows } };
}

export function matchHeader(rows: readonly RawRow[], plan: DetectionPlan): HeaderMatch | null {
  if (!plan.mapping) return findHeaderRow(rows, plan.adapters, plan.maxScanRows);
  const names = mappedColumnNames(plan.mapping);
  const index = findRowWithColumns(rows, (cells) => {
    const columns = new ColumnIndex(cells);
    return names.every((name) => columns.has(name));
  }, plan.maxScanRows);
  const headerCells = index === null ? undefined : rows[index]?.cells;
  if (index === null || !headerCells) return null;
  const mapped = applyColumnMapping(headerCells, plan.mapping);
  return mapped.ok ? { adapter: mapped.adapter, headerIndex: index, score: 1 } : null;
}

const brokenRow = (rows: readonly RawRow[]) =>
  rows.find((row) => row.problem?.code === "UNTERMINATED_QUOTE" || row.problem?.code === "ROW_TOO_LONG");

/**
 * Whether one way of reading a file (one delimiter's trial) read it as a table: no quote that
 * swallows the rest and more than one column somewhere. A trial with a delimiter the file does not
 * use can trip on a quote its own delimiter reads fine (a comma file's quoted cell holding a TAB);
 * that trial's error is never the file's while another trial read the file.
 */
export function readAsTable(rows: readonly RawRow[]): boolean {
  return !brokenRow(rows) && rows.some((row) => row.cells.length > 1);
}

/** Why no header was found, as specific as the rows allow. One row set per way of reading the file. */
export function explainNoHeader(rowSets: ReadonlyArray<readonly RawRow[]>, plan: DetectionPlan): ImportError[] {
  if (plan.kind) {
    for (const rows of rowSets) {
      const other = findHeaderRow(rows, listFormats(), plan.maxScanRows);
      if (other && other.adapter.kind !== plan.kind) {
        return [fileError("WRONG_KIND", { format: other.adapter.id, kind: other.adapter.kind, expectedKind: plan.kind })];
      }
    }
  }
  // A broken quote is the file's problem only when no way of reading it got past the quote.
  if (!rowSets.some(readAsTable)) {
    for (const rows of rowSets) {
      const broken = brokenRow(rows);
      if (broken?.problem) {
        return [{ row: broken.sourceRow, column: null, code: broken.problem.code, params: {}, severity: "error" }];
      }
    }
  }
  if (plan.mapping) {
    const seen = rowSets.flatMap((rows) => rows.slice(0, plan.maxScanRows).map((row) => new ColumnIndex(row.cells)));
    const missing = mappedColumnNames(plan.mapping).filter((name) => !seen.some((columns) => columns.has(name)));
    if (missing.length > 0) {
      return missing.map((name) => ({ row: null, column: name, code: "MAPPING_COLUMN_MISSING" as const, params: {}, severity: "error" as const }));
    }
  }
  if (plan.forcedFormat) return [fileError("HEADER_NOT_FOUND", { format: plan.forcedFormat })];
  return [fileError("UNKNOWN_FORMAT", { scannedRows: plan.maxScanRows })];
}
