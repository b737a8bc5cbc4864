// Exports put a preamble above the table (account, period, totals, notices), so the header is not
// row 1. We look at the first rows for the one that best matches a known format's columns; the rows
// above it are the preamble, kept as text because it often names the source ("#支付宝账务明细查询").
import type { AnyFormatAdapter } from "../formats/format-adapter";
import type { RawRow } from "../types";

export const DEFAULT_HEADER_SCAN_ROWS = 60;
/** Below this a match is noise; specific formats score ≥ 0.6, the generic bank layout ≤ 0.45. */
const MIN_SCORE = 0.3;

export interface HeaderMatch {
  adapter: AnyFormatAdapter;
  /** Index into the rows given. */
  headerIndex: number;
  score: number;
}

export function rowText(row: RawRow): string {
  return row.cells.filter((cell) => cell !== "").join(" ");
}

export function findHeaderRow(
  rows: readonly RawRow[],
  adapters: readonly AnyFormatAdapter[],
  maxScanRows = DEFAULT_HEADER_SCAN_ROWS,
): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const preamble: string[] = [];
  const limit = Math.min(rows.length, maxScanRows);
  for (let index = 0; index < limit; index++) {
    const row = rows[index];
    if (!row) break;
    const nonEmpty = row.cells.filter((cell) => cell !== "").length;
    if (nonEmpty >= 2 && !row.problem) {
      for (const adapter of adapters) {
        const score = adapter.detect(row.cells, preamble);
        if (score >= MIN_SCORE && (!best || score > best.score)) best = { adapter, headerIndex: index, score };
      }
    }
    preamble.push(rowText(row));
  }
  return best;
}

/** For a column mapping: the first row that holds every mapped column name. */
export function findRowWithColumns(
  rows: readonly RawRow[],
  holdsAll: (cells: readonly string[]) => boolean,
  maxScanRows = DEFAULT_HEADER_SCAN_ROWS,
): number | null {
  const limit = Math.min(rows.length, maxScanRows);
  for (let index = 0; index < limit; index++) {
    const row = rows[index];
    if (row && !row.problem && holdsAll(row.cells)) return index;
  }
  return null;
}
