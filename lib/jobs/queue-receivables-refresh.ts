// Queues a rebuild of the receivables of every organization whose ledger moved since its last one
// (lib/receivables/stale-receivables.ts). The worker calls it after each job it ran (an import or a
// run is then followed at once) and on each sweep (a person's change in the workspace is picked up
// within a sweep interval); the CLI calls it before it reads receivables.
import type { Db } from "@/lib/db/client";
import { staleOrganizations } from "@/lib/receivables/stale-receivables";
import { enqueueJob } from "./enqueue-job";

export async function queueReceivablesRefresh(db: Db): Promise<string[]> {
  const orgIds = await staleOrganizations(db);
  for (const orgId of orgIds) await enqueueJob(db, "receivables-refresh", { orgId });
  return orgIds;
}
