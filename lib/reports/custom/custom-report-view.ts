// What the custom report pages show for a spec: the spec the builder starts from, the result, or
// the reason there is none (an unreadable link, an id outside the catalog, the timeout) worded by
// the page; and the company's stores and accounts to filter by. Pages and the builder share it.
import type { Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import type { ReportResult } from "@/lib/reports/report-result";
import type { SavedReportView } from "./saved-reports";
import { DEFAULT_REPORT_SPEC, decodeReportSpec, encodeReportSpec, parseReportSpec, type ReportSpec } from "./report-spec";
import { runCustomReport } from "./run-custom-report";

export type CustomReportView = {
  spec: ReportSpec;
  /** The spec as the URL and the export carry it. */
  encoded: string;
  result: ReportResult | null;
  /** Under errors.*, when the spec was refused or the report could not run. */
  error: { key: string; params: Record<string, string | number> } | null;
};

/** `encoded` from ?spec=, else `fallback` (a saved report's spec, or the default). */
export async function customReportView(db: Db, orgId: string, encoded: string | undefined, fallback: unknown = DEFAULT_REPORT_SPEC): Promise<CustomReportView> {
  let spec: ReportSpec;
  try {
    spec = encoded ? decodeReportSpec(encoded) : parseReportSpec(fallback);
  } catch (error) {
    if (!isAppError(error)) throw error;
    spec = parseReportSpec(DEFAULT_REPORT_SPEC);
    return { spec, encoded: encodeReportSpec(spec), result: null, error: { key: error.messageKey, params: error.params } };
  }
  try {
    const result = await db.$transaction((tx) => runCustomReport(tx, orgId, spec));
    return { spec, encoded: encodeReportSpec(spec), result, error: null };
  } catch (error) {
    if (!isAppError(error)) throw error;
    // An id that is not the company's is not shown back (the builder would list it as chosen).
    if (error.code === "NOT_FOUND") spec = parseReportSpec(DEFAULT_REPORT_SPEC);
    return { spec, encoded: encodeReportSpec(spec), result: null, error: { key: error.messageKey, params: error.params } };
  }
}

export type FilterOption = { id: string; name: string };

/** The company's stores and fund accounts (archived ones too: their rows still report). */
export async function loadFilterOptions(db: Db, orgId: string): Promise<{ stores: FilterOption[]; accounts: FilterOption[] }> {
  const [stores, accounts] = await Promise.all([
    db.store.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.fundAccount.findMany({ where: { orgId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { stores, accounts };
}

/** A saved report as the list shows it (plain, serialisable to the client). */
export type SavedReportItem = { id: string; name: string; ownerName: string | null; own: boolean; shared: boolean; editable: boolean; updatedAt: string };

export function savedReportItems(reports: SavedReportView[], userId: string): SavedReportItem[] {
  return reports.map((report) => ({
    id: report.id,
    name: report.name,
    ownerName: report.ownerName,
    own: report.ownerId === userId,
    shared: report.shared,
    editable: report.editable,
    updatedAt: report.updatedAt.toISOString().slice(0, 10),
  }));
}
