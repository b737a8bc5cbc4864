"use client";
// One chart of 数据分析 in its card: title and intro, the chart (recharts, fixed height, values and
// axis in the table's units and the reader's language), a click on a bar or point opening the rows
// behind it, and under it a "table" toggle showing the same ReportResult in the shared report table,
// with Excel / PDF of that table through the export jobs (source analysis-chart).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCell } from "@/components/data-table/columns";
import { ExportButtons } from "@/components/export/export-buttons";
import { ReportTable } from "@/components/reports/report-table";
import type { ReportTableModel } from "@/components/reports/report-view-model";
import type { TablePreference } from "@/lib/table-preferences/table-preferences";
import type { ChartView } from "./chart-view-model";

export const CHART_HEIGHT = 280;

type Props = {
  id: string;
  title: string;
  intro: string;
  view: ChartView;
  table: ReportTableModel;
  preference: TablePreference;
  exportParams: Record<string, string>;
};

export function AnalysisChartCard({ id, title, intro, view, table, preference, exportParams }: Props) {
  const t = useTranslations("analysis.ui");
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const router = useRouter();
  const [showTable, setShowTable] = useState(false);
  const data = view.points.map((point, index) => ({ index, label: point.label, ...point.values }));
  const axisText = (value: number) => (view.unit === "percent" ? formatCell("percent", value, locale) : formatCell("integer", Math.round(value), locale));
  const open = (index: number | undefined) => {
    const href = index === undefined ? null : view.points[index]?.href;
    if (href) router.push(href);
  };
  const empty = view.points.length === 0 || view.points.every((point) => Object.values(point.values).every((value) => value === null || value === 0));
  return (
    <section className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid={`analysis-chart-${id}`}>
      <header className="mb-2">
        <h2 className="text-sm font-semibold text-slate-800">{title}</h2>
        <p className="text-xs text-slate-500">{intro}</p>
      </header>
      {empty ? (
        <p className="flex items-center justify-center text-sm text-slate-500" style={{ height: CHART_HEIGHT }}>
          {t("empty")}
        </p>
      ) : (
        <div style={{ height: CHART_HEIGHT }} role="img" aria-label={`${title} · ${t("drillHint")}`}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart
              data={data}
              margin={{ top: 4, right: 8, bottom: 4, left: 8 }}
              onClick={(state) => open(state?.activeTooltipIndex == null ? undefined : Number(state.activeTooltipIndex))}
              style={{ cursor: view.points.some((point) => point.href) ? "pointer" : undefined }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" />
              <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickFormatter={axisText} width={80} />
              <Tooltip
                formatter={(_value, name, item) => {
                  const series = view.series.find((entry) => entry.name === name);
                  const point = view.points[(item.payload as { index: number }).index];
                  return [series && point ? point.texts[series.key] : String(_value), name];
                }}
              />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              {view.series.map((series) =>
                series.draw === "line" ? (
                  <Line
                    key={series.key}
                    type="monotone"
                    dataKey={series.key}
                    name={series.name}
                    stroke={series.color}
                    strokeDasharray={series.compared ? "4 3" : undefined}
                    dot={{ r: 3 }}
                    connectNulls
                    isAnimationActive={false}
                  />
                ) : (
                  <Bar
                    key={series.key}
                    dataKey={series.key}
                    name={series.name}
                    fill={series.color}
                    fillOpacity={series.compared ? 0.5 : 1}
                    stackId={series.stacked ? "stack" : undefined}
                    isAnimationActive={false}
                    // A bar opens its own point's rows: the chart's click below only knows the hovered index.
                    onClick={(_, index, event) => {
                      event.stopPropagation();
                      open(index);
                    }}
                  />
                ),
              )}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <button type="button" className="text-xs text-brand-700 hover:underline" aria-expanded={showTable} onClick={() => setShowTable((shown) => !shown)} data-testid="analysis-table-toggle">
          {showTable ? t("hideTable") : t("showTable")}
        </button>
        <ExportButtons source="analysis-chart" params={exportParams} compact />
      </div>
      {showTable ? (
        <div className="mt-2 space-y-2">
          <ReportTable tableKey={`analysis.${id}`} testId={`analysis-table-${id}`} model={table} totalLabel={t("totalRow")} emptyText={t("empty")} preference={preference} />
          {table.notes.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5 text-xs text-slate-600">
              {table.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
