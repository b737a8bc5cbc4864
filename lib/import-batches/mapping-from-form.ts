// What the mapping screen sends, turned into a mapping that can be saved: the header is the row the
// person picked among the file's raw rows (its texts are what the mapping's values name), and the
// money must come from somewhere: one amount column, or money-in and money-out columns together; and
// one amount column without a direction column needs the person to say what a positive number means.
import type { ColumnMapping } from "@/lib/import";
import { AppError } from "@/lib/errors";

export type MappingForm = Omit<ColumnMapping, "defaultCurrency"> & { headerRow: number };

export function mappingFromForm(rawRows: readonly string[][], form: MappingForm): { header: string[]; mapping: ColumnMapping } {
  const { headerRow, ...mapping } = form;
  const header = rawRows[headerRow];
  if (!header) throw new AppError("INVALID", { messageKey: "mappingIncomplete" });
  if (!mapping.amount && !(mapping.inflow && mapping.outflow)) {
    throw new AppError("INVALID", { messageKey: "mappingNeedsAmount", field: "amount" });
  }
  if (mapping.amount && !mapping.direction && !mapping.amountSign) {
    throw new AppError("INVALID", { messageKey: "mappingNeedsAmountSign", field: "amountSign" });
  }
  return { header, mapping };
}
