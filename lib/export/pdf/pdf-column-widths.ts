// Column widths in points for the PDF table. Amounts, counts, percents and dates are never wrapped:
// each such column gets its widest value (a money column also room for its larger total). Text
// columns get enough for a short name on one line and their longest word (such as an order number,
// up to a cap), and share what is left in proportion to how much wider their text would like to be.
// When that does not fit A4's width, short names wrap first, then long words; numbers wrap only when
// they alone are wider than the page.
import type { ExportColumn } from "../export-table";
import { PAGE, PDF_CELL_SLACK, TABLE_WIDTH } from "./page-layout";
import type { Measure } from "./text-measure";
import { pieces } from "./wrap-cell";

/** A short name (a store, a rule, a header of four characters) stays on one line. */
const SHORT_TEXT = "拼多多专营店";
/** Longest single word a text column insists on (a 22-character Pinduoduo order number is ~97 pt at 8 pt). */
const MAX_WORD = 100;
/** Free text wider than this wraps rather than taking the page from the other columns. */
const MAX_TEXT_WANT = 230;
const PADDING = 2 * PAGE.cellPaddingX + PDF_CELL_SLACK + 0.5;

/** `hard`: below it something unbreakable (a number, an order number, a header word) would break. */
type Need = { numeric: boolean; min: number; hard: number; want: number };

function need(column: ExportColumn, header: string, texts: string[], regular: Measure, bold: Measure): Need {
  const numeric = column.type !== "text";
  const headerWord = Math.max(0, ...pieces(header).map((piece) => bold(piece)));
  // A header wraps between its characters, but a short one should not have to.
  let min = Math.max(Math.min(bold(header), bold("四个汉字")), headerWord);
  let hard = headerWord;
  let want = bold(header);
  for (const text of texts) {
    const width = regular(text);
    want = Math.max(want, width);
    if (numeric) min = Math.max(min, width);
    else for (const piece of pieces(text)) hard = Math.max(hard, Math.min(MAX_WORD, regular(piece)));
  }
  if (numeric) {
    // The totals row is only known at the end; it is a few digits wider than the rows at most.
    if (column.total) min += regular("0,000");
    return { numeric, min: min + PADDING, hard: min + PADDING, want: min + PADDING };
  }
  want = Math.min(want, MAX_TEXT_WANT);
  min = Math.max(min, hard, Math.min(want, regular(SHORT_TEXT)));
  return { numeric, min: min + PADDING, hard: hard + PADDING, want: Math.max(want, min) + PADDING };
}

export function pdfColumnWidths(columns: ExportColumn[], header: string[], sample: string[][], regular: Measure, bold: Measure): number[] {
  const needs = columns.map((column, i) => need(column, header[i] ?? "", sample.map((row) => row[i] ?? ""), regular, bold));
  const sum = (list: Need[], pick: (n: Need) => number) => list.reduce((total, n) => total + pick(n), 0);
  const sumMin = sum(needs, (n) => n.min);
  if (sumMin > TABLE_WIDTH) {
    // Too wide: short names wrap first (down to their longest unbreakable word), then the text
    // columns shrink alike; numbers only when they alone are wider than the page.
    const deficit = sumMin - TABLE_WIDTH;
    const soft = sum(needs, (n) => n.min - n.hard);
    if (soft >= deficit) return needs.map((n) => n.min - ((n.min - n.hard) * deficit) / soft);
    const numbers = sum(needs.filter((n) => n.numeric), (n) => n.min);
    const hardTexts = sumMin - soft - numbers;
    if (numbers < TABLE_WIDTH) return needs.map((n) => (n.numeric ? n.min : (n.hard / hardTexts) * (TABLE_WIDTH - numbers)));
    return needs.map((n) => (n.min / sumMin) * TABLE_WIDTH);
  }
  const spare = TABLE_WIDTH - sumMin;
  const flex = sum(needs, (n) => n.want - n.min);
  if (flex >= spare) return needs.map((n) => n.min + (spare * (n.want - n.min)) / flex);
  // Everything fits as wide as it wants: the rest goes to the columns in proportion to their width.
  const sumWant = sumMin + flex;
  return needs.map((n) => n.want + ((TABLE_WIDTH - sumWant) * n.want) / sumWant);
}
