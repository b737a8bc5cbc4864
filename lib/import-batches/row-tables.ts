// How each kind of normalised row lands in its table: the columns and the values of one row.
// Used by the COPY loader; the column lists are the whole contract with prisma/schema.prisma.
import type { BankTransactionRow, ImportKind, NormalizedRow, OrderRow, SettlementLineRow } from "@/lib/import/types";

export type RowScope = { orgId: string; batchId: string; targetId: string };
type Value = string | number | bigint | null | undefined;

export type RowTable = {
  table: string;
  /** The column holding the store or fund account; part of the unique key with orgId and naturalKey. */
  targetColumn: string;
  columns: string[];
  values: (row: NormalizedRow, scope: RowScope) => Value[];
};

export const ROW_TABLES: Record<ImportKind, RowTable> = {
  orders: {
    table: "Order",
    targetColumn: "storeId",
    columns: ["orgId", "storeId", "batchId", "sourceRow", "orderNo", "subOrderNo", "status", "afterSaleStatus", "paidAmountMinor", "refundMinor", "merchantReceivedMinor", "currency", "orderedAt", "paidAt", "confirmedAt", "naturalKey"],
    values: (r, s) => {
      const row = r as OrderRow;
      return [s.orgId, s.targetId, s.batchId, row.sourceRow, row.orderNo, row.subOrderNo, row.status, row.afterSaleStatus, row.paidAmountMinor, row.refundMinor, row.merchantReceivedMinor, row.currency, row.createdAt, row.paidAt, row.confirmedAt, row.naturalKey];
    },
  },
  settlement: {
    table: "SettlementLine",
    targetColumn: "storeId",
    columns: ["orgId", "storeId", "batchId", "sourceRow", "lineType", "orderNo", "payoutId", "amountMinor", "currency", "occurredOn", "occurredAt", "reference", "memo", "naturalKey"],
    values: (r, s) => {
      const row = r as SettlementLineRow;
      return [s.orgId, s.targetId, s.batchId, row.sourceRow, row.lineType, row.orderNo, row.payoutId, row.amountMinor, row.currency, row.occurredOn, row.occurredAt, row.reference, row.memo, row.naturalKey];
    },
  },
  bank: {
    table: "BankTransaction",
    targetColumn: "fundAccountId",
    columns: ["orgId", "fundAccountId", "batchId", "sourceRow", "occurredOn", "occurredAt", "amountMinor", "currency", "balanceMinor", "feeMinor", "reference", "secondaryReference", "counterparty", "counterpartyAccount", "memo", "merchantOrderNo", "channel", "naturalKey"],
    values: (r, s) => {
      const row = r as BankTransactionRow;
      return [s.orgId, s.targetId, s.batchId, row.sourceRow, row.occurredOn, row.occurredAt, row.amountMinor, row.currency, row.balanceMinor, row.feeMinor, row.reference, row.secondaryReference, row.counterparty, row.counterpartyAccount, row.memo, row.merchantOrderNo, row.channel, row.naturalKey];
    },
  },
};

/** One CSV line for COPY … (FORMAT csv): unquoted empty is NULL, every text is quoted. */
export function toCopyLine(values: Value[]): string {
  return (
    values
      .map((value) => {
        if (value === null || value === undefined) return "";
        if (typeof value !== "string") return String(value);
        return `"${value.replace(/"/g, '""')}"`;
      })
      .join(",") + "\n"
  );
}
