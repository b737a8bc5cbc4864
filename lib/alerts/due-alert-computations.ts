// Which companies' alerts must be computed again, for the worker (lib/jobs/queue-alert-computations.ts):
// their receivables were rebuilt since the last computation (an import, a run or a person's change
// moved the ledger, and the rebuild that follows it has finished), a rule changed (`stale`), or the
// day turned in the company's time zone (overdue and in-transit alerts age by the day). A company
// whose receivables are being rebuilt waits for the rebuild; one already computing is left alone;
// one whose computation failed in the last minutes waits, so a failing rule cannot loop the queue.
import type { Db } from "@/lib/db/client";
import { RECEIVABLES_REFRESH_KIND } from "@/lib/receivables/stale-receivables";

export const ALERTS_COMPUTE_KIND = "alerts-compute";
const RETRY_AFTER_FAILURE = "5 minutes";

/** Every company whose alerts are due, or only `orgId` when given (the CLI asks for one). */
export async function dueAlertComputations(db: Db, orgId?: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT o.id::text FROM "Organization" o
       JOIN "ReceivableRefresh" r ON r."orgId" = o.id
       LEFT JOIN "AlertComputation" c ON c."orgId" = o.id
      WHERE ($1::uuid IS NULL OR o.id = $1::uuid)
        AND (c."orgId" IS NULL OR c.stale OR c."receivablesRefreshedAt" IS DISTINCT FROM r."refreshedAt"
             OR c."asOf" < (now() AT TIME ZONE o.timezone)::date)
        AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."orgId" = o.id AND j.kind IN ('${ALERTS_COMPUTE_KIND}', '${RECEIVABLES_REFRESH_KIND}') AND j.status IN ('QUEUED', 'RUNNING'))
        AND NOT EXISTS (SELECT 1 FROM "Job" j WHERE j."orgId" = o.id AND j.kind = '${ALERTS_COMPUTE_KIND}' AND j.status IN ('FAILED', 'INTERRUPTED')
                                                AND j."finishedAt" > now() - interval '${RETRY_AFTER_FAILURE}')`,
    orgId ?? null,
  );
  return rows.map((row) => row.id);
}
