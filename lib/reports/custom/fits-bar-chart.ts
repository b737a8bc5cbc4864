// When a custom report gets bars beside its table: one text or date dimension and one figure, and
// rows to draw. Asked by the server page (so not in the chart's client module).
import type { ReportResult } from "@/lib/reports/report-result";

export function fitsBarChart(result: ReportResult): boolean {
  return result.columns.length === 2 && ["text", "date"].includes(result.columns[0]!.type) && ["money", "integer", "percent"].includes(result.columns[1]!.type) && result.rows.length > 0;
}
