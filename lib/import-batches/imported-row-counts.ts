import type { Tx } from "@/lib/db/client";

/** How many imported rows each store (orders, settlement lines) and fund account holds. */
export async function importedRowCounts(db: Tx, orgId: string) {
  const [orders, lines, transactions] = await Promise.all([
    db.order.groupBy({ by: ["storeId"], where: { orgId }, _count: { _all: true } }),
    db.settlementLine.groupBy({ by: ["storeId"], where: { orgId }, _count: { _all: true } }),
    db.bankTransaction.groupBy({ by: ["fundAccountId"], where: { orgId }, _count: { _all: true } }),
  ]);
  return {
    ordersByStore: new Map(orders.map((row) => [row.storeId, row._count._all])),
    settlementLinesByStore: new Map(lines.map((row) => [row.storeId, row._count._all])),
    transactionsByAccount: new Map(transactions.map((row) => [row.fundAccountId, row._count._all])),
  };
}
