// The PDF writer. react-pdf lays out the whole document in memory before it writes a byte, so a
// PDF has a row limit (DEFAULT_PDF_MAX_ROWS): above it the export stops at once with an error that
// says how many rows the filters give and suggests Excel, which has no such limit.
import fs from "node:fs/promises";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { renderToStream } from "@react-pdf/renderer";
import { AppError } from "@/lib/errors";
import { formatMinor, type MoneyLocale } from "@/lib/money";
import { displayText } from "./cell-values";
import { WIDTH_SAMPLE_ROWS } from "./column-widths";
import { pdfColumnWidths } from "./pdf/pdf-column-widths";
import { exportLabels } from "./export-labels";
import type { ExportLocale, ExportTable } from "./export-table";
import { registerCjkFont } from "./pdf/cjk-font";
import { layoutPages, PAGE } from "./pdf/page-layout";
import { TableDocument } from "./pdf/table-document";
import { loadMeasure } from "./pdf/text-measure";
import { RunningTotals } from "./running-totals";
import { titleLines } from "./title-block";

/** About 220 A4 landscape pages of one-line rows (10,000 measured: 223). */
export const DEFAULT_PDF_MAX_ROWS = 10_000;
const ROWS_PER_PAGE = 45;

export type PdfOptions = { locale?: ExportLocale; maxRows?: number };
export type PdfResult = { rows: number; totals: Record<string, bigint> };

function tooManyRows(maxRows: number): AppError {
  return new AppError("INVALID", {
    messageKey: "exportPdfTooManyRows",
    params: { limit: maxRows, pages: Math.ceil(maxRows / ROWS_PER_PAGE) },
  });
}

/** For a page that knows its row count: refuse before queuing an export that would fail. */
export function checkPdfRowCount(rows: number, maxRows = DEFAULT_PDF_MAX_ROWS): void {
  if (rows > maxRows) throw tooManyRows(maxRows);
}

export async function writePdf(table: ExportTable, output: string | Writable, options: PdfOptions = {}): Promise<PdfResult> {
  const locale = options.locale ?? "zh-CN";
  const maxRows = options.maxRows ?? DEFAULT_PDF_MAX_ROWS;
  const t = exportLabels(locale);
  const columns = table.columns.filter((column) => column.pdf !== false || column.total);
  registerCjkFont();

  const totals = new RunningTotals(columns);
  const rows: string[][] = [];
  let count = 0;
  for await (const row of table.rows) {
    count += 1;
    if (count > maxRows) throw tooManyRows(maxRows);
    rows.push(columns.map((column) => displayText(row[column.key], column, locale)));
    totals.add(row);
  }
  totals.check(table.expectedTotals);

  const totalsCells = columns.map((column, i) => {
    const value = totals.get(column.key);
    if (value === undefined) return i === 0 ? t("totalsRow", { count }) : "";
    return column.type === "money" ? formatMinor(value, column.currency ?? "CNY", locale as MoneyLocale) : value.toLocaleString("en-US");
  });
  const [regular, bold] = await Promise.all([loadMeasure(400, PAGE.fontSize), loadMeasure(700, PAGE.fontSize)]);
  const widths = pdfColumnWidths(columns, columns.map((column) => column.label), rows.slice(0, WIDTH_SAMPLE_ROWS), regular, bold);
  const layout = layoutPages({
    widths,
    title: titleLines(table, t),
    header: columns.map((c) => c.label),
    totals: totalsCells,
    rows,
    regular,
    bold,
  });
  const document = (
    <TableDocument title={table.title} company={table.company} columns={columns} layout={layout} author={table.generatedBy} t={t} />
  );
  const stream = await renderToStream(document);
  if (typeof output !== "string") {
    await pipeline(stream, output);
  } else {
    const partial = `${output}.partial`;
    try {
      const handle = await fs.open(partial, "w");
      await pipeline(stream, handle.createWriteStream());
      await fs.rename(partial, output);
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw error;
    }
  }
  return { rows: count, totals: Object.fromEntries(totals.columns.map((c) => [c.key, totals.get(c.key)!])) };
}
