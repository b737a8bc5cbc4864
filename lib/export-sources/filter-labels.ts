// The title block's 筛选条件: the filters the page had, as the reader reads them (store names, not ids).
import type { ExportFilter } from "@/lib/export";
import type { Translator } from "./export-translator";

/** label key → the value shown; a value of undefined or "" is left out (the filter was not set). */
export function filterLabels(t: Translator, entries: [labelKey: string, value: string | undefined][]): ExportFilter[] {
  return entries.flatMap(([labelKey, value]) => (value ? [{ label: t(labelKey), value }] : []));
}

