// One description of a table to export, shared by every writer (XLSX, PDF). A page builds it from
// the rows its filters show; the writers decide nothing about the data, only how it looks.

export type ColumnType = "text" | "money" | "integer" | "percent" | "date";

export type ExportColumn = {
  /** Key of the value in each row. */
  key: string;
  /** Header text, already in the reader's language. */
  label: string;
  type: ColumnType;
  /** money: ISO 4217 code of the amounts (default CNY); decides the symbol and the decimals. */
  currency?: string;
  /** date: also show hours, minutes and seconds. */
  withTime?: boolean;
  /** money and integer: add this column up into the totals row. */
  total?: boolean;
  /**
   * false: left out of the PDF, where A4's width is short (a time stamp beside a dozen other
   * columns); the workbook has every column. Not for a `total` column.
   */
  pdf?: false;
};

/**
 * A row's values by column key. text: string; money: integer minor units (bigint); integer: bigint
 * or a safe integer; percent: a ratio (0.125 = 12.5 %); date: a Date whose UTC fields are the
 * wall-clock date and time to show (how PostgreSQL `date` and `timestamp` columns arrive), or the
 * text "YYYY-MM-DD" / "YYYY-MM-DD HH:mm[:ss]". null or undefined: an empty cell.
 */
export type ExportValue = string | number | bigint | Date | null | undefined;
export type ExportRow = Record<string, ExportValue>;

export type ExportFilter = { label: string; value: string };

export type ExportTable = {
  /** The report's name: "已匹配", "月结报告 2026-11" … also the sheet name. */
  title: string;
  company: string;
  /** The period the data covers, as the reader should see it ("2026-11-01 至 2026-11-30"). */
  period?: string;
  /** The filters the page had applied, as label/value pairs, so the file says what it holds. */
  filters?: ExportFilter[];
  /** Who asked for the file, and when (an instant; shown in timeZone). */
  generatedBy: string;
  generatedAt: Date;
  /** IANA zone for generatedAt; default Asia/Shanghai. */
  timeZone?: string;
  columns: ExportColumn[];
  rows: AsyncIterable<ExportRow> | Iterable<ExportRow>;
  /**
   * The totals the page shows for the same filters, when it has them. The writers add the `total`
   * columns up while they stream and refuse to finish a file whose sums differ from these (the
   * data changed between the page's query and the export's), rather than print two truths.
   */
  expectedTotals?: Record<string, bigint>;
};

/** The reader's language for the file's own words (title block labels, 合计, page numbers). */
export type ExportLocale = "zh-CN" | "en";
