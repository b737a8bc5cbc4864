// CSV/TSV rows from a stream of text, never holding more than the current unfinished row.
// papaparse's core Parser does the quoting rules; this file feeds it chunk by chunk and counts the
// line breaks each row spans, so every row knows the line of the uploaded file it starts on — also
// when a quoted cell holds line breaks or the file has a 24-line preamble.
import Papa from "papaparse";
import { DEFAULT_IMPORT_LIMITS, ImportLimitError } from "../limits";
import type { RawRow } from "../types";
import { cleanCell } from "./clean-cell";
import { findOversizedRecord } from "./oversized-record";

export interface DelimitedReadOptions {
  delimiter: string;
  /**
   * False when the text is only the beginning of the file (header detection): the last, possibly
   * cut-off row is then not emitted.
   */
  inputIsComplete?: boolean;
  /** A row longer than this means broken quoting swallowed the file; stop instead of buffering it. */
  maxRowChars?: number;
  /**
   * False: cells come as read, and the caller cleans the ones it uses (see clean-cell). Default true.
   * The row pipeline reads about ten cells of a sixty-column export, so it cleans lazily.
   */
  cleanCells?: boolean;
  /** A row with more cells refuses the file (ImportLimitError). Default DEFAULT_IMPORT_LIMITS. */
  maxColumns?: number;
  /** A complete row longer than this refuses the file (ImportLimitError). Default DEFAULT_IMPORT_LIMITS. */
  maxLineChars?: number;
}

const DEFAULT_MAX_ROW_CHARS = 4 * 1024 * 1024;

interface StepResult {
  data: string[][];
  errors: Array<{ code: string }>;
  meta: { cursor: number };
}

/** Line breaks in text[start, end), without copying the slice. */
function countLineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", start); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function quotingProblem(result: StepResult, cells: readonly string[]): RawRow["problem"] {
  if (result.errors.length === 0) return undefined;
  if (result.errors.some((e) => e.code === "MissingQuotes")) {
    return { code: "UNTERMINATED_QUOTE", cellIndex: Math.max(0, cells.length - 1) };
  }
  if (result.errors.some((e) => e.code === "InvalidQuotes")) {
    return { code: "INVALID_QUOTES", cellIndex: Math.max(0, cells.findIndex((c) => c.includes('"'))) };
  }
  return undefined;
}

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Text → rows for one delimiter; keeps the line count across calls.
 *
 * papaparse treats a cell as quoted only when it starts with a quote. A line in which no cell does
 * (nothing starts with `"`, no delimiter is followed by `"`) is therefore one row whose cells are the
 * line split at the delimiter — and that is most lines of most exports (Excel's ="…" guard does not
 * start with a quote). Those lines are split directly; from the first line that may hold a quoted
 * cell, papaparse reads the rest of the text.
 */
class RowParser {
  /** Rows parsed so far and not yet taken. */
  rows: RawRow[] = [];
  private line = 1;
  private readonly delimiter: string;
  private readonly papa: InstanceType<typeof Papa.Parser>;
  // The text papaparse is parsing and where its current row starts, to count the lines rows span.
  private papaText = "";
  private papaRowStart = 0;
  private readonly cleanCells: boolean;
  private readonly maxColumns: number;
  private readonly maxLineChars: number;

  constructor(delimiter: string, cleanCells: boolean, maxColumns: number, maxLineChars: number) {
    this.delimiter = delimiter;
    this.cleanCells = cleanCells;
    this.maxColumns = maxColumns;
    this.maxLineChars = maxLineChars;
    this.papa = new Papa.Parser({
      delimiter,
      newline: "\n",
      quoteChar: '"',
      step: (result: StepResult) => this.onPapaRow(result),
    });
  }

  /**
   * Parses the complete rows of the text (all of it when isLast) and returns the rest: the start of a
   * row still to come.
   */
  parse(text: string, isLast: boolean): string {
    const simpleEnd = this.splitSimpleLines(text);
    if (simpleEnd === text.length) return "";
    // papaparse ends rows at "\n" only; a CRLF inside a quoted cell becomes "\n" as well.
    const rest = simpleEnd === 0 ? text : text.slice(simpleEnd);
    this.papaText = rest.includes("\r\n") ? rest.split("\r\n").join("\n") : rest;
    this.papaRowStart = 0;
    const oversized =
      this.papaText.length > SCAN_FIRST_ABOVE_CHARS ? findOversizedRecord(this.papaText, this.delimiter, this.maxColumns, this.maxLineChars) : null;
    if (oversized) {
      const line = this.line + countLineBreaks(this.papaText, 0, oversized.start);
      throw new ImportLimitError(oversized.code, line, oversized.code === "TOO_MANY_COLUMNS" ? this.maxColumns : this.maxLineChars);
    }
    this.papa.parse(this.papaText, 0, !isLast);
    return isLast ? "" : this.papaText.slice(this.papaRowStart);
  }

  /**
   * Where the first cell that starts with a quote begins, at or after `from`: a quote at the start
   * of the text or of a line, or right after a delimiter. -1 when there is none. Quotes elsewhere
   * (="…" guards, a quote inside a cell) do not count. Hopping from quote to quote is much cheaper
   * than searching for delimiter + quote, as delimiters are everywhere.
   */
  private quotedCellAt(text: string, from: number): number {
    for (let quote = text.indexOf('"', from); quote !== -1; quote = text.indexOf('"', quote + 1)) {
      if (quote === 0 || text.charCodeAt(quote - 1) === LINE_FEED || text.startsWith(this.delimiter, quote - this.delimiter.length)) {
        return quote;
      }
    }
    return -1;
  }

  /** Splits the complete lines at the start of the text that cannot hold a quoted cell; returns where it stopped. */
  private splitSimpleLines(text: string): number {
    const quotedCell = this.quotedCellAt(text, 0);
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      if (end === -1 || (quotedCell !== -1 && quotedCell < end)) return start;
      const lineEnd = end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
      // Checked before splitting, so a hostile line costs one split of at most maxLineChars.
      if (lineEnd - start > this.maxLineChars) throw new ImportLimitError("LINE_TOO_LONG", this.line, this.maxLineChars);
      const cells = text.slice(start, lineEnd).split(this.delimiter);
      if (cells.length > this.maxColumns) throw new ImportLimitError("TOO_MANY_COLUMNS", this.line, this.maxColumns);
      this.cleanInPlace(cells);
      this.rows.push({ sourceRow: this.line, cells });
      this.line++;
      start = end + 1;
    }
  }

  private onPapaRow(result: StepResult): void {
    const cells = result.data[0] ?? [];
    const end = result.meta.cursor;
    const sourceRow = this.line;
    // The exact checks (findOversizedRecord only runs on long texts, and never counts more cells).
    if (cells.length > this.maxColumns) throw new ImportLimitError("TOO_MANY_COLUMNS", sourceRow, this.maxColumns);
    if (end - this.papaRowStart > this.maxLineChars) throw new ImportLimitError("LINE_TOO_LONG", sourceRow, this.maxLineChars);
    this.line += countLineBreaks(this.papaText, this.papaRowStart, end);
    this.papaRowStart = end;
    const problem = quotingProblem(result, cells);
    this.cleanInPlace(cells);
    this.rows.push(problem ? { sourceRow, cells, problem } : { sourceRow, cells });
  }

  /** Each row's cell array is its own, so it is cleaned in place. */
  private cleanInPlace(cells: string[]): void {
    if (!this.cleanCells) return;
    for (let i = 0; i < cells.length; i++) cells[i] = cleanCell(cells[i] as string);
  }
}

// Text is parsed this many characters at a time (cut after a line break), and the rows of each piece
// handed on before the next is parsed. Parsing a whole 1 MiB chunk at once would keep thousands of
// rows of 60 cells alive together, and the garbage collector would copy them all at every scavenge.
const PIECE_CHARS = 64 * 1024;

// papaparse is handed one piece at a time, plus the start of a row left over. A longer text holds a
// long row, which papaparse would split whole before its step callback could refuse it: such a text
// is measured first. Shorter ones cost papaparse a millisecond, so only the row checks run.
const SCAN_FIRST_ABOVE_CHARS = 2 * PIECE_CHARS;

/** The chunk in pieces of about PIECE_CHARS, each ending with a line break where there is one. */
function* piecesOf(chunk: string): Generator<string> {
  let start = 0;
  while (chunk.length - start > PIECE_CHARS) {
    const lineEnd = chunk.indexOf("\n", start + PIECE_CHARS);
    if (lineEnd === -1) break;
    yield chunk.slice(start, lineEnd + 1);
    start = lineEnd + 1;
  }
  if (start < chunk.length) yield start === 0 ? chunk : chunk.slice(start);
}

/**
 * Rows in batches: the rows that end in one piece of text come out together, so a consumer awaits
 * once per few hundred rows instead of once per row. Expects text from normalize-newlines: lines
 * end in "\n" or "\r\n", never in a lone "\r". How the text is cut into chunks does not change the rows.
 */
export async function* readDelimitedRowBatches(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: DelimitedReadOptions,
): AsyncGenerator<RawRow[]> {
  const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
  const parser = new RowParser(
    options.delimiter,
    options.cleanCells ?? true,
    options.maxColumns ?? DEFAULT_IMPORT_LIMITS.maxColumns,
    options.maxLineChars ?? DEFAULT_IMPORT_LIMITS.maxLineChars,
  );
  let pending = "";

  const parsePending = (isLast: boolean) => {
    pending = parser.parse(pending, isLast);
  };
  const takeRows = () => {
    const rows = parser.rows;
    parser.rows = [];
    return rows;
  };

  for await (const chunk of chunks) {
    for (const piece of piecesOf(chunk)) {
      pending += piece;
      parsePending(false);
      if (parser.rows.length > 0) yield takeRows();
    }
    if (pending.length > maxRowChars) {
      // No row ended within the limit: parse what we have as the end of the file, so an unterminated
      // quote is reported at the line where it opened, and stop reading.
      parsePending(true);
      const rows = takeRows();
      const broken = rows[0];
      if (broken && !broken.problem) broken.problem = { code: "ROW_TOO_LONG", cellIndex: 0 };
      yield rows;
      return;
    }
  }
  if (options.inputIsComplete !== false && pending.length > 0) parsePending(true);
  const rows = takeRows();
  if (rows.length > 0) yield rows;
}

/** One row at a time; see readDelimitedRowBatches. */
export async function* readDelimitedRows(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: DelimitedReadOptions,
): AsyncGenerator<RawRow> {
  for await (const rows of readDelimitedRowBatches(chunks, options)) yield* rows;
}
