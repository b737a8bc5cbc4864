// What the text and spreadsheet openers hand to the row pipeline once the header is found.
import type { AnyFormatAdapter } from "../formats/format-adapter";
import type { TextEncoding } from "../decode/detect-text-encoding";
import type { StatementAccount } from "../statement-account/statement-account";
import type { FileType, ImportError, RawRow } from "../types";

export interface OpenedTable {
  ok: true;
  adapter: AnyFormatAdapter;
  header: RawRow;
  preamble: string[];
  /** Set by openers whose format carries its account outside the preamble (OFX, camt.053, MT940). */
  statementAccount?: StatementAccount | null;
  /** The rows below the header, in groups (one await per group, not per row). */
  dataRows: AsyncIterable<readonly RawRow[]>;
  /** True when dataRows' cells are as read: the row pipeline cleans each cell it reads (see clean-cell). */
  dataCellsUncleaned: boolean;
  fileType: FileType;
  encoding?: TextEncoding;
  delimiter?: string;
  sheetName?: string;
}

export interface FailedImport {
  ok: false;
  errors: ImportError[];
  fileType?: FileType;
  encoding?: TextEncoding;
  /** The first rows as read (up to 20), so a UI can offer a column mapping for an unknown layout. */
  previewRows: string[][];
}

export function failedImport(errors: ImportError[], extra: Partial<Omit<FailedImport, "ok" | "errors">> = {}): FailedImport {
  return { ok: false, errors, previewRows: [], ...extra };
}

export const PREVIEW_ROWS = 20;
