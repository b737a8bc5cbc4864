// Brings a company's receivables up to its ledger before the CLI reads them (through the same job
// the worker runs), so a command never answers from a stale rebuild.
import type { Db } from "../../lib/db/client";
import { getPgPool } from "../../lib/db/pg-pool";
import { jobTimingsFromEnv } from "../../lib/jobs/job-timings";
import { runJobInline } from "../../lib/jobs/run-job-inline";
import { sweepJobs } from "../../lib/jobs/sweep-jobs";
import { receivablesFreshness } from "../../lib/receivables/stale-receivables";

export async function freshReceivables(db: Db, orgId: string): Promise<void> {
  await sweepJobs(db, jobTimingsFromEnv());
  const freshness = await receivablesFreshness(db, orgId);
  if (freshness.behind || !freshness.refreshedAt) await runJobInline({ db, pool: getPgPool() }, "receivables-refresh", { orgId }, jobTimingsFromEnv());
}
