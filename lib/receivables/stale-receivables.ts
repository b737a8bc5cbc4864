// Which organizations' receivables are behind their ledger (lib/receivables/ledger-watermark.ts),
// and how fresh one organization's are, for its page. The worker asks after each job and on each
// sweep, and queues a rebuild for each; one already queued or running is enough.
import type { Db, Tx } from "@/lib/db/client";
import { ledgerWatermarkSql } from "./ledger-watermark";

export const RECEIVABLES_REFRESH_KIND = "receivables-refresh";

/** The watermark of organization `o.id`, as columns "auditId" and "runFinishedAt". */
const WATERMARK_OF_ORG = ledgerWatermarkSql("o.id");

const BEHIND = `(r."orgId" IS NULL OR r."auditId" <> w."auditId" OR r."runFinishedAt" IS DISTINCT FROM w."runFinishedAt")`;
const REFRESHING = `EXISTS (SELECT 1 FROM "Job" j WHERE j."orgId" = o.id AND j.kind = '${RECEIVABLES_REFRESH_KIND}' AND j.status IN ('QUEUED', 'RUNNING'))`;

/** Organizations with orders whose receivables are behind and that nobody is rebuilding. */
export async function staleOrganizations(db: Db | Tx): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT o.id::text FROM "Organization" o
       LEFT JOIN "ReceivableRefresh" r ON r."orgId" = o.id
      CROSS JOIN LATERAL (${WATERMARK_OF_ORG}) w
      WHERE ${BEHIND} AND NOT ${REFRESHING}
        AND EXISTS (SELECT 1 FROM "Order" x WHERE x."orgId" = o.id)`,
  );
  return rows.map((row) => row.id);
}

export type ReceivablesFreshness = { refreshedAt: Date | null; durationMs: number | null; behind: boolean; refreshing: boolean };

export async function receivablesFreshness(tx: Tx, orgId: string): Promise<ReceivablesFreshness> {
  const [row] = await tx.$queryRawUnsafe<{ refreshedAt: Date | null; durationMs: number | null; behind: boolean; refreshing: boolean }[]>(
    `SELECT r."refreshedAt", r."durationMs", ${BEHIND} AS behind, ${REFRESHING} AS refreshing
       FROM "Organization" o LEFT JOIN "ReceivableRefresh" r ON r."orgId" = o.id
      CROSS JOIN LATERAL (${WATERMARK_OF_ORG}) w
      WHERE o.id = $1::uuid`,
    orgId,
  );
  return row ?? { refreshedAt: null, durationMs: null, behind: false, refreshing: false };
}
