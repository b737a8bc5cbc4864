// Bounds on the work one file may cause, whatever its byte size or compression ratio: a few MB of
// repeated rows can hold ten million of them, and one 2 MB line a million cells. Readers stop at the
// first row, cell or line past a bound, and the whole file is refused (nothing is stored), because
// storing the first two million rows of a bigger export would silently leave a month half-imported.
import type { ImportError, ImportErrorCode } from "./types";

export interface ImportLimits {
  /** Rows below the header (blank and footer rows included: reading them is work too). */
  maxRows: number;
  /** Cells of any one row. */
  maxColumns: number;
  /** Characters of one CSV/TSV row, so no single row is split into a million cells. */
  maxLineChars: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxRows: 2_000_000,
  maxColumns: 500,
  // Real exports' rows are a few hundred characters; 256 Ki leaves room for long memo cells and
  // bounds what papaparse does with one hostile row (≈ 0.3 s).
  maxLineChars: 256 * 1024,
};

/** What the readers of this module need of the limits (the sheet readers know nothing of headers). */
export interface ReaderLimits {
  /** The data-row cap, named in a refusal. */
  maxRows: number;
  maxColumns: number;
  /** Rows a sheet may hold: the data-row cap plus the rows above a header. */
  maxSheetRows: number;
  maxLineChars: number;
}

export function readerLimits(limits: ImportLimits, maxHeaderScanRows: number): ReaderLimits {
  return { maxRows: limits.maxRows, maxColumns: limits.maxColumns, maxSheetRows: limits.maxRows + maxHeaderScanRows + 1, maxLineChars: limits.maxLineChars };
}

type LimitCode = "TOO_MANY_ROWS" | "TOO_MANY_COLUMNS" | "LINE_TOO_LONG";

/** Thrown by a reader at the first row past a limit; the pipeline turns it into the file's error. */
export class ImportLimitError extends Error {
  constructor(
    readonly code: LimitCode,
    /** sourceRow where the limit was passed; null when a declared size gave it away before any row. */
    readonly row: number | null,
    readonly limit: number,
  ) {
    super(`${code} (limit ${limit}${row === null ? "" : `, row ${row}`})`);
  }

  toImportError(fileName: string): ImportError {
    return { row: this.row, column: null, code: this.code, params: { limit: this.limit, fileName }, severity: "error" };
  }
}

const REFUSING_CODES: ReadonlySet<string> = new Set<ImportErrorCode>(["TOO_MANY_ROWS", "TOO_MANY_COLUMNS", "LINE_TOO_LONG", "SIGN_CONTRADICTS_BALANCE", "STATEMENT_SEVERAL_ACCOUNTS"]);

/**
 * An error that refuses the whole file, even when it comes after rows were read: store nothing.
 * A limit passed, signs its own balances contradict (balances/refuse-signs-against-balances.ts), or
 * rows of several own accounts (normalize/own-accounts.ts).
 */
export function isFileRefusal(error: ImportError): boolean {
  return REFUSING_CODES.has(error.code);
}
