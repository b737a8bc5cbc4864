// Column widths in points for the PDF table. Amounts, counts, percents and dates are never wrapped:
// each such column gets at least its widest value (a money column also room for its larger total).
// Text columns get at least their widest unbreakable piece (a long order number, capped) and share
// what is left in proportion to how much wider their text would like to be. Only when even the
// minimums do not fit A4's width are they scaled down together (then numbers wrap as a last resort).
import type { ExportColumn } from "../export-table";
import { PAGE, TABLE_WIDTH } from "./page-layout";
import type { Measure } from "./text-measure";
import { pieces } from "./wrap-cell";

/** Longest piece of text a column insists on (a 20-digit order number is ~90 pt at 8 pt). */
const MAX_TEXT_MIN = 110;
/** Free text wider than this wraps rather than taking the page from the other columns. */
const MAX_TEXT_WANT = 230;
const PADDING = 2 * PAGE.cellPaddingX + 1;

export function pdfColumnWidths(columns: ExportColumn[], header: string[], sample: string[][], regular: Measure, bold: Measure): number[] {
  const needs = columns.map((column, i) => {
    const numeric = column.type !== "text";
    let min = Math.max(0, ...pieces(header[i] ?? "").map((piece) => bold(piece)));
    let want = bold(header[i] ?? "");
    for (const row of sample) {
      const text = row[i] ?? "";
      const width = regular(text);
      want = Math.max(want, width);
      if (numeric) min = Math.max(min, width);
      else for (const piece of pieces(text)) min = Math.max(min, Math.min(MAX_TEXT_MIN, regular(piece)));
    }
    // The totals row is only known at the end; it is a few digits wider than the rows at most.
    if (column.total) min += regular("0,000");
    want = Math.max(min, numeric ? min : Math.min(want, MAX_TEXT_WANT));
    return { min: min + PADDING, want: want + PADDING };
  });
  const sumMin = needs.reduce((sum, need) => sum + need.min, 0);
  if (sumMin >= TABLE_WIDTH) return needs.map((need) => (need.min / sumMin) * TABLE_WIDTH);
  const spare = TABLE_WIDTH - sumMin;
  const flex = needs.reduce((sum, need) => sum + (need.want - need.min), 0);
  if (flex >= spare) return needs.map((need) => need.min + (spare * (need.want - need.min)) / flex);
  // Everything fits as wide as it wants: the rest goes to the columns in proportion to their width.
  const sumWant = sumMin + flex;
  return needs.map((need) => need.want + ((TABLE_WIDTH - sumWant) * need.want) / sumWant);
}
