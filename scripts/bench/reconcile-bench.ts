// npm run bench -- reconcile [--orders N] [--bank N] [--runs N] [--json] [--keep]  (dispatched by scripts/bench.ts)
// A month of N orders, their bill and wallet lines and the bank statement (reconcile-month.ts) is
// written into a fresh database (not timed). Then, per run, in a process of its own: passes 1–3 as
// the app runs them (executeRun: load from PostgreSQL → engine → write the groups back), timed by
// phase, with the peak RSS; then once more over the month with those groups booked (a re-run with
// nothing new: it stands on the last answer), once more after a change that alters no answer (it
// reads the open rows), and once more after a day of 1 % new orders with their bill and wallet lines, one
// withdrawal each and the bank receipts (written, not timed: reconcile-increment.ts). Beside each, on
// the same data in the same run, what PostgreSQL alone takes for pass 1 as one plain SQL hash join
// (order number ↔ bill and wallet lines, summed per order); re-runs are judged by their ratio to it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDbClient } from "../../lib/db/client";
import { createTestDatabases } from "../../tests/support/test-database";
import { buildMonth } from "./reconcile-month";
import { seedIncrement } from "./reconcile-increment";
import { seedMonth } from "./reconcile-seed";

// Issue 20: each a ratio to the SQL hash join of the same measurement (the machine is shared and
// noisy; the first run's old 10 s target was withdrawn: PostgreSQL alone needs ~22 s for its rows).
const TARGETS = { firstRunRatio: 12, peakRssMiB: 2048, rerunRatio: 1, plusOnePercentRatio: 2 };
const projectRoot = process.cwd();

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    orders: { type: "string", default: "1000000" },
    bank: { type: "string", default: "200000" },
    runs: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
    // Leaves the database (with the last run's groups) for EXPLAIN and experiments.
    keep: { type: "boolean", default: false },
  },
});
const orderCount = Number(values.orders);
const runs = Math.max(1, Number(values.runs));
const log = (line: string) => !values.json && console.log(line);
const seconds = (ms: number) => +(ms / 1000).toFixed(2);

// Pass 1's exact-key join in SQL: each order with the bill lines carrying its number and the wallet
// lines carrying it as 商户订单号 (Alipay writes "T200P" + the number), summed per order. Hash join
// forced so the figure is that of the plan the engine's own index resembles.
const BASELINE_SQL = `
  SELECT count(*) AS orders, coalesce(sum(lines), 0) AS lines FROM (
    SELECT o.id, count(*) AS lines, sum(l."amountMinor") AS net
    FROM "Order" o
    JOIN (
      SELECT "orgId", "orderNo" AS no, "amountMinor" FROM "SettlementLine" WHERE "orgId" = $1 AND "orderNo" IS NOT NULL
      UNION ALL
      SELECT "orgId", CASE WHEN "merchantOrderNo" LIKE 'T200P%' THEN substr("merchantOrderNo", 6) ELSE "merchantOrderNo" END, "amountMinor"
      FROM "BankTransaction" WHERE "orgId" = $1 AND "merchantOrderNo" IS NOT NULL
    ) l ON l."orgId" = o."orgId" AND l.no = o."orderNo"
    WHERE o."orgId" = $1
    GROUP BY o.id
  ) per_order`;

async function baseline(pool: pg.Pool, orgId: string): Promise<{ ms: number; orders: number; lines: number }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL enable_mergejoin = off; SET LOCAL enable_nestloop = off");
    const started = performance.now();
    const { rows } = await client.query<{ orders: string; lines: string }>(BASELINE_SQL, [orgId]);
    const ms = performance.now() - started;
    await client.query("COMMIT");
    return { ms, orders: Number(rows[0]!.orders), lines: Number(rows[0]!.lines) };
  } finally {
    client.release();
  }
}

type WorkerResult = {
  load: { incremental: boolean; unchangedSince?: string };
  proposed: number;
  autoConfirmed: number;
  items: number;
  adjustments: number;
  durationMs: number;
  phasesMs: { load: number; match: number; save: number };
  cpuMs: number;
  maxRssBytes: number;
};

function timedRun(url: string, orgId: string): WorkerResult {
  const worker = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/bench/reconcile-worker.ts", url, orgId], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (worker.status !== 0) throw new Error(`reconcile worker failed:\n${worker.stderr}`);
  return JSON.parse(worker.stdout.trim().split("\n").pop()!) as WorkerResult;
}

type RunFigures = {
  /** Whether the run read only the open rows and the new ones (lib/match-runs/open-rows.ts). */
  incremental: boolean;
  /** Whether nothing had changed, so the run read nothing and the last answer stood. */
  unchanged: boolean;
  /** Total time ÷ the SQL hash join of the same measurement. */
  ratio: number;
  loadSeconds: number;
  engineSeconds: number;
  saveSeconds: number;
  totalSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  sqlHashJoinSeconds: number;
  groups: number;
  autoConfirmed: number;
  items: number;
  adjustments: number;
  sqlJoinedOrders: number;
  sqlJoinedLines: number;
};

const range = (list: number[]) => (Math.min(...list) === Math.max(...list) ? `${Math.min(...list)}` : `${Math.min(...list)}–${Math.max(...list)}`);

const databases = await createTestDatabases(projectRoot, ["reconcile_bench"]);
const url = databases.urls[0]!;
const pool = new pg.Pool({ connectionString: url, max: 3 });
try {
  log(`Writing a month of ${orderCount.toLocaleString("en")} orders into a fresh database (not timed) …`);
  const seedStarted = performance.now();
  let month: ReturnType<typeof buildMonth> | undefined = buildMonth(orderCount, Number(values.bank));
  const walletLines = month.bankTransactions.filter((row) => row.accountId === "alipay").length;
  const counts = { orders: month.orders.length, settlementLines: month.settlementLines.length, walletLines, bankLines: month.bankTransactions.length - walletLines };
  const db = createDbClient(url);
  const { orgId } = await seedMonth(db, pool, month);
  month = undefined;
  await db.$disconnect();
  log(`  ${counts.orders} orders, ${counts.settlementLines} bill lines, ${counts.walletLines} wallet lines, ${counts.bankLines} bank lines in ${seconds(performance.now() - seedStarted)} s`);

  const measure = async (): Promise<RunFigures> => {
    const sql = await baseline(pool, orgId);
    const result = timedRun(url, orgId);
    return {
      incremental: result.load.incremental,
      unchanged: result.load.unchangedSince !== undefined,
      ratio: +(result.durationMs / sql.ms).toFixed(2),
      loadSeconds: seconds(result.phasesMs.load),
      engineSeconds: seconds(result.phasesMs.match),
      saveSeconds: seconds(result.phasesMs.save),
      totalSeconds: seconds(result.durationMs),
      cpuSeconds: seconds(result.cpuMs),
      peakRssMiB: Math.round(result.maxRssBytes / 1048576),
      sqlHashJoinSeconds: seconds(sql.ms),
      groups: result.proposed + result.autoConfirmed,
      autoConfirmed: result.autoConfirmed,
      items: result.items,
      adjustments: result.adjustments,
      sqlJoinedOrders: sql.orders,
      sqlJoinedLines: sql.lines,
    };
  };
  const describe = (figures: RunFigures) =>
    `load ${figures.loadSeconds} s, engine ${figures.engineSeconds} s, save ${figures.saveSeconds} s = ${figures.totalSeconds} s, ` +
    `peak RSS ${figures.peakRssMiB} MiB; SQL hash join ${figures.sqlHashJoinSeconds} s; ratio ${figures.ratio} ×${figures.unchanged ? " (nothing changed: the last answer stands)" : figures.incremental ? " (open and new rows read)" : ""}`;

  const results: RunFigures[] = [];
  for (let run = 0; run < runs; run++) {
    // Every run is a month's first run: nothing decided yet, everything to write, nothing cached.
    if (run > 0) await pool.query(`TRUNCATE "MatchItem", "MatchAdjustment", "MatchGroup", "ReconcileOpenRow", "ReconcileLoadState" CASCADE`);
    results.push(await measure());
    log(`  run ${run + 1}: ${describe(results[results.length - 1]!)}`);
  }
  // What staff do after every import: run again over a month whose groups are booked. Nothing new:
  // the run reads the rows still open (and the few closed ones the passes look at).
  const rerun = await measure();
  log(`  re-run over the booked month: ${describe(rerun)} (${rerun.groups} open proposals written again)`);
  // A change that alters no answer (counted by the triggers all the same, as a person's note on a
  // rule would be): the run cannot stand on the last answer and reads the open rows.
  await pool.query(`UPDATE "ReconcileLoadState" SET changes = changes + 1 WHERE "orgId" = $1`, [orgId]);
  const openRerun = await measure();
  log(`  re-run reading the open rows (a change that alters nothing): ${describe(openRerun)}`);
  // A day's import: 1 % new orders with their lines, a withdrawal each, the bank receipts.
  const added = await seedIncrement(pool, orgId, Math.max(1, Math.round(orderCount / 100)), orderCount);
  log(`  added ${added.orders} orders, ${added.lines} bill lines, ${added.bank} wallet and bank lines (not timed)`);
  const plusOnePercent = await measure();
  log(`  re-run after +1 %: ${describe(plusOnePercent)} (${plusOnePercent.autoConfirmed} new groups booked)`);

  const all = [...results, rerun, openRerun, plusOnePercent];
  const worst = { firstRunRatio: Math.max(...results.map((r) => r.ratio)), peakRssMiB: Math.max(...all.map((r) => r.peakRssMiB)) };
  const verdict = {
    firstRunRatio: worst.firstRunRatio <= TARGETS.firstRunRatio,
    peakRss: worst.peakRssMiB <= TARGETS.peakRssMiB,
    rerunRatio: rerun.ratio <= TARGETS.rerunRatio,
    plusOnePercentRatio: plusOnePercent.ratio <= TARGETS.plusOnePercentRatio,
  };
  if (values.json) console.log(JSON.stringify({ ...counts, passes: "1-3", runs: results, rerun, openRerun, plusOnePercent, targets: TARGETS, meets: verdict }));
  else {
    const last = results[results.length - 1]!;
    const of = (key: Exclude<keyof RunFigures, "incremental" | "unchanged">) => range(results.map((r) => r[key]));
    console.log(`\nReconciliation, passes 1–3, ${counts.orders.toLocaleString("en")} orders, ${runs} run(s), PostgreSQL → engine → PostgreSQL:`);
    console.log(`  load            ${of("loadSeconds")} s`);
    console.log(`  engine          ${of("engineSeconds")} s`);
    console.log(`  save            ${of("saveSeconds")} s   (${last.groups.toLocaleString("en")} groups, ${last.items.toLocaleString("en")} items, ${last.adjustments.toLocaleString("en")} adjustments)`);
    console.log(`  total           ${of("totalSeconds")} s = ${of("ratio")} × SQL hash join ${of("sqlHashJoinSeconds")} s (target ≤ ${TARGETS.firstRunRatio} ×) ${verdict.firstRunRatio ? "✔" : "✘"}`);
    const mark = (ok: boolean) => (ok ? "✔" : "✘");
    console.log(`  re-run          ${rerun.totalSeconds} s = ${rerun.ratio} × SQL hash join ${rerun.sqlHashJoinSeconds} s (target ≤ ${TARGETS.rerunRatio} ×) ${mark(verdict.rerunRatio)}   (nothing new: load ${rerun.loadSeconds} s, engine ${rerun.engineSeconds} s, save ${rerun.saveSeconds} s)`);
    console.log(`  open-row re-run ${openRerun.totalSeconds} s = ${openRerun.ratio} × SQL hash join ${openRerun.sqlHashJoinSeconds} s   (a change that alters nothing: load ${openRerun.loadSeconds} s, engine ${openRerun.engineSeconds} s, save ${openRerun.saveSeconds} s)`);
    console.log(`  +1 % re-run     ${plusOnePercent.totalSeconds} s = ${plusOnePercent.ratio} × SQL hash join ${plusOnePercent.sqlHashJoinSeconds} s (target ≤ ${TARGETS.plusOnePercentRatio} ×) ${mark(verdict.plusOnePercentRatio)}   (load ${plusOnePercent.loadSeconds} s, engine ${plusOnePercent.engineSeconds} s, save ${plusOnePercent.saveSeconds} s)`);
    console.log(`  peak RSS        ${range(all.map((r) => r.peakRssMiB))} MiB   (target ≤ ${TARGETS.peakRssMiB} MiB) ${verdict.peakRss ? "✔" : "✘"}`);
    console.log(`  SQL hash join   ${of("sqlHashJoinSeconds")} s   (pass 1 alone in plain SQL: ${last.sqlJoinedOrders.toLocaleString("en")} orders, ${last.sqlJoinedLines.toLocaleString("en")} lines)`);
  }
} finally {
  await pool.end();
  if (values.keep) console.error(`Kept the database: ${url}`);
  else await databases.drop();
}
process.exit(0);
