// npm run bench -- import [--rows N] [--format csv|xlsx] [--json]  (dispatched by scripts/bench.ts)
// Import speed and memory on a generated Tmall order export, on a fresh database. For the GBK CSV,
// beside a raw COPY of the same file into an all-text table in the same run (what PostgreSQL alone
// costs); the XLSX of the same rows has its own target.
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
import { writeOrderXlsx } from "./write-order-xlsx";

const TARGETS = { rowsPerSecond: 70_000, copyRatio: 3, peakRssMiB: 512 };
const XLSX_TARGETS = { seconds: 40 };
const projectRoot = process.cwd();

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    rows: { type: "string", default: "1000000" },
    format: { type: "string", default: "csv" },
    xlsx: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const rows = Number(values.rows);
const format = values.xlsx ? "xlsx" : values.format;
if (format !== "csv" && format !== "xlsx") throw new Error(`--format is csv or xlsx, not ${format}`);
const log = (line: string) => !values.json && console.log(line);

const dir = path.join(projectRoot, ".data", "bench");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `tmall-orders-${rows}.${format}`);
if (!fs.existsSync(file)) {
  log(`Writing ${rows} orders to ${path.relative(projectRoot, file)} …`);
  const write = format === "xlsx" ? writeOrderXlsx : writeOrderCsv;
  await write(file, rows, path.join(projectRoot, "tests/samples/import/tmall-orders.csv"));
}
const fileBytes = fs.statSync(file).size;

/** Raw COPY: the same bytes into a table of text columns, no parsing beyond CSV. */
async function rawCopyMs(url: string): Promise<number> {
  const columnCount = fs.readFileSync(file).subarray(0, 4096).toString("latin1").split(/\r?\n/)[0]!.split(",").length;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE raw_orders (${Array.from({ length: columnCount }, (_, i) => `c${i} text`).join(", ")})`);
  const copyStarted = performance.now();
  await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom("COPY raw_orders FROM STDIN WITH (FORMAT csv, HEADER true, ENCODING 'GBK')")));
  const copyMs = performance.now() - copyStarted;
  await client.query("DROP TABLE raw_orders");
  await client.end();
  return copyMs;
}

type WorkerResult = { ms: number; maxRssBytes: number; inserted: number; rows: number; status: string; errors: number };

/** The import through importFile, in its own process so its peak RSS is the import's alone. */
async function importInWorker(url: string): Promise<WorkerResult> {
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
  const result = JSON.parse(worker.stdout.trim().split("\n").pop()!) as WorkerResult;
  if (result.inserted !== rows) throw new Error(`expected ${rows} rows stored, got ${result.inserted} (${result.status}, ${result.errors} errors)`);
  return result;
}

function reportCsv(result: WorkerResult, copyMs: number) {
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
  if (values.json) console.log(JSON.stringify({ format, ...figures, targets: TARGETS, meets: verdict }));
  else {
    console.log(`\nImport of ${rows.toLocaleString("en")} Tmall orders (${figures.fileMiB} MiB, GBK CSV):`);
    console.log(`  end to end      ${figures.importSeconds} s  = ${figures.rowsPerSecond.toLocaleString("en")} rows/s   (target ≥ ${TARGETS.rowsPerSecond.toLocaleString("en")}) ${verdict.rowsPerSecond ? "✔" : "✘"}`);
    console.log(`  raw COPY        ${figures.rawCopySeconds} s   ratio ${figures.ratioToRawCopy}×   (target ≤ ${TARGETS.copyRatio}×) ${verdict.ratioToRawCopy ? "✔" : "✘"}`);
    console.log(`  peak RSS        ${figures.peakRssMiB} MiB   (target ≤ ${TARGETS.peakRssMiB} MiB) ${verdict.peakRss ? "✔" : "✘"}`);
  }
}

function reportXlsx(result: WorkerResult) {
  const figures = {
    rows,
    fileMiB: +(fileBytes / 1048576).toFixed(1),
    importSeconds: +(result.ms / 1000).toFixed(2),
    rowsPerSecond: Math.round(rows / (result.ms / 1000)),
    peakRssMiB: Math.round(result.maxRssBytes / 1048576),
  };
  const verdict = { seconds: figures.importSeconds <= XLSX_TARGETS.seconds, peakRss: figures.peakRssMiB <= TARGETS.peakRssMiB };
  if (values.json) console.log(JSON.stringify({ format, ...figures, targets: { ...XLSX_TARGETS, peakRssMiB: TARGETS.peakRssMiB }, meets: verdict }));
  else {
    console.log(`\nImport of ${rows.toLocaleString("en")} Tmall orders (${figures.fileMiB} MiB, XLSX):`);
    console.log(`  end to end      ${figures.importSeconds} s  = ${figures.rowsPerSecond.toLocaleString("en")} rows/s   (target ≤ ${XLSX_TARGETS.seconds} s) ${verdict.seconds ? "✔" : "✘"}`);
    console.log(`  peak RSS        ${figures.peakRssMiB} MiB   (target ≤ ${TARGETS.peakRssMiB} MiB) ${verdict.peakRss ? "✔" : "✘"}`);
  }
}

const databases = await createTestDatabases(projectRoot, ["bench"]);
const url = databases.urls[0]!;
try {
  if (format === "csv") {
    const copyMs = await rawCopyMs(url);
    log(`Raw COPY: ${(copyMs / 1000).toFixed(1)} s`);
    reportCsv(await importInWorker(url), copyMs);
  } else {
    reportXlsx(await importInWorker(url));
  }
} finally {
  await databases.drop();
}
process.exit(0);
