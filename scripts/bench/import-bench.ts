// npm run bench -- import [--rows N] [--json]  (dispatched by scripts/bench.ts)
// Import speed and memory on a generated Tmall order export, beside a raw COPY of the same file
// into an all-text table in the same run (what PostgreSQL alone costs), on a fresh database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { createDbClient } from "../../lib/db/client";
import { createOrganization } from "../../lib/orgs/create-organization";
import { createStore } from "../../lib/stores/store-service";
import { createTestDatabases } from "../../tests/support/test-database";
import { writeOrderCsv } from "./write-order-csv";

const TARGETS = { rowsPerSecond: 70_000, copyRatio: 3, peakRssMiB: 512 };
const projectRoot = process.cwd();

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { rows: { type: "string", default: "1000000" }, json: { type: "boolean", default: false } },
});
const rows = Number(values.rows);
const log = (line: string) => !values.json && console.log(line);

const dir = path.join(projectRoot, ".data", "bench");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `tmall-orders-${rows}.csv`);
if (!fs.existsSync(file)) {
  log(`Writing ${rows} orders to ${path.relative(projectRoot, file)} …`);
  await writeOrderCsv(file, rows, path.join(projectRoot, "tests/samples/import/tmall-orders.csv"));
}
const fileBytes = fs.statSync(file).size;

const databases = await createTestDatabases(projectRoot, ["bench"]);
const url = databases.urls[0]!;
try {
  // Raw COPY: the same bytes into a table of text columns, no parsing beyond CSV.
  const columnCount = fs.readFileSync(file).subarray(0, 4096).toString("latin1").split(/\r?\n/)[0]!.split(",").length;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE raw_orders (${Array.from({ length: columnCount }, (_, i) => `c${i} text`).join(", ")})`);
  const copyStarted = performance.now();
  await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom("COPY raw_orders FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'GBK')")));
  const copyMs = performance.now() - copyStarted;
  await client.query("DROP TABLE raw_orders");
  await client.end();
  log(`Raw COPY: ${(copyMs / 1000).toFixed(1)} s`);

  const db = createDbClient(url);
  const org = await createOrganization(db, { name: "Bench", slug: `bench-${Date.now()}` });
  const actor = { orgId: org.id, userId: null, userEmail: "bench" };
  const store = await createStore(db, actor, { name: "天猫店", platform: "TMALL", currency: "CNY", settlementTermsDays: 0, feeRatePercent: 500 });
  await db.$disconnect();

  log("End-to-end import (read → validate → COPY → de-duplicate) …");
  const worker = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/bench/import-worker.ts", url, org.id, store.id, file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (worker.status !== 0) throw new Error(`import worker failed:\n${worker.stderr}`);
  const result = JSON.parse(worker.stdout.trim().split("\n").pop()!) as { ms: number; maxRssBytes: number; inserted: number; rows: number; status: string; errors: number };
  if (result.inserted !== rows) throw new Error(`expected ${rows} rows stored, got ${result.inserted} (${result.status}, ${result.errors} errors)`);

  const figures = {
    rows,
    fileMiB: +(fileBytes / 1048576).toFixed(1),
    importSeconds: +(result.ms / 1000).toFixed(2),
    rowsPerSecond: Math.round(rows / (result.ms / 1000)),
    peakRssMiB: Math.round(result.maxRssBytes / 1048576),
    rawCopySeconds: +(copyMs / 1000).toFixed(2),
    ratioToRawCopy: +(result.ms / copyMs).toFixed(2),
  };
  const verdict = {
    rowsPerSecond: figures.rowsPerSecond >= TARGETS.rowsPerSecond,
    ratioToRawCopy: figures.ratioToRawCopy <= TARGETS.copyRatio,
    peakRss: figures.peakRssMiB <= TARGETS.peakRssMiB,
  };
  if (values.json) console.log(JSON.stringify({ ...figures, targets: TARGETS, meets: verdict }));
  else {
    console.log(`\nImport of ${rows.toLocaleString("en")} Tmall orders (${figures.fileMiB} MiB, GBK CSV):`);
    console.log(`  end to end      ${figures.importSeconds} s  = ${figures.rowsPerSecond.toLocaleString("en")} rows/s   (target ≥ ${TARGETS.rowsPerSecond.toLocaleString("en")}) ${verdict.rowsPerSecond ? "✔" : "✘"}`);
    console.log(`  raw COPY        ${figures.rawCopySeconds} s   ratio ${figures.ratioToRawCopy}×   (target ≤ ${TARGETS.copyRatio}×) ${verdict.ratioToRawCopy ? "✔" : "✘"}`);
    console.log(`  peak RSS        ${figures.peakRssMiB} MiB   (target ≤ ${TARGETS.peakRssMiB} MiB) ${verdict.peakRss ? "✔" : "✘"}`);
  }
} finally {
  await databases.drop();
}
process.exit(0);
