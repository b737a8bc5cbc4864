// npm run bench -- export [--source db|synthetic] [--rows N] [--format xlsx|pdf] [--runs N] [--json] [--keep]
// (dispatched by scripts/bench.ts). Each run writes the file in its own process (for its peak RSS)
// and, in the same run, the same rows as plain CSV, the floor. Prints medians, the ratio and the targets.
// --source db (the default for xlsx): the real path. A fresh database with a month of --rows orders
//   nearly all matched (about one CONFIRMED group per order; seeding takes minutes), then the export
//   job's own code on the whole 已匹配 list: describe in one REPEATABLE READ snapshot, writeXlsx, the
//   bytes stored in PostgreSQL (export-db-runs.ts); the floor is the same rows from one COPY … CSV.
// --source synthetic (the default for pdf): the writers alone, on rows shaped like the 已匹配 list
//   generated in the process (matched-rows.ts), against the same rows written as CSV.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureDbExports } from "./export-db-runs";

const TARGETS = {
  xlsx: { rows: 1_000_000, seconds: 30, peakRssMiB: 1024 },
  pdf: { rows: 10_000, seconds: 20, peakRssMiB: 1024 },
};
const projectRoot = process.cwd();

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    rows: { type: "string" },
    format: { type: "string", default: "xlsx" },
    source: { type: "string" },
    keep: { type: "boolean", default: false },
    runs: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const format = values.format;
if (format !== "xlsx" && format !== "pdf") throw new Error(`--format is xlsx or pdf, not ${format}`);
const target = TARGETS[format];
const source = values.source ?? (format === "xlsx" ? "db" : "synthetic");
if (source !== "db" && source !== "synthetic") throw new Error(`--source is db or synthetic, not ${source}`);
// A PDF takes at most 10,000 rows: the database source (a whole month's list) is for Excel.
if (source === "db" && format !== "xlsx") throw new Error("--source db writes XLSX; use --source synthetic for pdf");
const rows = Number(values.rows ?? target.rows);
// A million-row run takes minutes of two shared cores: one run unless asked for more.
const runs = Number(values.runs ?? (rows >= 500_000 ? 1 : 3));
const log = (line: string) => !values.json && console.log(line);

const dir = path.join(projectRoot, ".data", "bench");
fs.mkdirSync(dir, { recursive: true });

type Run = { ms: number; maxRssBytes: number; bytes: number };

function runWorker(kind: "xlsx" | "pdf" | "csv"): Run {
  const file = path.join(dir, `export-${rows}.${kind}`);
  const worker = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/bench/export-worker.ts", kind, String(rows), file], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    // As the app runs in production: React and react-pdf skip their development checks.
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (worker.status !== 0) throw new Error(`export worker (${kind}) failed:\n${worker.stderr}`);
  fs.rmSync(file, { force: true });
  return JSON.parse(worker.stdout.trim().split("\n").pop()!) as Run;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function measureSynthetic(): { exports: Run[]; csvs: Run[] } {
  const exports: Run[] = [];
  const csvs: Run[] = [];
  for (let i = 0; i < runs; i++) {
    log(`Run ${i + 1}/${runs}: ${rows.toLocaleString("en")} rows to ${format.toUpperCase()}, then the same rows to CSV (load average ${os.loadavg()[0]!.toFixed(1)}) …`);
    exports.push(runWorker(format as "xlsx" | "pdf"));
    csvs.push(runWorker("csv"));
  }
  return { exports, csvs };
}

const fromDb = source === "db" ? await measureDbExports(rows, runs, log, values.keep) : undefined;
const { exports, csvs } = fromDb ?? measureSynthetic();
const seconds = (ms: number) => +(ms / 1000).toFixed(2);
/** Rows in the file: the list's groups from the database, else the generated rows. */
const written = fromDb ? fromDb.exports[0]!.rows : rows;
const figures = {
  source,
  format,
  rows: written,
  ...(fromDb ? { orders: fromDb.orders, groups: fromDb.groups, items: fromDb.items, seedSeconds: fromDb.seedSeconds, csvRows: fromDb.csvs[0]!.rows } : {}),
  runs,
  seconds: seconds(median(exports.map((r) => r.ms))),
  allSeconds: exports.map((r) => seconds(r.ms)),
  ...(fromDb ? { writeSeconds: seconds(median(fromDb.exports.map((r) => r.writeMs))), storeSeconds: seconds(median(fromDb.exports.map((r) => r.storeMs))) } : {}),
  rowsPerSecond: Math.round(written / (median(exports.map((r) => r.ms)) / 1000)),
  peakRssMiB: Math.round(Math.max(...exports.map((r) => r.maxRssBytes)) / 1048576),
  fileMiB: +(exports[0]!.bytes / 1048576).toFixed(1),
  csvSeconds: seconds(median(csvs.map((r) => r.ms))),
  csvPeakRssMiB: Math.round(Math.max(...csvs.map((r) => r.maxRssBytes)) / 1048576),
  csvMiB: +(csvs[0]!.bytes / 1048576).toFixed(1),
  ratioToCsv: +(median(exports.map((r) => r.ms)) / median(csvs.map((r) => r.ms))).toFixed(1),
  loadAverage: +os.loadavg()[0]!.toFixed(1),
};
// The targets are stated for their sizes (a 1M-order month; 10,000 PDF rows); other sizes are reported without a verdict.
const judged = rows === target.rows;
const meets = { seconds: figures.seconds <= target.seconds, peakRss: figures.peakRssMiB <= target.peakRssMiB };
if (values.json) console.log(JSON.stringify({ ...figures, targets: target, meets: judged ? meets : null }));
else {
  const mark = (ok: boolean) => (judged ? (ok ? " ✔" : " ✘") : "");
  const what = fromDb
    ? `the 已匹配 list of a ${fromDb.orders.toLocaleString("en")}-order month (${fromDb.groups.toLocaleString("en")} CONFIRMED groups, ${fromDb.items.toLocaleString("en")} items) from PostgreSQL`
    : `${rows.toLocaleString("en")} synthetic 已匹配 rows (no database)`;
  console.log(`\nExport of ${what}, median of ${runs} (load average ${figures.loadAverage}):`);
  const split = fromDb ? `; written ${figures.writeSeconds} s + stored in PostgreSQL ${figures.storeSeconds} s` : "";
  console.log(`  ${format.toUpperCase().padEnd(5)}  ${figures.seconds} s  (${figures.allSeconds.join(", ")}${split})  = ${figures.rowsPerSecond.toLocaleString("en")} rows/s, ${written.toLocaleString("en")} rows, ${figures.fileMiB} MiB   (target ≤ ${target.seconds} s)${mark(meets.seconds)}`);
  const csvWhat = fromDb ? `CSV from one COPY (SELECT …), ${fromDb.csvs[0]!.rows.toLocaleString("en")} rows, ` : "CSV    ";
  console.log(`  ${csvWhat}${figures.csvSeconds} s  ${figures.csvMiB} MiB, peak RSS ${figures.csvPeakRssMiB} MiB   ratio ${figures.ratioToCsv}×`);
  console.log(`  peak RSS ${figures.peakRssMiB} MiB   (target ≤ ${target.peakRssMiB} MiB)${mark(meets.peakRss)}`);
}
process.exit(0);
