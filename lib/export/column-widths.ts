// Column widths in character cells (CJK counts double), from the header and the first rows: what
// a person would drag the columns to. Long free text is capped; the rest of it wraps or is cut.
import { displayText } from "./cell-values";
import { displayWidth } from "./display-width";
import type { ExportColumn, ExportLocale, ExportRow } from "./export-table";

export const WIDTH_SAMPLE_ROWS = 500;
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;

// A totals cell is only known at the end, after the widths are written; it is wider than the rows
// by a few digits at most.
const TOTAL_MARGIN = 4;

export function columnWidths(columns: ExportColumn[], head: ExportRow[], locale: ExportLocale): number[] {
  return columns.map((column) => {
    let widest = displayWidth(column.label);
    for (const row of head) widest = Math.max(widest, displayWidth(displayText(row[column.key], column, locale)));
    if (column.total) widest += TOTAL_MARGIN;
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest));
  });
}
