// CSV/TSV rows from a stream of text, never holding more than the current unfinished row.
// papaparse's core Parser does the quoting rules; this file feeds it chunk by chunk and counts the
// line breaks each row spans, so every row knows the line of the uploaded file it starts on — also
// when a quoted cell holds line breaks or the file has a 24-line preamble.
import Papa from "papaparse";
import type { RawRow } from "../types";
import { cleanCell } from "./clean-cell";

export interface DelimitedReadOptions {
  delimiter: string;
  /**
   * False when the text is only the beginning of the file (header detection): the last, possibly
   * cut-off row is then not emitted.
   */
  inputIsComplete?: boolean;
  /** A row longer than this means broken quoting swallowed the file; stop instead of buffering it. */
  maxRowChars?: number;
}

const DEFAULT_MAX_ROW_CHARS = 4 * 1024 * 1024;

interface StepResult {
  data: string[][];
  errors: Array<{ code: string }>;
  meta: { cursor: number };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** Expects "\n" line endings (see normalize-newlines). */
export async function* readDelimitedRows(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: DelimitedReadOptions,
): AsyncGenerator<RawRow> {
  const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
  let pending = "";
  let rowStart = 0;
  let line = 1;
  let out: RawRow[] = [];

  const parser = new Papa.Parser({
    delimiter: options.delimiter,
    newline: "\n",
    quoteChar: '"',
    step: (result: StepResult) => {
      const cells = result.data[0] ?? [];
      const end = result.meta.cursor;
      const sourceRow = line;
      line += countLineBreaks(pending.slice(rowStart, end));
      rowStart = end;
      const row: RawRow = { sourceRow, cells: cells.map(cleanCell) };
      if (result.errors.some((e) => e.code === "MissingQuotes")) {
        row.problem = { code: "UNTERMINATED_QUOTE", cellIndex: Math.max(0, cells.length - 1) };
      } else if (result.errors.some((e) => e.code === "InvalidQuotes")) {
        row.problem = { code: "INVALID_QUOTES", cellIndex: Math.max(0, cells.findIndex((c) => c.includes('"'))) };
      }
      out.push(row);
    },
  });

  const parsePending = (isLast: boolean) => {
    rowStart = 0;
    parser.parse(pending, 0, !isLast);
    pending = isLast ? "" : pending.slice(rowStart);
  };

  for await (const chunk of chunks) {
    pending += chunk;
    parsePending(false);
    if (pending.length > maxRowChars) {
      // No row ended within the limit: parse what we have as the end of the file, so an unterminated
      // quote is reported at the line where it opened, and stop reading.
      const rowsBefore = out.length;
      parsePending(true);
      const broken = out[rowsBefore];
      if (broken && !broken.problem) broken.problem = { code: "ROW_TOO_LONG", cellIndex: 0 };
      yield* out;
      return;
    }
    if (out.length > 0) {
      yield* out;
      out = [];
    }
  }
  if (options.inputIsComplete !== false && pending.length > 0) parsePending(true);
  yield* out;
}
