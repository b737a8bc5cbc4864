// A store's learned fee rates as its settings page shows them: one row per fee type its confirmed
// orders carried, the platform's commission first (the order of lib/fees/fee-types.ts).
import type { Db } from "@/lib/db/client";
import { FEE_TYPES, isFeeType, type FeeType } from "@/lib/fees/fee-types";

export type StoreFeeRateView = { feeType: FeeType; medianBps: number; upperBps: number; orders: number; ofOrders: number; computedAt: Date };

export async function listStoreFeeRates(db: Db, orgId: string, storeId: string): Promise<StoreFeeRateView[]> {
  const rows = await db.storeFeeRate.findMany({ where: { orgId, storeId } });
  return rows
    .filter((row): row is typeof row & { feeType: FeeType } => isFeeType(row.feeType))
    .map(({ feeType, medianBps, upperBps, orders, ofOrders, computedAt }) => ({ feeType, medianBps, upperBps, orders, ofOrders, computedAt }))
    .sort((a, b) => FEE_TYPES.indexOf(a.feeType) - FEE_TYPES.indexOf(b.feeType));
}
