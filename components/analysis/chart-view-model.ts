// A chart's ReportResult turned into what the client chart draws: one point per row with its axis
// label (the category columns as the table shows them, codes translated), each series' value in the
// unit the axis reads (money in yuan, rates in percent, counts as they are — never a bigint) and its
// text as the table prints it, and the page the point leads to. Pure and server-side, so the client
// receives plain numbers and strings in the reader's language.
import { formatCell } from "@/components/data-table/columns";
import { chartSeries, type AnalysisChart } from "@/lib/analysis/analysis-chart";
import type { MoneyLocale } from "@/lib/money";
import type { ReportFilters } from "@/lib/reports/report-filters";
import type { ReportColumnType, ReportResult } from "@/lib/reports/report-result";
import { cellValue, columnLabel, type ReportTranslator } from "@/lib/reports/report-text";

export type ChartSeriesView = { key: string; name: string; draw: "bar" | "line"; stacked: boolean; compared: boolean; color: string };
export type ChartPointView = { label: string; href: string | null; values: Record<string, number | null>; texts: Record<string, string> };
export type ChartView = { unit: ReportColumnType; series: ChartSeriesView[]; points: ChartPointView[] };

/** Series colours in order: the brand blue first, then colours told apart in print and by most colour-blind readers. */
export const SERIES_COLORS = ["#2f6fdb", "#16a34a", "#f59e0b", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#ea580c", "#475569", "#0d9488", "#9333ea", "#ca8a04", "#be123c", "#4d7c0f", "#1e40af"];
/** A comparison series (the month before, the contracted rate): grey, drawn dashed. */
export const COMPARED_COLOR = "#64748b";

/** A cell's value on the axis: money in yuan, a ratio in percent, a count as it is; null when empty. */
export function axisValue(type: ReportColumnType, value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  if (type === "money") return Number(value) / 100;
  if (type === "percent") return Number(value) * 100;
  return Number(value);
}

export function chartView(t: ReportTranslator, locale: MoneyLocale, chart: AnalysisChart, result: ReportResult, filters: ReportFilters): ChartView {
  const columns = new Map(result.columns.map((column) => [column.key, column]));
  const drawn = chartSeries(chart, result);
  let colorIndex = 0;
  const series: ChartSeriesView[] = drawn.map((entry) => {
    const draw = entry.draw ?? (chart.kind === "line" ? "line" : "bar");
    return {
      key: entry.column,
      name: columnLabel(t, columns.get(entry.column)!),
      draw,
      stacked: chart.kind === "stackedBar" && draw === "bar",
      compared: entry.compared === true,
      color: entry.compared ? COMPARED_COLOR : SERIES_COLORS[colorIndex++ % SERIES_COLORS.length]!,
    };
  });
  const unit = columns.get(drawn[0]?.column ?? "")?.type ?? "integer";
  const points = result.rows.map((row, index): ChartPointView => {
    const label = chart.category
      .map((key) => {
        const column = columns.get(key);
        const shown = column ? cellValue(t, column, row[key]) : null;
        return shown === null || shown === undefined ? "" : String(shown);
      })
      .filter((part) => part !== "")
      .join(" ");
    const values: Record<string, number | null> = {};
    const texts: Record<string, string> = {};
    for (const entry of series) {
      const column = columns.get(entry.key)!;
      const raw = row[entry.key];
      values[entry.key] = axisValue(column.type, raw);
      const currency = column.currencyKey ? String(row[column.currencyKey] ?? "CNY") : undefined;
      texts[entry.key] = formatCell(column.type, column.type === "percent" ? values[entry.key] : (raw as string | number | bigint | null), locale, currency);
    }
    const key = result.drill?.[index];
    return { label: label || "—", href: key ? chart.drillHref(filters, key) : null, values, texts };
  });
  return { unit, series, points };
}
