// Every exportable page by the id its buttons, the export jobs and the CLI use. A new page or
// report exports by adding its source here (and an "导出" button with this id on the page).
import { z } from "zod";
import type { ExportSource } from "./export-source";
import { groupListSource } from "./group-list-source";

export const EXPORT_SOURCES = {
  proposals: groupListSource("proposals"),
  approvals: groupListSource("approvals"),
  matched: groupListSource("matched"),
} as const satisfies Record<string, ExportSource>;

export type ExportSourceId = keyof typeof EXPORT_SOURCES;
export const exportSourceIds = z.enum(Object.keys(EXPORT_SOURCES) as [ExportSourceId, ...ExportSourceId[]]);

export function exportSource(id: string): ExportSource | undefined {
  return Object.hasOwn(EXPORT_SOURCES, id) ? EXPORT_SOURCES[id as ExportSourceId] : undefined;
}
