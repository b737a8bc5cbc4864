"use client";
// A custom report with one dimension and one measure, as bars beside its table (the table stays
// the record): recharts in a box of fixed height, at most CHART_BARS bars in the report's order,
// labels and values formatted as the table formats them, in the reader's language; bars in the
// brand colour (tailwind brand-500), negative figures red.
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCell } from "@/components/data-table/columns";
import type { ReportResult } from "@/lib/reports/report-result";

export const CHART_BARS = 30;
const HEIGHT = 280;

export function CustomReportChart({ result }: { result: ReportResult }) {
  const t = useTranslations();
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  const [dimension, measure] = [result.columns[0]!, result.columns[1]!];
  // The bar's length: money in yuan, a rate in percent (the table's own units), never a bigint.
  const scale = measure.type === "money" ? 0.01 : measure.type === "percent" ? 100 : 1;
  const bars = result.rows.slice(0, CHART_BARS).map((row) => {
    const raw = row[dimension.key];
    const key = `${dimension.codes}.${String(raw)}`;
    const label = raw === null || raw === undefined ? "—" : dimension.codes && t.has(key as never) ? t(key as never) : String(raw);
    const cell = row[measure.key] ?? null;
    const value = Number(cell ?? 0) * scale;
    return { label, value, text: formatCell(measure.type, measure.type === "percent" ? value : cell, locale) };
  });
  const axisText = (value: number) => formatCell(measure.type === "money" ? "integer" : measure.type, measure.type === "percent" ? value : Math.round(value), locale);
  return (
    <figure className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="custom-report-chart">
      <figcaption className="mb-2 text-xs text-slate-500">
        {t(measure.label as never)} · {t(dimension.label as never)}
        {result.rows.length > CHART_BARS ? ` · ${t("reports.custom.chartFirst", { count: CHART_BARS })}` : ""}
      </figcaption>
      <div style={{ height: HEIGHT }} role="img" aria-label={`${t(measure.label as never)} · ${t(dimension.label as never)}`}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval="preserveStartEnd" />
            <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickFormatter={axisText} width={72} />
            <Tooltip formatter={(_value, _name, item) => [(item.payload as { text: string }).text, t(measure.label as never)]} />
            <Bar dataKey="value" isAnimationActive={false}>
              {bars.map((bar, index) => (
                <Cell key={index} fill={bar.value < 0 ? "#f87171" : "#2f6fdb"} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
