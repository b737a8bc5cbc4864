// Text uploads (CSV, TSV): decode, read the beginning, try each delimiter, keep the reading whose
// header matches a format best, then stream the whole file with that delimiter.
import { detectUnsupportedTextFormat } from "../decode/sniff-file-type";
import { decodeTextStream, TextDecodeError } from "../decode/decode-text-stream";
import type { TextEncoding } from "../decode/detect-text-encoding";
import { normalizeNewlines } from "../decode/normalize-newlines";
import { rowText, type HeaderMatch } from "../header/find-header-row";
import { cleanCell } from "../read-table/clean-cell";
import { readDelimitedRowBatches, readDelimitedRows } from "../read-table/read-delimited-rows";
import type { RawRow } from "../types";
import { continueWith, takeFromGroups, takeRows } from "./async-iteration";
import { failedImport, PREVIEW_ROWS, type FailedImport, type OpenedTable } from "./opened-table";
import { errorReason, fileError } from "./file-error";
import { explainNoHeader, matchHeader, readAsTable, type DetectionPlan } from "./plan-detection";
import { detectStatementFormat } from "../statements/parse-statement";
import { ImportLimitError, type ReaderLimits } from "../limits";
import { MAX_STATEMENT_CHARS, openStatementTable } from "./open-statement-table";

// Enough text for the header scan: the scan rows, or this many characters, whichever comes first.
const MAX_PREVIEW_CHARS = 1024 * 1024;

function delimiterCandidates(fileName: string): string[] {
  return /\.(tsv|txt|tab)$/i.test(fileName) ? ["\t", ",", ";"] : [",", "\t", ";"];
}

function withCleanCells(row: RawRow): RawRow {
  return { ...row, cells: row.cells.map(cleanCell) };
}

/** For the mapping screen when nothing matched: the reading with the most multi-column rows. */
function mostTabular(rowSets: RawRow[][]): RawRow[] {
  const score = (rows: RawRow[]) => rows.filter((row) => row.cells.length > 1).length;
  return rowSets.reduce((best, rows) => (score(rows) > score(best) ? rows : best), rowSets[0] ?? []);
}

export async function openTextTable(
  fileName: string,
  bytes: AsyncIterable<Uint8Array>,
  plan: DetectionPlan,
  limits: ReaderLimits,
): Promise<OpenedTable | FailedImport> {
  let encoding: TextEncoding | undefined;
  const text = normalizeNewlines(decodeTextStream(bytes, (detected) => (encoding = detected)));
  const iterator = text[Symbol.asyncIterator]();

  let preview = "";
  let lines = 0;
  let complete = false;
  try {
    while (preview.length < MAX_PREVIEW_CHARS && lines <= plan.maxScanRows) {
      const next = await iterator.next();
      if (next.done) {
        complete = true;
        break;
      }
      preview += next.value;
      lines += next.value.split("\n").length - 1;
    }
  } catch (error) {
    if (error instanceof TextDecodeError) return failedImport([fileError(error.code)], { fileType: "text" });
    return failedImport([fileError("READ_FAILED", { reason: errorReason(error) })], { fileType: "text" });
  }
  // Every early return below leaves the rest of the upload unread: close it.
  const fail = async (...args: Parameters<typeof failedImport>) => {
    if (!complete) await iterator.return?.(undefined);
    return failedImport(...args);
  };
  if (preview.trim() === "") return fail([fileError("EMPTY_FILE")], { fileType: "text", encoding });
  const statement = detectStatementFormat(preview);
  if (statement) {
    // Not a table: read it whole (within a cap) and parse it.
    let whole = preview;
    try {
      while (!complete) {
        const next = await iterator.next();
        if (next.done) complete = true;
        else whole += next.value;
        if (whole.length > MAX_STATEMENT_CHARS) {
          return fail([fileError("FILE_TOO_LARGE", { maxBytes: MAX_STATEMENT_CHARS })], { fileType: "text", encoding });
        }
      }
    } catch (error) {
      if (error instanceof TextDecodeError) return failedImport([fileError(error.code)], { fileType: "text", encoding });
      return failedImport([fileError("READ_FAILED", { reason: errorReason(error) })], { fileType: "text", encoding });
    }
    return openStatementTable(statement, whole, plan, encoding);
  }
  const unsupported = detectUnsupportedTextFormat(preview);
  if (unsupported) return fail([fileError("UNSUPPORTED_FILE_TYPE", { format: unsupported })], { fileType: "text", encoding });

  const readings: RawRow[][] = [];
  let best: { delimiter: string; match: HeaderMatch } | null = null;
  // Read with a delimiter it does not use, a file may look too wide: that only rules the delimiter out.
  let overLimit: ImportLimitError | undefined;
  const rowLimits = { maxColumns: limits.maxColumns, maxLineChars: limits.maxLineChars };
  for (const delimiter of delimiterCandidates(fileName)) {
    let rows: RawRow[];
    try {
      rows = await takeRows(readDelimitedRows([preview], { delimiter, inputIsComplete: complete, ...rowLimits }), plan.maxScanRows + 1);
    } catch (error) {
      if (!(error instanceof ImportLimitError)) throw error;
      overLimit ??= error;
      continue;
    }
    readings.push(rows);
    const match = matchHeader(rows, plan);
    if (match && (!best || match.score > best.match.score)) best = { delimiter, match };
  }
  if (!best) {
    // Too wide for one delimiter's trial is the file's error only when no other trial read the file.
    if (overLimit && !readings.some(readAsTable)) return fail([overLimit.toImportError(fileName)], { fileType: "text", encoding });
    return fail(explainNoHeader(readings, plan), {
      fileType: "text",
      encoding,
      previewRows: mostTabular(readings).slice(0, PREVIEW_ROWS).map((row) => row.cells),
    });
  }

  async function* wholeText(): AsyncGenerator<string> {
    try {
      yield preview;
      yield* { [Symbol.asyncIterator]: () => iterator };
    } finally {
      // Also when the consumer leaves while still inside the preview.
      await iterator.return?.(undefined);
    }
  }
  // Data cells stay uncleaned here: the row pipeline cleans only the cells an adapter reads.
  const batches = readDelimitedRowBatches(wholeText(), { delimiter: best.delimiter, cleanCells: false, ...rowLimits })[Symbol.asyncIterator]();
  let taken: RawRow[];
  let rest: RawRow[];
  try {
    ({ taken, rest } = await takeFromGroups(batches, best.match.headerIndex + 1));
  } catch (error) {
    // The first rows read past the preview's scan can already be too wide.
    if (error instanceof ImportLimitError) return fail([error.toImportError(fileName)], { fileType: "text", encoding });
    throw error;
  }
  const upToHeader = taken.map(withCleanCells);
  const header = upToHeader[best.match.headerIndex];
  if (!header) return fail([fileError("UNKNOWN_FORMAT", {})], { fileType: "text", encoding });
  return {
    ok: true,
    adapter: best.match.adapter,
    header,
    preamble: upToHeader.slice(0, best.match.headerIndex).map(rowText),
    dataRows: continueWith(rest.length > 0 ? [rest] : [], batches),
    dataCellsUncleaned: true,
    fileType: "text",
    encoding,
    delimiter: best.delimiter,
  };
}
