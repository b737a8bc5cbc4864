"use client";
// A custom report with one dimension and one measure, as bars beside its table (the table stays
// the record). At most a fixed height, at most CHART_BARS bars in the report's order; negative figures are
// drawn to the left of the axis. Plain elements, no chart library: recharts is not installed yet,
// and the figures are few enough that the browser lays them out itself.
import { useLocale, useTranslations } from "next-intl";
import { formatCell } from "@/components/data-table/columns";
import type { ReportResult } from "@/lib/reports/report-result";

export const CHART_BARS = 30;

export function CustomReportChart({ result }: { result: ReportResult }) {
  const t = useTranslations();
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const [dimension, measure] = [result.columns[0]!, result.columns[1]!];
  const bars = result.rows.slice(0, CHART_BARS).map((row) => {
    const raw = row[dimension.key];
    const key = `${dimension.codes}.${String(raw)}`;
    const label = raw === null || raw === undefined ? "—" : dimension.codes && t.has(key as never) ? t(key as never) : String(raw);
    const value = Number(row[measure.key] ?? 0) * (measure.type === "percent" ? 100 : 1);
    return { label, value, text: formatCell(measure.type, measure.type === "percent" ? value : (row[measure.key] ?? null), locale) };
  });
  const largest = Math.max(...bars.map((bar) => Math.abs(bar.value)), 1);
  const hasNegative = bars.some((bar) => bar.value < 0);
  return (
    <figure className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="custom-report-chart">
      <figcaption className="mb-2 text-xs text-slate-500">
        {t(measure.label as never)} · {t(dimension.label as never)}
        {result.rows.length > CHART_BARS ? ` · ${t("reports.custom.chartFirst", { count: CHART_BARS })}` : ""}
      </figcaption>
      <div className="max-h-64 space-y-1 overflow-y-auto pr-1" role="list">
        {bars.map((bar, index) => {
          const width = `${(Math.abs(bar.value) / largest) * (hasNegative ? 50 : 100)}%`;
          return (
            <div key={index} role="listitem" className="grid grid-cols-[8rem_1fr_7rem] items-center gap-2 text-xs" title={`${bar.label}: ${bar.text}`}>
              <span className="truncate text-slate-600">{bar.label}</span>
              <span className={`relative h-4 ${hasNegative ? "border-l-0" : ""}`}>
                <span
                  className={`absolute top-0 h-4 rounded-sm ${bar.value < 0 ? "bg-red-400" : "bg-brand-500"}`}
                  style={hasNegative ? (bar.value < 0 ? { right: "50%", width } : { left: "50%", width }) : { left: 0, width }}
                />
              </span>
              <span className="text-right tabular-nums text-slate-700">{bar.text}</span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}
