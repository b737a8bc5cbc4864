// What every report returns, standard or custom: typed columns, rows, the 合计 row and, per row,
// where its drill-down goes. One table component shows it, one export source writes it to Excel and
// PDF, and the CLI prints it as JSON, so a report is written once and read the same way everywhere.
//
// Headers and coded text are message keys, translated by the reader (page, file, CLI) in its own
// language; the report itself never picks a language.

export type ReportColumnType = "text" | "money" | "integer" | "percent" | "date";

export type ReportColumn = {
  key: string;
  /** Full message key of the header ("reports.columns.sales"). */
  label: string;
  /** Values for the header's placeholders ({ period: "2026-11" }). */
  labelValues?: Record<string, string>;
  type: ReportColumnType;
  /** text: its values are codes under this message namespace ("platforms" → t("platforms.TMALL")). */
  codes?: string;
  /** money: the row key that holds the amounts' ISO currency; absent, CNY. */
  currencyKey?: string;
  /**
   * false: the 合计 cell of this money or integer column is not the sum of its rows (an average such
   * as days to cash); the export then shows no total for it rather than a sum that would differ.
   */
  summed?: false;
};

/**
 * text: string; money and integer: bigint (money in minor units, never floats); percent: a ratio
 * (0.125 = 12.5 %), null when its base is zero; date: "YYYY-MM-DD" (or "YYYY-MM-DD HH:mm:ss").
 */
export type ReportCell = string | number | bigint | null;
export type ReportRow = Record<string, ReportCell>;

/** A drill-down target: the parameters, beside the report's filters, that select a row's base rows. */
export type DrillKey = Record<string, string>;

export type ReportResult = {
  columns: ReportColumn[];
  rows: ReportRow[];
  /**
   * The 合计 row: money and integer columns summed over every row (by SQL or in bigint), rates
   * recomputed from those sums, never averaged; a key left out is an empty cell.
   */
  totals: ReportRow;
  /** Per row (same index): the drill-down's key, or null when the row has none. */
  drill?: (DrillKey | null)[];
  /** Lines printed under the table (message key and its values): what a figure means, what is left out. */
  notes?: ReportNote[];
  /** Rows were cut at a cap: the 合计 is over every row, so it is not the sum of those listed. */
  truncated?: true;
};

/**
 * A note's message key and values; `money` values are amounts the reader formats in its own
 * language and currency ("¥1,234.50"), put into the message under the same names.
 */
export type ReportNote = { key: string; values?: Record<string, string | number>; money?: Record<string, { minor: bigint; currency: string }> };

/** One page of a drill-down: the base rows of a report row, their 合计 over all of them, and how many. */
export type DrillResult = ReportResult & { count: number };
export type DrillPage = { limit: number; offset: number };
