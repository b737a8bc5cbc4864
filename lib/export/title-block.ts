// The lines above the table in both formats: which company, which report, which period, which
// filters, who generated it and when — so a file forwarded to another department explains itself.
import { instantText } from "./cell-values";
import type { ExportLabels } from "./export-labels";
import type { ExportTable } from "./export-table";

export type TitleLine = { label: string; value: string };

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export function titleLines(table: ExportTable, t: ExportLabels): TitleLine[] {
  const lines: TitleLine[] = [
    { label: t("company"), value: table.company },
    { label: t("report"), value: table.title },
  ];
  if (table.period) lines.push({ label: t("period"), value: table.period });
  const filters = table.filters ?? [];
  lines.push({
    label: t("filters"),
    value: filters.length ? filters.map((f) => `${f.label}: ${f.value}`).join("; ") : t("noFilters"),
  });
  const when = instantText(table.generatedAt, table.timeZone ?? DEFAULT_TIME_ZONE);
  lines.push({ label: t("generated"), value: t("generatedByAt", { who: table.generatedBy, when }) });
  return lines;
}
