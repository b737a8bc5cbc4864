// One reconciliation run started from the web app, in a process of its own (see
// lib/reconcile-runs/run-in-child-process.ts):  tsx scripts/reconcile-run.ts <runId>
// executeRun records progress, result or failure on the run; the exit code says whether it ended.
import { getDb } from "../lib/db/client";
import { closePgPool, getPgPool } from "../lib/db/pg-pool";
import { executeRun } from "../lib/reconcile-runs/run-reconciliation";

const runId = process.argv[2];
const db = getDb();
let code = 0;
try {
  const run = await db.reconciliationRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.status !== "RUNNING") throw new Error(`run ${runId} is ${run.status}, not RUNNING`);
  await executeRun(db, { orgId: run.orgId, userId: run.startedById, userEmail: null }, run, getPgPool());
} catch (error) {
  console.error("Reconciliation run failed", error);
  code = 1;
} finally {
  await closePgPool();
  await db.$disconnect();
}
process.exit(code);
