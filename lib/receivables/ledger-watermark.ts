// How far the ledger has moved: the newest audit row of a change that can move an order's money
// (imports, matches, exclusions, a store's terms) and the newest finished run. A rebuild records
// the watermark it read; the worker rebuilds an organization whose watermark has moved since
// (lib/receivables/stale-receivables.ts). Every change writes its audit row in its own
// transaction, so nothing that matters slips past; runs are recorded on their own row instead.
import type { Tx } from "@/lib/db/client";

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
] as const;

export type LedgerWatermark = { auditId: bigint; runFinishedAt: Date | null };

/** SQL: the watermark of organization $1, as "auditId" and "runFinishedAt". */
export const LEDGER_WATERMARK_SQL = `
  SELECT COALESCE((SELECT max(id) FROM "AuditLog"
                    WHERE "orgId" = $1::uuid AND action IN (${LEDGER_AUDIT_ACTIONS.map((action) => `'${action}'`).join(", ")})), 0) AS "auditId",
         (SELECT max("finishedAt") FROM "ReconciliationRun" WHERE "orgId" = $1::uuid AND status = 'SUCCEEDED') AS "runFinishedAt"`;

export async function readLedgerWatermark(tx: Tx, orgId: string): Promise<LedgerWatermark> {
  const [row] = await tx.$queryRawUnsafe<LedgerWatermark[]>(LEDGER_WATERMARK_SQL, orgId);
  return { auditId: BigInt(row?.auditId ?? 0), runFinishedAt: row?.runFinishedAt ?? null };
}

export function sameWatermark(a: LedgerWatermark, b: LedgerWatermark): boolean {
  return a.auditId === b.auditId && (a.runFinishedAt?.getTime() ?? null) === (b.runFinishedAt?.getTime() ?? null);
}
