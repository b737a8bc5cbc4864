// The database the report and analysis benches read: N orders with their bill, wallet and bank
// lines (reconcile-month.ts) written into a fresh database, reconciled once and its receivables and
// report rollups rebuilt (not timed: the jobs keep them), then VACUUM ANALYZEd. With `url`, an
// existing one (kept by an earlier run with --keep) is used instead: seeding takes minutes.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { createDbClient } from "../../lib/db/client";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { refreshReceivablesAndRollups } from "../../lib/reports/rollups/refresh-report-rollups";
import { createTestDatabases } from "../../tests/support/test-database";
import { buildMonth } from "./reconcile-month";
import { seedMonth } from "./reconcile-seed";

export type ReconciledDatabase = { url: string; orgId: string; drop: () => Promise<void> };

export async function reconciledDatabase(options: { name: string; orders: number; bank: number; keep: boolean; url?: string; log: (line: string) => void }): Promise<ReconciledDatabase> {
  const projectRoot = process.cwd();
  if (options.url) {
    const server = await startEmbeddedPostgres(projectRoot);
    const client = new pg.Client({ connectionString: options.url });
    await client.connect();
    const org = await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE slug LIKE 'reconcile-bench-%' ORDER BY "createdAt" DESC LIMIT 1`);
    await client.end();
    return { url: options.url, orgId: org.rows[0]!.id, drop: () => server.stop() };
  }
  const databases = await createTestDatabases(projectRoot, [options.name]);
  const url = databases.urls[0]!;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = createDbClient(url);
  try {
    options.log(`Writing a month of ${options.orders.toLocaleString("en")} orders into a fresh database (not timed) …`);
    const { orgId } = await seedMonth(db, pool, buildMonth(options.orders, options.bank));
    options.log("Reconciling it and rebuilding its receivables (not timed) …");
    const worker = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/bench/reconcile-worker.ts", url, orgId], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (worker.status !== 0) throw new Error(`reconcile worker failed:\n${worker.stderr}`);
    await refreshReceivablesAndRollups(pool, orgId);
    await pool.query("VACUUM ANALYZE");
    return { url, orgId, drop: () => (options.keep ? Promise.resolve(console.error(`Kept the database: ${url}`)) : databases.drop()) };
  } finally {
    await db.$disconnect();
    await pool.end();
  }
}
