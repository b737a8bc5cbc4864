// The export bench's database source: a fresh database (embedded PostgreSQL unless DATABASE_URL),
// one organization with a month of `orders` orders nearly all matched into CONFIRMED groups
// (ledger-seed.ts monthPlan, written with COPY: minutes for a million), then per run, each in its
// own process (export-db-worker.ts): the export job's XLSX of the whole 已匹配 list, and the same
// rows as CSV from one COPY, the floor.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createDbClient } from "../../lib/db/client";
import { createTestDatabases } from "../../tests/support/test-database";
import { monthPlan, seedLedger } from "./ledger-seed";

export type DbRun = { ms: number; writeMs: number; storeMs: number; rows: number; bytes: number; maxRssBytes: number };
export type DbRuns = { orders: number; groups: number; items: number; seedSeconds: number; exports: DbRun[]; csvs: DbRun[] };

const projectRoot = process.cwd();

function runWorker(kind: "xlsx" | "csv", url: string, orgId: string): DbRun {
  const csvFile = path.join(projectRoot, ".data", "bench", `export-db-${process.pid}.csv`);
  const worker = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/bench/export-db-worker.ts", kind, url, orgId, csvFile], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (worker.status !== 0) throw new Error(`export worker (${kind}) failed:\n${worker.stderr}`);
  return JSON.parse(worker.stdout.trim().split("\n").pop()!) as DbRun;
}

export async function measureDbExports(orders: number, runs: number, log: (line: string) => void, keep: boolean): Promise<DbRuns> {
  const plan = monthPlan(orders);
  const databases = await createTestDatabases(projectRoot, ["export"]);
  const url = databases.urls[0]!;
  try {
    // About 5 minutes for a million orders on the two shared cores (2026-12-04, load average ≈ 5).
    const minutes = Math.max(1, Math.round((orders / 1_000_000) * 5));
    log(`Seeding a month of ${orders.toLocaleString("en")} orders, ${plan.lines.toLocaleString("en")} settlement lines, ${plan.bank.toLocaleString("en")} bank rows and their groups with COPY (not timed; takes minutes: ~${minutes} min here) …`);
    const seedStarted = performance.now();
    const db = createDbClient(url);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => {}); // an idle connection ended by the database's drop
    const seeded = await seedLedger(db, pool, plan, "基准测试电子商务有限公司");
    await pool.end();
    await db.$disconnect();
    const seedSeconds = +((performance.now() - seedStarted) / 1000).toFixed(1);
    const groups = seeded.groups.CONFIRMED ?? 0;
    log(`  seeded in ${seedSeconds} s: groups ${JSON.stringify(seeded.groups)}, ${seeded.items.toLocaleString("en")} items`);
    const exports: DbRun[] = [];
    const csvs: DbRun[] = [];
    for (let run = 0; run < runs; run++) {
      log(`Run ${run + 1}/${runs}: the 已匹配 list (${groups.toLocaleString("en")} groups) to XLSX as the export job writes and stores it, then the same rows as CSV from one COPY …`);
      exports.push(runWorker("xlsx", url, seeded.orgId));
      csvs.push(runWorker("csv", url, seeded.orgId));
    }
    return { orders, groups, items: seeded.items, seedSeconds, exports, csvs };
  } finally {
    if (keep) console.error(`Kept the database: ${url}`);
    else await databases.drop();
  }
}
