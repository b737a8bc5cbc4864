// The learned rate a run gives the engine for a store without a contracted one
// (ReconcileStore.learnedFeeRate): of the commission-like fee types (天猫佣金, 技术服务费 … — what a
// contracted rate speaks of), the one most of the store's orders carried.
import type pg from "pg";
import { COMMISSION_LIKE_FEE_TYPES } from "@/lib/fees/fee-types";

export type LearnedCommissionRate = { medianBps: number; upperBps: number; orders: number };

export async function learnedCommissionRates(client: pg.ClientBase, orgId: string): Promise<Map<string, LearnedCommissionRate>> {
  const { rows } = await client.query<{ storeId: string } & LearnedCommissionRate>(
    `SELECT DISTINCT ON ("storeId") "storeId", "medianBps", "upperBps", orders
       FROM "StoreFeeRate" WHERE "orgId" = $1 AND "feeType" = ANY($2::text[])
      ORDER BY "storeId", orders DESC, "feeType"`,
    [orgId, [...COMMISSION_LIKE_FEE_TYPES]],
  );
  return new Map(rows.map(({ storeId, ...rate }) => [storeId, rate]));
}
