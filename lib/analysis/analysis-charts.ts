// Every chart of 数据分析 by the id its table toggle, its export (`analysis-chart` source) and the bench
// use, in the order the page shows them. Titles are the messages analysis.charts.<id>.title (and .intro).
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { ReportFilters } from "@/lib/reports/report-filters";
import type { ReportResult } from "@/lib/reports/report-result";
import type { ReportScope } from "@/lib/reports/standard-report";
import type { AnalysisChart } from "./analysis-chart";
import { aging } from "./aging";
import { daysToCash } from "./days-to-cash";
import { feeRatesByStore } from "./fee-rates-by-store";
import { feeTypesByMonth } from "./fee-types-by-month";
import { matchRate } from "./match-rate";
import { openDifferences } from "./open-differences";
import { outstandingOverdue } from "./outstanding-overdue";
import { salesSettledReceived } from "./sales-settled-received";

export const ANALYSIS_CHARTS: readonly AnalysisChart[] = [salesSettledReceived, outstandingOverdue, aging, feeRatesByStore, feeTypesByMonth, daysToCash, matchRate, openDifferences];

export const ANALYSIS_CHART_IDS = ANALYSIS_CHARTS.map((chart) => chart.id);
export const analysisChartIds = z.enum(ANALYSIS_CHART_IDS as [string, ...string[]]);

/** The chart with this id, or undefined for an id that is none. */
export function analysisChart(id: string): AnalysisChart | undefined {
  return ANALYSIS_CHARTS.find((chart) => chart.id === id);
}

/**
 * Every chart of the dashboard for the filters, as the page reads them (all at once, in one
 * snapshot when `tx` is a transaction): what the bench times. Results in ANALYSIS_CHARTS' order.
 */
export async function runAnalysisCharts(tx: Tx, scope: ReportScope, filters: ReportFilters): Promise<{ chart: AnalysisChart; result: ReportResult }[]> {
  const results = await Promise.all(ANALYSIS_CHARTS.map((chart) => chart.run(tx, scope, filters)));
  return ANALYSIS_CHARTS.map((chart, index) => ({ chart, result: results[index]! }));
}
