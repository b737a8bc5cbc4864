// Every exportable page by the id its buttons, the export jobs and the CLI use. A new page or
// report exports by adding its source here (and an "导出" button with this id on the page).
import { z } from "zod";
import type { ExportSource } from "./export-source";
import { analysisChartSource } from "./analysis-chart-source";
import { alertsSource } from "./alerts-source";
import { auditSource } from "./audit-source";
import { groupListSource } from "./group-list-source";
import { importErrorsSource } from "./import-errors-source";
import { importsSource } from "./imports-source";
import { monthCloseSource } from "./month-close-source";
import { receivablesReportSource } from "./receivables-report-source";
import { reportSource } from "./report-source";
import { customReportSource } from "./custom-report-source";
import { reportRowsSource } from "./report-rows-source";
import { receivablesSource } from "./receivables-source";
import { unmatchedSource } from "./unmatched-source";

export const EXPORT_SOURCES = {
  proposals: groupListSource("proposals"),
  approvals: groupListSource("approvals"),
  matched: groupListSource("matched"),
  unmatched: unmatchedSource,
  "month-close": monthCloseSource,
  imports: importsSource,
  "import-errors": importErrorsSource,
  audit: auditSource,
  receivables: receivablesSource,
  "receivables-report": receivablesReportSource,
  report: reportSource,
  "report-rows": reportRowsSource,
  "custom-report": customReportSource,
  "analysis-chart": analysisChartSource,
  alerts: alertsSource,
} as const satisfies Record<string, ExportSource>;

export type ExportSourceId = keyof typeof EXPORT_SOURCES;
export const exportSourceIds = z.enum(Object.keys(EXPORT_SOURCES) as [ExportSourceId, ...ExportSourceId[]]);

export function exportSource(id: string): ExportSource | undefined {
  return Object.hasOwn(EXPORT_SOURCES, id) ? EXPORT_SOURCES[id as ExportSourceId] : undefined;
}
