// What a chart of 数据分析 is: a report (lib/reports/report-result.ts: columns, rows, 合计) read for the
// shared filters, plus how to draw it — which column is the axis, which columns are series and how
// each is drawn — and where a bar or point leads (the rows behind it). The chart, its table toggle,
// its Excel / PDF and the bench all read the same ReportResult, so a figure is computed once.
import type { Tx } from "@/lib/db/client";
import type { ReportFilters } from "@/lib/reports/report-filters";
import type { DrillKey, ReportResult } from "@/lib/reports/report-result";
import type { ReportScope } from "@/lib/reports/standard-report";

export type AnalysisChartKind = "bar" | "line" | "stackedBar";

export type AnalysisSeries = {
  /** The column whose values the series draws. */
  column: string;
  /** Drawn against the chart's kind unless said otherwise (a contracted rate as a line over bars). */
  draw?: "bar" | "line";
  /** A comparison series (the month before, a year earlier): drawn lighter or dashed. */
  compared?: true;
};

export type AnalysisChartReader = (tx: Tx, scope: ReportScope, filters: ReportFilters) => Promise<ReportResult>;

export type AnalysisChart = {
  id: string;
  /** Full message key of the chart's title (its intro is the same key with .intro in place of .title). */
  title: string;
  kind: AnalysisChartKind;
  /** The columns whose shown values, joined, name a bar or point on the axis (a month; a bucket's kind and days …). */
  category: readonly string[];
  series: readonly AnalysisSeries[];
  /** Series the result decides: every column whose key starts with this (one per fee type present), drawn as the chart's kind. */
  seriesPrefix?: string;
  /** Reads the receivables or the report rollups the jobs rebuild (the page says how fresh they are). */
  readsReceivables?: true;
  run: AnalysisChartReader;
  /** Where a row's drill key leads: a page that lists the rows behind the bar, with the filters applied. */
  drillHref: (filters: ReportFilters, key: DrillKey) => string | null;
};

/** The series a result draws: the chart's own that the result has, then those its prefix names. */
export function chartSeries(chart: Pick<AnalysisChart, "series" | "seriesPrefix">, result: Pick<ReportResult, "columns">): AnalysisSeries[] {
  const present = new Set(result.columns.map((column) => column.key));
  const fixed = chart.series.filter((series) => present.has(series.column));
  const prefix = chart.seriesPrefix;
  const dynamic = prefix ? result.columns.filter((column) => column.key.startsWith(prefix)).map((column): AnalysisSeries => ({ column: column.key })) : [];
  return [...dynamic, ...fixed];
}
