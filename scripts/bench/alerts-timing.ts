// 风险预警's part of `npm run bench -- analysis`: computing all alerts on the reconciled month as the
// job does after an import and run (each repeat in a transaction rolled back, so each starts from
// no alerts, as the first computation after a month's import does), beside the run's own time read
// from its ReconciliationRun (the target: ≤ 20 % of it) and, per rule, a plain SQL of the
// same kind of figures over the base rows in the same run.
import type pg from "pg";
import { computeAlerts, type ComputeAlertsResult } from "../../lib/alerts/compute-alerts";
import { ALERT_TYPES, type AlertType } from "../../lib/alerts/alert-types";
import type { Db } from "../../lib/db/client";
import { median } from "./medians";

/** Per rule, a plain SQL pass over the rows it looks at: what PostgreSQL alone takes to read them once. */
const BASELINES: Record<AlertType, string> = {
  OVERDUE_RECEIVABLE: `SELECT "storeId", count(*), sum("outstandingMinor") FROM "OrderReceivable" WHERE "orgId" = $1 AND stage = 'OPEN' AND "expectedOn" < $2::date - 30 GROUP BY 1`,
  FEE_RATE_HIGH: `SELECT "storeId", "orderNo", "lineType", sum("amountMinor") FROM "SettlementLine" WHERE "orgId" = $1 AND "occurredOn" <= $2::date GROUP BY 1, 2, 3`,
  DUPLICATE_ROW: `SELECT "fundAccountId", "occurredOn", "amountMinor", counterparty FROM "BankTransaction" WHERE "orgId" = $1 AND "occurredOn" <= $2::date GROUP BY 1, 2, 3, 4 HAVING count(DISTINCT "batchId") > 1`,
  DUPLICATE_PAYMENT: `SELECT "storeId", "orderNo" FROM "SettlementLine" WHERE "orgId" = $1 AND "lineType" = 'SALE' AND "orderNo" IS NOT NULL AND "occurredOn" <= $2::date GROUP BY 1, 2 HAVING count(*) > 1`,
  BALANCE_BREAK: `SELECT count(*) FROM (SELECT "balanceMinor" - "amountMinor" - lag("balanceMinor") OVER (PARTITION BY "fundAccountId", "batchId" ORDER BY "sourceRow") AS d FROM "BankTransaction" WHERE "orgId" = $1 AND "occurredOn" <= $2::date AND "balanceMinor" IS NOT NULL) x WHERE d <> 0`,
  REFUND_AFTER_SETTLEMENT: `SELECT "storeId", count(*), sum("amountMinor") FROM "SettlementLine" WHERE "orgId" = $1 AND "lineType" = 'REFUND' AND "occurredOn" <= $2::date GROUP BY 1`,
  UNMATCHED_PLATFORM_RECEIPT: `SELECT count(*) FROM "BankTransaction" b WHERE b."orgId" = $1 AND b."amountMinor" > 0 AND b."occurredOn" <= $2::date AND NOT EXISTS (SELECT 1 FROM "MatchItem" i WHERE i."orgId" = b."orgId" AND i.side = 'BANK' AND i."rowId" = b.id)`,
  WITHDRAWAL_IN_TRANSIT: `SELECT count(*) FROM "SettlementLine" l WHERE l."orgId" = $1 AND l."lineType" = 'WITHDRAWAL' AND l."occurredOn" <= $2::date AND NOT EXISTS (SELECT 1 FROM "MatchItem" i WHERE i."orgId" = l."orgId" AND i.side = 'SETTLEMENT' AND i."rowId" = l.id)`,
  UNUSUAL_CHANGE: `SELECT "storeId", "paidAt"::date, sum("paidAmountMinor") FROM "Order" WHERE "orgId" = $1 AND "paidAt" < $2::date + 1 GROUP BY 1, 2`,
};

export type AlertsTiming = {
  /** Median of the whole computation (every enabled rule, written and audited, rolled back). */
  ms: number;
  /** The month's reconciliation run, as its ReconciliationRun recorded it. */
  runMs: number | null;
  /** ms ÷ runMs. */
  share: number | null;
  found: number;
  rules: { type: AlertType; ms: number; baselineMs: number }[];
};

class Rollback extends Error {}

async function computeRolledBack(db: Db, orgId: string, asOf: string): Promise<ComputeAlertsResult> {
  let result: ComputeAlertsResult | undefined;
  await db
    .$transaction(
      async (tx) => {
        result = await computeAlerts(tx, orgId, { asOf });
        throw new Rollback();
      },
      { timeout: 10 * 60_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}

export async function measureAlerts(db: Db, pool: pg.Pool, orgId: string, asOf: string, repeat: number): Promise<AlertsTiming> {
  const totals: number[] = [];
  const perRule = new Map<AlertType, number[]>();
  let found = 0;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    const result = await computeRolledBack(db, orgId, asOf);
    totals.push(performance.now() - started);
    found = result.found;
    for (const [type, ms] of Object.entries(result.detectorMs) as [AlertType, number][]) perRule.set(type, [...(perRule.get(type) ?? []), ms]);
  }
  const rules: AlertsTiming["rules"] = [];
  for (const type of ALERT_TYPES) {
    const baseline: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      await pool.query(BASELINES[type], [orgId, asOf]);
      baseline.push(performance.now() - started);
    }
    rules.push({ type, ms: median(perRule.get(type) ?? [0]), baselineMs: median(baseline) });
  }
  const run = await db.reconciliationRun.findFirst({ where: { orgId, status: "SUCCEEDED" }, orderBy: { startedAt: "desc" }, select: { durationMs: true } });
  const ms = median(totals);
  const runMs = run?.durationMs ?? null;
  return { ms, runMs, share: runMs ? ms / runMs : null, found, rules };
}
