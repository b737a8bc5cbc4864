// The import door: an uploaded file (buffer or stream) → its format, kind and header, and an async
// iterable of batches of normalised rows with their per-row errors. Nothing here throws for a bad
// file or a bad row: every problem comes back as an ImportError with a code, row and column.
// Rows are produced as batches are pulled, so a million-row CSV never sits in memory as objects.
import type { Readable } from "node:stream";
import { refuseSignsAgainstBalances } from "./balances/refuse-signs-against-balances";
import { headerSignature } from "./column-mapping/header-signature";
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, readerLimits, type ImportLimits } from "./limits";
import type { ZipBombLimits } from "./decode/check-zip-bomb";
import type { TextEncoding } from "./decode/detect-text-encoding";
import { sniffFileType } from "./decode/sniff-file-type";
import { emptyStats, normalizeRows, type ImportBatch, type ImportStats } from "./normalize/normalize-rows";
import { collectBytes, peekBytes } from "./pipeline/async-iteration";
import { openSpreadsheetTable } from "./pipeline/open-spreadsheet-table";
import { openTextTable } from "./pipeline/open-text-table";
import { failedImport, type FailedImport, type OpenedTable } from "./pipeline/opened-table";
import { errorReason, fileError } from "./pipeline/file-error";
import { planDetection, type DetectionOptions } from "./pipeline/plan-detection";
import { accountFromPreamble, type StatementAccount } from "./statement-account/statement-account";
import type { AnyFormatAdapter } from "./formats/format-adapter";
import type {
  BankTransactionRow,
  FileType,
  ImportKind,
  LocalizedLabel,
  NormalizedRow,
  OrderRow,
  RawRow,
  SettlementLineRow,
} from "./types";

export type ImportInput =
  | { fileName: string; data: Uint8Array }
  | { fileName: string; stream: Readable | AsyncIterable<Uint8Array> };

export interface ParseImportOptions extends DetectionOptions {
  /** Rows + errors per batch. Default 1000. */
  batchSize?: number;
  /** Spreadsheets must be read whole; larger ones are refused. Default 200 MiB. */
  maxSpreadsheetBytes?: number;
  zipLimits?: Partial<ZipBombLimits>;
  /** Rows, columns and line length one file may have; past them it is refused whole. */
  limits?: Partial<ImportLimits>;
}

export interface ImportFormatInfo {
  id: string;
  kind: ImportKind;
  label: LocalizedLabel;
}

interface OpenedImportBase<K extends ImportKind, Row> {
  ok: true;
  kind: K;
  format: ImportFormatInfo;
  fileType: FileType;
  encoding?: TextEncoding;
  delimiter?: string;
  sheetName?: string;
  /** sourceRow of the header row. */
  headerRow: number;
  header: string[];
  headerSignature: string;
  /** Text of the rows above the header. */
  preamble: string[];
  /** Bank and wallet files: the account the file says it is a statement of; null when it prints none. */
  statementAccount: StatementAccount | null;
  /** Filled in while `batches` is consumed; final once it is done. */
  stats: ImportStats;
  /** Iterate once. */
  batches: AsyncIterable<ImportBatch<Row>>;
}

export type OpenedImport =
  | OpenedImportBase<"bank", BankTransactionRow>
  | OpenedImportBase<"orders", OrderRow>
  | OpenedImportBase<"settlement", SettlementLineRow>;

export type { FailedImport, ImportBatch, ImportStats };

const DEFAULT_BATCH_SIZE = 1000;
const DEFAULT_MAX_SPREADSHEET_BYTES = 200 * 1024 * 1024;

/**
 * A spreadsheet that breaks mid-way ends the import with an error instead of an exception; so does
 * a limit passed mid-way, with an error that refuses the file (see isFileRefusal).
 */
async function* withReaderErrors(batches: AsyncGenerator<ImportBatch>, fileType: FileType, fileName: string): AsyncGenerator<ImportBatch> {
  try {
    yield* batches;
  } catch (error) {
    if (error instanceof ImportLimitError) {
      yield { rows: [], errors: [error.toImportError(fileName)] };
      return;
    }
    const reason = errorReason(error);
    yield { rows: [], errors: [fileError(fileType === "text" ? "READ_FAILED" : "CORRUPT_SPREADSHEET", { reason })] };
  }
}

/** The rows below the header, refused at the first one past the cap (the reader then stops). */
async function* capRows(groups: AsyncIterable<readonly RawRow[]>, maxRows: number): AsyncGenerator<readonly RawRow[]> {
  let seen = 0;
  for await (const group of groups) {
    if (seen + group.length > maxRows) {
      const passedAt = group[maxRows - seen];
      throw new ImportLimitError("TOO_MANY_ROWS", passedAt?.sourceRow ?? null, maxRows);
    }
    seen += group.length;
    yield group;
  }
}

async function openTable(input: ImportInput, options: ParseImportOptions, limits: ImportLimits): Promise<OpenedTable | FailedImport> {
  const planned = planDetection(options);
  if (!planned.ok) return failedImport(planned.errors);
  const forReaders = readerLimits(limits, planned.plan.maxScanRows);
  const source = "data" in input ? [input.data] : input.stream;
  let peeked: Awaited<ReturnType<typeof peekBytes>>;
  try {
    peeked = await peekBytes(source as AsyncIterable<Uint8Array>, 8);
  } catch (error) {
    return failedImport([fileError("READ_FAILED", { reason: errorReason(error) })]);
  }
  const { head, chunks } = peeked;
  if (head.length === 0) return failedImport([fileError("EMPTY_FILE")]);

  const sniffed = sniffFileType(head);
  if (sniffed.type === "binary") return failedImport([fileError("BINARY_FILE", { detected: sniffed.detected })]);
  if (sniffed.type === "text") return openTextTable(input.fileName, chunks, planned.plan, forReaders);

  const maxBytes = options.maxSpreadsheetBytes ?? DEFAULT_MAX_SPREADSHEET_BYTES;
  let data: Buffer | null;
  try {
    data = await collectBytes(chunks, maxBytes);
  } catch (error) {
    return failedImport([fileError("READ_FAILED", { reason: errorReason(error) })], { fileType: sniffed.type });
  }
  if (!data) return failedImport([fileError("FILE_TOO_LARGE", { maxBytes })], { fileType: sniffed.type });
  try {
    return await openSpreadsheetTable(sniffed.type, data, planned.plan, options.zipLimits ?? {}, forReaders);
  } catch (error) {
    if (error instanceof ImportLimitError) return failedImport([error.toImportError(input.fileName)], { fileType: sniffed.type });
    throw error;
  }
}

/**
 * The account the file is read for: the one it prints above its header, or — for a layout printing
 * its own account on every row, read for a chosen one — that chosen account, so that the preview
 * names it and the commit reads the same account's rows again.
 */
function fileAccount(adapter: AnyFormatAdapter, printed: StatementAccount | null, chosen: string | undefined): StatementAccount | null {
  if (!adapter.ownAccountColumn || !chosen?.trim()) return printed;
  return { ...(printed ?? {}), bank: printed?.bank ?? adapter.statementAccount?.bank, number: chosen.trim() };
}

export async function parseImportFile(
  input: ImportInput,
  options: ParseImportOptions = {},
): Promise<OpenedImport | FailedImport> {
  const limits: ImportLimits = {
    maxRows: options.limits?.maxRows ?? DEFAULT_IMPORT_LIMITS.maxRows,
    maxColumns: options.limits?.maxColumns ?? DEFAULT_IMPORT_LIMITS.maxColumns,
    maxLineChars: options.limits?.maxLineChars ?? DEFAULT_IMPORT_LIMITS.maxLineChars,
  };
  const table = await openTable(input, options, limits);
  if (!table.ok) return table;
  const { adapter } = table;
  const stats = emptyStats();
  const read = withReaderErrors(
    normalizeRows(adapter, table.header.cells, capRows(table.dataRows, limits.maxRows), {
      checkColumnCount: table.fileType === "text",
      cleanCells: table.dataCellsUncleaned,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      stats,
      preamble: table.preamble,
      statementAccount: options.statementAccount,
    }),
    table.fileType,
    input.fileName,
  );
  const batches = adapter.kind === "bank" ? refuseSignsAgainstBalances(read, input.fileName) : read;
  const opened: OpenedImportBase<ImportKind, NormalizedRow> = {
    ok: true,
    kind: adapter.kind,
    format: { id: adapter.id, kind: adapter.kind, label: adapter.label },
    fileType: table.fileType,
    encoding: table.encoding,
    delimiter: table.delimiter,
    sheetName: table.sheetName,
    headerRow: table.header.sourceRow,
    header: table.header.cells,
    headerSignature: headerSignature(table.header.cells),
    preamble: table.preamble,
    statementAccount: adapter.kind === "bank" ? fileAccount(adapter, table.statementAccount ?? accountFromPreamble(adapter.statementAccount, table.preamble), options.statementAccount) : null,
    stats,
    batches,
  };
  // The adapter's kind decides the row type of every batch; the union says so to callers.
  return opened as OpenedImport;
}
