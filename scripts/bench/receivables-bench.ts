// npm run bench -- receivables [--orders N] [--bank N] [--repeat N] [--json] [--keep]  (dispatched by scripts/bench.ts)
// 回款管理 on a reconciled month: N orders with their bill, wallet and bank lines (reconcile-month.ts)
// written into a fresh database (not timed), one reconciliation run in its own process (timed: the
// yardstick of the refresh target), then the receivables rebuilt from the ledger (refreshReceivables,
// as the worker's job does) and the page's reads, each repeated and quoted as medians: the summary,
// the aging table, and filtered, sorted pages of the order list. Beside them, in the same run, a
// plain SQL GROUP BY over the orders (per store: count and paid) — what PostgreSQL alone takes to
// read every order once.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDbClient } from "../../lib/db/client";
import { listReceivables, receivableFilterSchema } from "../../lib/receivables/list-receivables";
import { loadReceivableQuery } from "../../lib/receivables/receivable-query";
import { receivablesSummary } from "../../lib/receivables/receivables-summary";
import { refreshReceivables } from "../../lib/receivables/refresh-receivables";
import { createTestDatabases } from "../../tests/support/test-database";
import { median, timed } from "./medians";
import { buildMonth } from "./reconcile-month";
import { seedMonth } from "./reconcile-seed";

const TARGETS = { summaryMs: 500, agingMs: 500, pageMs: 500, refreshShareOfRun: 0.1 };
const projectRoot = process.cwd();

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    orders: { type: "string", default: "1000000" },
    bank: { type: "string", default: "200000" },
    repeat: { type: "string", default: "5" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const orderCount = Number(values.orders);
const repeat = Math.max(1, Number(values.repeat));
const log = (line: string) => !values.json && console.log(line);

const BASELINE_SQL = `SELECT "storeId", count(*), sum("paidAmountMinor") FROM "Order" WHERE "orgId" = $1 GROUP BY "storeId"`;

const databases = await createTestDatabases(projectRoot, ["receivables_bench"]);
const url = databases.urls[0]!;
const pool = new pg.Pool({ connectionString: url, max: 4 });
const db = createDbClient(url);
try {
  log(`Writing a month of ${orderCount.toLocaleString("en")} orders into a fresh database (not timed) …`);
  const { orgId } = await seedMonth(db, pool, buildMonth(orderCount, Number(values.bank)));
  log("Reconciling it once (timed, in its own process) …");
  const worker = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/bench/reconcile-worker.ts", url, orgId], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (worker.status !== 0) throw new Error(`reconcile worker failed:\n${worker.stderr}`);
  const run = JSON.parse(worker.stdout.trim().split("\n").pop()!) as { durationMs: number; autoConfirmed: number; proposed: number };
  await pool.query("VACUUM ANALYZE");

  log("Rebuilding the receivables …");
  const refreshes: number[] = [];
  let orders = 0;
  for (let i = 0; i < Math.min(3, repeat); i++) {
    const result = await refreshReceivables(pool, orgId);
    refreshes.push(result.durationMs);
    orders = result.orders;
  }
  await pool.query(`ANALYZE "OrderReceivable"`);
  const stages = (await pool.query<{ stage: string; n: string }>(`SELECT stage, count(*) AS n FROM "OrderReceivable" WHERE "orgId" = $1 GROUP BY 1 ORDER BY 1`, [orgId])).rows;

  const query = await loadReceivableQuery(db, orgId);
  // As of a day after the month, so every bucket has orders.
  const asOfQuery = { ...query, asOf: "2025-05-15" };
  const stores = await db.store.findMany({ where: { orgId }, select: { id: true } });
  const baselineMs = await timed(repeat, () => pool.query(BASELINE_SQL, [orgId]));
  const summaryMs = await timed(repeat, () => receivablesSummary(db, asOfQuery, {}));
  const summary = await receivablesSummary(db, asOfQuery, {});
  const agingMs = summaryMs; // one call answers both: the summary and the aging cells
  const pages: { name: string; params: Record<string, string> }[] = [
    { name: "default order (most overdue first), page 1", params: {} },
    { name: "overdue, by outstanding ↓", params: { status: "OVERDUE", sort: "outstanding", dir: "desc" } },
    { name: "one store, bucket 31–60, page 3", params: { store: stores[0]!.id, bucket: "over:60", page: "3" } },
    { name: "received, by expected date ↑", params: { status: "RECEIVED", sort: "expectedOn", dir: "asc" } },
    { name: "amount ≥ ¥500, by paid ↓", params: { min: "500", sort: "paid", dir: "desc" } },
    { name: "order no. prefix", params: { q: "TM00001" } },
    // Sorts no index serves: the whole filtered set is sorted for its first page.
    { name: "all, by paid ↓ (no index)", params: { sort: "paid", dir: "desc" } },
    { name: "all, by store (no index)", params: { sort: "store", dir: "asc" } },
    { name: "all, by days overdue ↓ (no index)", params: { sort: "days", dir: "desc" } },
    { name: "nobody follows, overdue (rows, not the cube)", params: { owner: "none", status: "OVERDUE" } },
  ];
  const pageMs: { name: string; ms: number; rows: number }[] = [];
  for (const page of pages) {
    const filter = receivableFilterSchema.parse(page.params);
    const ms = await timed(repeat, () => listReceivables(db, asOfQuery, filter));
    pageMs.push({ name: page.name, ms, rows: (await listReceivables(db, asOfQuery, filter)).totals.count });
  }
  const refreshMs = median(refreshes);
  const worstPage = Math.max(...pageMs.map((page) => page.ms));
  const meets = {
    summary: summaryMs <= TARGETS.summaryMs,
    aging: agingMs <= TARGETS.agingMs,
    pages: worstPage <= TARGETS.pageMs,
    refresh: refreshMs <= TARGETS.refreshShareOfRun * run.durationMs,
  };
  const figures = { orders, runMs: run.durationMs, refreshMs, refreshes, baselineMs, summaryMs, agingMs, pageMs, stages: Object.fromEntries(stages.map((row) => [row.stage, Number(row.n)])), statuses: summary.statuses.map((entry) => ({ ...entry, outstandingMinor: entry.outstandingMinor.toString() })), targets: TARGETS, meets };
  if (values.json) console.log(JSON.stringify(figures));
  else {
    const ratio = (ms: number) => `${(ms / Math.max(1, baselineMs)).toFixed(1)}× the GROUP BY`;
    console.log(`\n回款管理, ${orders.toLocaleString("en")} orders, medians of ${repeat} (refresh: of ${refreshes.length}):`);
    console.log(`  run (yardstick)      ${run.durationMs} ms   (${run.autoConfirmed} groups confirmed, ${run.proposed} proposed)`);
    console.log(`  refresh              ${refreshMs} ms = ${((100 * refreshMs) / run.durationMs).toFixed(1)} % of the run   (target ≤ 10 %) ${meets.refresh ? "✔" : "✘"}   [${refreshes.join(", ")}]`);
    console.log(`  plain SQL GROUP BY   ${baselineMs} ms   (orders per store: count, paid)`);
    console.log(`  summary + aging      ${summaryMs} ms   ${ratio(summaryMs)}   (target ≤ 500 ms) ${meets.summary ? "✔" : "✘"}`);
    for (const page of pageMs) console.log(`  page: ${page.name.padEnd(44)} ${String(page.ms).padStart(5)} ms   ${ratio(page.ms)}   (${page.rows.toLocaleString("en")} rows)`);
    console.log(`  worst page           ${worstPage} ms   (target ≤ 500 ms) ${meets.pages ? "✔" : "✘"}`);
    console.log(`  stages               ${stages.map((row) => `${row.stage} ${Number(row.n).toLocaleString("en")}`).join(", ")}`);
  }
} finally {
  await db.$disconnect();
  await pool.end();
  if (values.keep) console.error(`Kept the database: ${url}`);
  else await databases.drop();
}
process.exit(0);
