// The filters a report was made with, as label / value lines in the reader's language: the file's
// title block and the CLI say what the figures are of (store and account by name, not by id).
import type { Tx } from "@/lib/db/client";
import { comparisonPeriod, type ReportFilters } from "./report-filters";
import type { ReportFilterField } from "./standard-report";
import type { ReportTranslator } from "./report-text";

export async function reportFilterLines(
  tx: Tx,
  orgId: string,
  t: ReportTranslator,
  fields: readonly ReportFilterField[],
  filters: ReportFilters,
  asOf: string,
): Promise<{ label: string; value: string }[]> {
  const lines = [{ label: t("reports.filters.period"), value: `${filters.from} – ${filters.to}` }];
  if (filters.store) {
    const store = await tx.store.findFirst({ where: { orgId, id: filters.store }, select: { name: true } });
    lines.push({ label: t("reports.filters.store"), value: store?.name ?? filters.store });
  }
  if (filters.platform) lines.push({ label: t("reports.filters.platform"), value: t(`platforms.${filters.platform}`) });
  if (filters.account) {
    const account = await tx.fundAccount.findFirst({ where: { orgId, id: filters.account }, select: { name: true } });
    lines.push({ label: t("reports.filters.account"), value: account?.name ?? filters.account });
  }
  if (fields.includes("by")) lines.push({ label: t("reports.filters.by"), value: t(`reports.filters.byOptions.${filters.by}`) });
  if (fields.includes("compare")) {
    const other = comparisonPeriod(filters);
    lines.push({ label: t("reports.filters.compare"), value: `${t(`reports.filters.compareOptions.${filters.compare}`)}: ${other.from} – ${other.to}` });
  }
  lines.push({ label: t("reports.filters.asOf"), value: asOf });
  return lines;
}
