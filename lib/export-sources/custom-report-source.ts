// 自定义报表 to Excel and PDF: a saved report (`{ id }`, one the requester may see: their own or a
// shared one) or the builder's unsaved spec (`{ spec }`, the base64url JSON its URL carries), run
// exactly as the page runs it, with its 合计.
//
// Params: { id } or { spec }, and asOf? ("YYYY-MM-DD", the day receivables age on).
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isCalendarDay } from "@/lib/match-review/filter-problems";
import { decodeReportSpec, type ReportSpec } from "@/lib/reports/custom/report-spec";
import { runCustomReport } from "@/lib/reports/custom/run-custom-report";
import { loadSavedReport, loadSharedReport } from "@/lib/reports/custom/saved-reports";
import type { ExportContext, ExportParams, ExportSource } from "./export-source";
import { reportExportTable } from "./report-table-export";

export const customReportSource: ExportSource = { permission: "org.read", describe: describeCustomReport };

async function describeCustomReport(tx: Tx, ctx: ExportContext, params: ExportParams) {
  const { name, spec } = await chosenReport(tx, ctx, params);
  const asOf = params.asOf && isCalendarDay(params.asOf) ? params.asOf : undefined;
  const result = await runCustomReport(tx, ctx.orgId, spec, { asOf });
  const { from, to } = (spec as ReportSpec).filters ?? {};
  const table = reportExportTable(ctx, result, {
    title: name ?? ctx.t("reports.custom.title"),
    period: from || to ? ctx.t("export.periodRange", { from: from ?? "…", to: to ?? "…" }) : undefined,
    filters: [{ label: ctx.t("reports.custom.title"), value: name ?? ctx.t("reports.custom.unsaved") }],
  });
  return { table, rowCount: result.rows.length };
}

async function chosenReport(tx: Tx, ctx: ExportContext, params: ExportParams): Promise<{ name?: string; spec: unknown }> {
  if (params.id) {
    const saved = ctx.requestedById ? await loadSavedReport(tx, ctx.orgId, ctx.requestedById, params.id) : await loadSharedReport(tx, ctx.orgId, params.id);
    return { name: saved.name, spec: saved.spec };
  }
  if (params.spec) return { spec: decodeReportSpec(params.spec) };
  throw new AppError("INVALID", { messageKey: "exportSourceBadParam", params: { name: "id", value: "" } });
}
