// react-pdf is slow with many small nodes: one <Text> per cell laid out 1,000 rows in 5–9 s of
// CPU, and one long page it must cut itself was slower still (it lays out everything left over
// again for every page). So the writer does the layout: every cell is wrapped here with the font's
// real glyph widths, every row's height is known (lines × a fixed line height), rows are cut into
// pages, and each page's body is one <Text> per column holding its rows' lines. react-pdf then
// lays out a few dozen nodes per page, none of which it needs to wrap or split.
import type { TitleLine } from "../title-block";
import type { Measure } from "./text-measure";
import { wrapCell } from "./wrap-cell";

export const PAGE = {
  // A4 landscape, in points.
  width: 841.89,
  height: 595.28,
  paddingTop: 28,
  paddingBottom: 40,
  paddingX: 28,
  fontSize: 8,
  /** Every line of the table is this tall: rows are whole multiples of it. */
  line: 11,
  cellPaddingX: 3,
  headerPaddingY: 3,
  titleSize: 14,
  titleLine: 18,
  titleGap: 6,
  titleLabelWidth: 64,
  titleLineGap: 2,
  blockGap: 10,
};

export const TABLE_WIDTH = PAGE.width - 2 * PAGE.paddingX;
const BODY_HEIGHT = PAGE.height - PAGE.paddingTop - PAGE.paddingBottom;

/** A row as lines per cell; its height is `lines` table lines. */
export type WrappedRow = { cells: string[][]; lines: number };

export type LaidOutPage = { rows: WrappedRow[]; lines: number };

export type Layout = {
  widths: number[];
  titleLines: { label: string; lines: string[] }[];
  header: WrappedRow;
  totals: WrappedRow;
  /** The totals row's label spans the empty cells after it: its cells' column indexes and widths. */
  totalsColumns: number[];
  totalsWidths: number[];
  pages: LaidOutPage[];
};

// A little narrower than react-pdf's box (width − padding): its own measuring differs from ours by
// a fraction of a point, and a line that does not fit there is wrapped again, at a space or inside a
// number. PDF_CELL_SLACK is that margin; pdf-column-widths.ts adds it back to the columns' widths.
export const PDF_CELL_SLACK = 2;
const cellWidth = (width: number) => width - 2 * PAGE.cellPaddingX - PDF_CELL_SLACK;

export function wrapRow(cells: string[], widths: number[], measure: Measure): WrappedRow {
  const wrapped = cells.map((text, i) => wrapCell(text, cellWidth(widths[i]!), measure));
  return { cells: wrapped, lines: Math.max(1, ...wrapped.map((lines) => lines.length)) };
}

export const rowBoxHeight = (row: WrappedRow) => row.lines * PAGE.line + 2 * PAGE.headerPaddingY + 1;

export function layoutPages(options: {
  widths: number[];
  title: TitleLine[];
  header: string[];
  totals: string[];
  rows: string[][];
  regular: Measure;
  bold: Measure;
}): Layout {
  const { widths, regular, bold } = options;
  const titleLines = options.title.map((line) => ({
    label: line.label,
    lines: wrapCell(line.value, TABLE_WIDTH - PAGE.titleLabelWidth, regular),
  }));
  const titleHeight =
    PAGE.titleLine + PAGE.titleGap + titleLines.reduce((h, l) => h + l.lines.length * PAGE.line + PAGE.titleLineGap, 0) + PAGE.blockGap;
  const header = wrapRow(options.header, widths, bold);
  // "合计（10,000 行）" would wrap in a narrow date column; it takes the empty cells beside it.
  let span = 1;
  while (span < options.totals.length && options.totals[span] === "") span += 1;
  const totalsColumns = [0, ...options.totals.map((_, i) => i).slice(span)];
  const totalsWidths = [widths.slice(0, span).reduce((a, b) => a + b, 0), ...widths.slice(span)];
  const totals = wrapRow(
    totalsColumns.map((i) => options.totals[i]!),
    totalsWidths,
    bold,
  );
  const headerHeight = rowBoxHeight(header);
  // One line of slack per page for rounding in react-pdf's own layout.
  const capacity = (first: boolean) => Math.floor((BODY_HEIGHT - headerHeight - (first ? titleHeight : 0)) / PAGE.line) - 1;

  const pages: LaidOutPage[] = [];
  let current: LaidOutPage = { rows: [], lines: 0 };
  let room = capacity(true);
  for (const cells of options.rows) {
    const row = wrapRow(cells, widths, regular);
    if (current.rows.length > 0 && row.lines > room) {
      pages.push(current);
      current = { rows: [], lines: 0 };
      room = capacity(false);
    }
    current.rows.push(row);
    current.lines += row.lines;
    room -= row.lines;
  }
  pages.push(current);
  // The totals row closes the last page, or gets a page of its own when the last one is full.
  const totalsLines = Math.ceil(rowBoxHeight(totals) / PAGE.line);
  if (current.rows.length > 0 && totalsLines > room) pages.push({ rows: [], lines: 0 });
  return { widths, titleLines, header, totals, totalsColumns, totalsWidths, pages };
}
