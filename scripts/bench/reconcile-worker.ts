// One timed reconciliation run in a process of its own, so its peak RSS is the run's alone (the
// generated month the parent built is not in it). Prints one JSON line.
//   tsx scripts/bench/reconcile-worker.ts <databaseUrl> <orgId>
import { createDbClient } from "../../lib/db/client";
import { closePgPool, getPgPool } from "../../lib/db/pg-pool";
import { executeRun, startRun } from "../../lib/match-runs/run-reconciliation";

const [url, orgId] = process.argv.slice(2);
const db = createDbClient(url!);
const actor = { orgId: orgId!, userId: null, userEmail: "bench" };
const run = await startRun(db, actor, {});
const cpuStarted = process.cpuUsage();
const summary = await executeRun(db, actor, run, getPgPool(url));
const cpu = process.cpuUsage(cpuStarted);
const items = await db.matchItem.count({ where: { orgId } });
const adjustments = await db.matchAdjustment.count({ where: { orgId } });
console.log(
  JSON.stringify({
    ...summary,
    items,
    adjustments,
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
await closePgPool();
await db.$disconnect();
