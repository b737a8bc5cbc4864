// The saved reports as the list shows them (plain, serialisable).
import type { SavedReportItem } from "@/components/reports/custom/saved-reports-list";
import type { SavedReportView } from "@/lib/reports/custom/saved-reports";

export function savedItems(reports: SavedReportView[], userId: string): SavedReportItem[] {
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
