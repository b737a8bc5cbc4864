// The tables some reports read instead of the ledger itself (decision 0011): facts that take seconds
// to work out over a million-order month (each payout's orders and fees, each bank row's place in
// its statement's balance chain, what is still unmatched), worked out once per ledger change by the
// receivables rebuild job, inside its transaction: the same snapshot and the same freshness line as
// the receivables, and nothing half-written when it fails.
import type pg from "pg";
import { refreshReceivables, type AlsoRebuild, type RefreshResult } from "@/lib/receivables/refresh-receivables";
import { rebuildAdjustmentRollup } from "./adjustment-rollup";
import { rebuildUnmatchedRollup } from "./unmatched-rollup";
import { rebuildBankChainRollup } from "./bank-chain-rollup";
import { rebuildPayoutRollup } from "./payout-rollup";
import { rebuildStoreFeeRates } from "@/lib/fee-rates/rebuild-store-fee-rates";

export type ReportRollup = AlsoRebuild;

/** Each rollup, in the order the rebuild runs them. */
export const REPORT_ROLLUPS: ReportRollup[] = [
  rebuildUnmatchedRollup, // 差异汇总's "still unexplained" notes
  rebuildAdjustmentRollup, // 差异汇总's rows
  rebuildBankChainRollup,
  rebuildPayoutRollup,
  rebuildStoreFeeRates, // not a report's: each store's usual fee rates (store settings, and matching without a contracted rate)
];

export async function refreshReportRollups(client: pg.PoolClient, orgId: string): Promise<void> {
  for (const rollup of REPORT_ROLLUPS) await rollup(client, orgId);
}

/** The receivables and every report rollup, in one transaction: what the rebuild job runs. */
export function refreshReceivablesAndRollups(pool: pg.Pool, orgId: string, onStep?: (done: number, steps: number) => Promise<void> | void): Promise<RefreshResult> {
  return refreshReceivables(pool, orgId, onStep, refreshReportRollups);
}
