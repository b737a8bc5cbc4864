// How far the ledger has moved: the newest audit row of a change that can move an order's money
// (imports, matches, exclusions, a store's terms) or a report's rollup (the matching rules), and
// the newest finished run. A rebuild records the watermark it read; the worker rebuilds an
// organization whose watermark has moved since (lib/receivables/stale-receivables.ts). Every
// change writes its audit row in its own transaction, so nothing that matters slips past; runs are
// recorded on their own row instead.

export const LEDGER_AUDIT_ACTIONS = [
  "import.commit",
  "import.undo",
  "store.update",
  "match.create",
  "match.confirm",
  "match.reject",
  "match.approve",
  "match.decline",
  "match.reverse",
  "match.undo",
  "row.exclude",
  "row.restore",
  // The company's wallet words decide which wallet rows are withdrawals, refunds and fees for the
  // reports' payout rollup (lib/reports/rollups/payout-rollup.ts), rebuilt by the same job.
  "reconcileRules.update",
  "reconcileRules.reset",
] as const;

export type LedgerWatermark = { auditId: bigint; runFinishedAt: Date | null };

/** SQL: the watermark of the organization `org` (an id expression), as "auditId" and "runFinishedAt". */
export function ledgerWatermarkSql(org: string): string {
  return `
  SELECT COALESCE((SELECT max(a.id) FROM "AuditLog" a
                    WHERE a."orgId" = ${org} AND a.action IN (${LEDGER_AUDIT_ACTIONS.map((action) => `'${action}'`).join(", ")})), 0) AS "auditId",
         (SELECT max(run."finishedAt") FROM "ReconciliationRun" run WHERE run."orgId" = ${org} AND run.status = 'SUCCEEDED') AS "runFinishedAt"`;
}
