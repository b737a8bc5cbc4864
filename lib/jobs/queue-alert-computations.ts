// Queues an alert computation for every company whose alerts are due (lib/alerts/due-alert-computations.ts).
// The worker calls it after each job it ran (a receivables rebuild is then followed by its alerts at
// once) and on each sweep (a changed rule, the turn of the day).
import type { Db } from "@/lib/db/client";
import { dueAlertComputations } from "@/lib/alerts/due-alert-computations";
import { enqueueJob } from "./enqueue-job";

export async function queueAlertComputations(db: Db): Promise<string[]> {
  const orgIds = await dueAlertComputations(db);
  for (const orgId of orgIds) await enqueueJob(db, "alerts-compute", { orgId });
  return orgIds;
}
