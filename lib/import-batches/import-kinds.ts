import type { ImportKind as DbImportKind } from "@/lib/db/generated/enums";
import type { ImportKind } from "@/lib/import/types";

export const KIND_TO_DB: Record<ImportKind, DbImportKind> = { orders: "ORDERS", settlement: "SETTLEMENT", bank: "BANK" };
export const KIND_FROM_DB: Record<DbImportKind, ImportKind> = { ORDERS: "orders", SETTLEMENT: "settlement", BANK: "bank" };

/** Orders and platform bills belong to a store; bank and wallet statements to a fund account. */
export function targetOf(kind: ImportKind): "store" | "account" {
  return kind === "bank" ? "account" : "store";
}
