// npm run bench -- workspace [--orders N] [--bank N] [--lines N] [--json] [--keep]  (dispatched by scripts/bench.ts)
// The reconciliation workspace at scale: one organization with a few stores and accounts, N orders,
// ~N/2 settlement lines, the bank statement and a small Alipay ledger, about half of the orders and
// lines already in CONFIRMED groups (items signed as lib/match-engine/README.md "Signs" says), a few
// hundred PROPOSED groups, so more than 100k rows are still open. Written with COPY into a fresh
// database (not timed). Then, in a process of its own (for its peak RSS), the functions the pages
// call, called as the pages call them, each timed as the median of 5 runs after one warm-up, against
// 500 ms per page load.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDbClient } from "../../lib/db/client";
import { takenOfRowSql } from "../../lib/ledger/row-remaining";
import { defaultRules } from "../../lib/match-engine";
import { groupFilterSchema, listGroups } from "../../lib/match-review/list-groups";
import { listPeriods } from "../../lib/match-review/list-periods";
import { monthSummary, summaryMonths } from "../../lib/match-review/month-summary";
import { listUnmatched, unmatchedFilterSchema, type UnmatchedList } from "../../lib/match-review/list-unmatched";
import { suggestCandidates } from "../../lib/match-review/suggest-candidates";
import { createTestDatabases } from "../../tests/support/test-database";
import { seedLedger, workspacePlan } from "./ledger-seed";

const TARGETS = { queryMs: 500 };
const RUNS = 5;
const projectRoot = process.cwd();

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    orders: { type: "string", default: "200000" },
    bank: { type: "string", default: "100000" },
    lines: { type: "string" },
    json: { type: "boolean", default: false },
    /** Keep the seeded database (its URL is printed) for EXPLAIN; drop it yourself. */
    keep: { type: "boolean", default: false },
    // Internal: the timing process, started by this script on the seeded database.
    worker: { type: "string" },
    org: { type: "string" },
  },
});

// ---------------------------------------------------------------------------------------------
// The timed part (its own process)
// ---------------------------------------------------------------------------------------------

type Timing = { name: string; ms: number; runs: number[]; rows: number; total: number };

async function time(name: string, call: () => Promise<{ rows: number; total: number }>): Promise<Timing> {
  await call(); // warm-up
  const runs: number[] = [];
  let last = { rows: 0, total: 0 };
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    last = await call();
    runs.push(performance.now() - started);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { name, ms: sorted[Math.floor(RUNS / 2)]!, runs, ...last };
}

async function timeQueries(url: string, orgId: string): Promise<{ timings: Timing[]; maxRssBytes: number }> {
  const db = createDbClient(url);
  const rules = defaultRules();
  const stores = await db.store.findMany({ where: { orgId }, orderBy: { name: "asc" } });
  const accounts = await db.fundAccount.findMany({ where: { orgId }, orderBy: { name: "asc" } });
  const ownerOf: Record<UnmatchedList, string> = {
    orders: stores.find((store) => store.platform === "TMALL")!.id,
    lines: stores.find((store) => store.platform === "PDD")!.id,
    bank: accounts.find((account) => account.name === "工商银行一般户")!.id,
  };
  const timings: Timing[] = [];
  const page = (result: { rows: unknown[]; total: number }) => ({ rows: result.rows.length, total: result.total });
  // The pane's filters exactly as the page parses them from its URL.
  const pane = (params: Record<string, string>) => unmatchedFilterSchema.parse(params);
  for (const [list, slot] of [["orders", "down"], ["bank", "up"], ["lines", "down"]] as const) {
    // What a person would type or pick, taken from an open row halfway down the list: the start of
    // its reference (an order, payout or bank number) and the week from its day.
    const first = await listUnmatched(db, orgId, list, slot, pane({}), rules);
    const sample = (await listUnmatched(db, orgId, list, slot, pane({ page: String(Math.ceil(first.pages / 2)) }), rules)).rows.find((row) => row.ref && row.day)!;
    const text = sample.ref!.slice(0, -2);
    const to = new Date(Date.parse(`${sample.day}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    const cases: [string, Record<string, string>][] = [
      ["page 1", {}],
      ["page 50", { page: "50" }],
      [`text "${text}"`, { q: text }],
      [`dates ${sample.day!.slice(5)}…${to.slice(5)}`, { from: sample.day!, to }],
      ["amount 100–200", { min: "100", max: "200" }],
      ["owner", { owner: ownerOf[list] }],
      // The table's other orders (every case also totals and subtotals the whole filtered list).
      ["sorted by amount, 500 rows", { sort: "remaining", dir: "desc" }],
      ["sorted by owner", { sort: "owner" }],
    ];
    for (const [label, params] of cases) {
      const size = label.includes("500 rows") ? 500 : undefined;
      timings.push(await time(`${list} ${label}`, async () => page(await listUnmatched(db, orgId, list, slot, pane(params), rules, size))));
    }
  }
  for (const [status, label] of [
    ["PROPOSED", "proposals"],
    ["CONFIRMED", "matched"],
  ] as const) {
    const first = await listGroups(db, orgId, [status], groupFilterSchema.parse({}));
    for (const pageNo of [1, Math.max(2, Math.ceil(first.pages * 0.8))]) {
      timings.push(
        await time(`${label} page ${pageNo}`, async () => {
          const result = await listGroups(db, orgId, [status], groupFilterSchema.parse({ page: String(pageNo) }));
          return { rows: result.groups.length, total: result.total };
        }),
      );
    }
    // Sorted by a computed column, 500 to a page, with the 合计 row and per-store subtotals.
    timings.push(
      await time(`${label} by amount, 500 rows`, async () => {
        const result = await listGroups(db, orgId, [status], groupFilterSchema.parse({ sort: "amount", dir: "desc" }), 500);
        return { rows: result.groups.length, total: result.total };
      }),
    );
  }
  timings.push(await time("periods", async () => ({ rows: (await listPeriods(db, orgId)).length, total: 0 })));
  // The home page, on every visit: the months it offers, then the latest month's state.
  timings.push(
    await time("home: month summary", async () => {
      const months = await summaryMonths(db, orgId);
      const summary = await monthSummary(db, orgId, months[0]!);
      return { rows: months.length, total: summary.orders.count };
    }),
  );
  // The suggest action: the row as its list shows it, then candidates from the other list.
  const bankPages = (await listUnmatched(db, orgId, "bank", "up", pane({}), rules)).pages;
  const target = (await listUnmatched(db, orgId, "bank", "up", pane({ page: String(Math.ceil(bankPages / 2)) }), rules)).rows.find((row) => row.amountMinor > 0n)!;
  timings.push(
    await time("suggest (row + candidates)", async () => {
      const own = (await listUnmatched(db, orgId, "bank", "up", { ...unmatchedFilterSchema.parse({}), row: { side: target.side, id: target.id } }, rules, 1)).rows[0]!;
      const candidates = await suggestCandidates(db, orgId, own, "orders", "down", rules);
      return { rows: candidates.length, total: 0 };
    }),
  );
  await db.$disconnect();
  return { timings, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

// ---------------------------------------------------------------------------------------------

if (values.worker) {
  const result = await timeQueries(values.worker, values.org!);
  console.log(JSON.stringify(result));
  process.exit(0);
}

const plan = workspacePlan(Number(values.orders), Number(values.bank), Number(values.lines ?? Math.round(Number(values.orders) / 2)));
const log = (line: string) => !values.json && console.log(line);
const databases = await createTestDatabases(projectRoot, ["bench"]);
const url = databases.urls[0]!;
try {
  log(`Seeding ${plan.orders.toLocaleString("en")} orders, ${plan.lines.toLocaleString("en")} settlement lines, ${plan.bank.toLocaleString("en")} bank rows, ${plan.wallet.toLocaleString("en")} wallet rows …`);
  const seedStarted = performance.now();
  const db = createDbClient(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {}); // an idle connection ended by the database's drop
  const seeded = await seedLedger(db, pool, plan);
  const open = await pool.query<{ orders: string; lines: string; bank: string }>(
    // Untouched: no counting group took anything of the row's side (lib/ledger/row-remaining.ts).
    `SELECT (SELECT count(*) FROM "Order" t WHERE t."orgId" = $1 AND ${takenOfRowSql("t", "ORDER", "'DOWN'")} IS NULL) AS orders,
            (SELECT count(*) FROM "SettlementLine" t WHERE t."orgId" = $1 AND ${takenOfRowSql("t", "SETTLEMENT", "'DOWN'")} IS NULL) AS lines,
            (SELECT count(*) FROM "BankTransaction" t JOIN "FundAccount" a ON a.id = t."fundAccountId" WHERE t."orgId" = $1 AND a.type = 'BANK' AND ${takenOfRowSql("t", "BANK", "'UP'")} IS NULL) AS bank`,
    [seeded.orgId],
  );
  await pool.end();
  await db.$disconnect();
  const untouched = { orders: Number(open.rows[0]!.orders), lines: Number(open.rows[0]!.lines), bank: Number(open.rows[0]!.bank) };
  log(`  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s: groups ${JSON.stringify(seeded.groups)}, ${seeded.items.toLocaleString("en")} items; untouched open rows ${JSON.stringify(untouched)}`);

  log(`Timing the workspace queries (median of ${RUNS} after 1 warm-up) …`);
  const worker = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/bench.ts", "workspace", "--worker", url, "--org", seeded.orgId], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (worker.status !== 0) throw new Error(`timing process failed:\n${worker.stderr}`);
  const result = JSON.parse(worker.stdout.trim().split("\n").pop()!) as { timings: Timing[]; maxRssBytes: number };
  const peakRssMiB = Math.round(result.maxRssBytes / 1048576);
  const queries = result.timings.map((timing) => ({ name: timing.name, ms: +timing.ms.toFixed(1), rows: timing.rows, total: timing.total, meets: timing.ms <= TARGETS.queryMs }));
  if (values.json) {
    console.log(JSON.stringify({ orders: plan.orders, lines: plan.lines, bank: plan.bank, wallet: plan.wallet, groups: seeded.groups, items: seeded.items, untouched, queries, peakRssMiB, targets: TARGETS, meets: queries.every((query) => query.meets) }));
  } else {
    console.log(`\nWorkspace queries, ${plan.orders.toLocaleString("en")} orders / ${plan.lines.toLocaleString("en")} lines / ${plan.bank.toLocaleString("en")} bank rows (target ≤ ${TARGETS.queryMs} ms each):`);
    for (const query of queries) {
      const shown = query.total > 0 ? `${query.rows} rows of ${query.total.toLocaleString("en")}` : `${query.rows} rows`;
      console.log(`  ${query.name.padEnd(28)} ${query.ms.toFixed(1).padStart(8)} ms   ${shown.padEnd(22)} ${query.meets ? "✔" : "✘"}`);
    }
    console.log(`  peak RSS of the timing process: ${peakRssMiB} MiB`);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (values.keep) console.error(`Kept the database: ${url}`);
  else await databases.drop();
}
process.exit();
