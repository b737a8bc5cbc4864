// npm run bench -- export [--rows N] [--format xlsx|pdf] [--runs N] [--json]  (dispatched by scripts/bench.ts)
// The export layer on rows shaped like the 已匹配 list, generated in the process (no database):
// each run writes the file in its own process (for its peak RSS) and, in the same run, the same
// rows as plain CSV, the floor any export format pays. Prints medians, the ratio and the targets.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

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
    runs: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const format = values.format;
if (format !== "xlsx" && format !== "pdf") throw new Error(`--format is xlsx or pdf, not ${format}`);
const target = TARGETS[format];
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

const exports: Run[] = [];
const csvs: Run[] = [];
for (let i = 0; i < runs; i++) {
  log(`Run ${i + 1}/${runs}: ${rows.toLocaleString("en")} rows to ${format.toUpperCase()}, then the same rows to CSV (load average ${os.loadavg()[0]!.toFixed(1)}) …`);
  exports.push(runWorker(format));
  csvs.push(runWorker("csv"));
}

const figures = {
  format,
  rows,
  runs,
  seconds: +(median(exports.map((r) => r.ms)) / 1000).toFixed(2),
  allSeconds: exports.map((r) => +(r.ms / 1000).toFixed(2)),
  rowsPerSecond: Math.round(rows / (median(exports.map((r) => r.ms)) / 1000)),
  peakRssMiB: Math.round(Math.max(...exports.map((r) => r.maxRssBytes)) / 1048576),
  fileMiB: +(exports[0]!.bytes / 1048576).toFixed(1),
  csvSeconds: +(median(csvs.map((r) => r.ms)) / 1000).toFixed(2),
  csvPeakRssMiB: Math.round(Math.max(...csvs.map((r) => r.maxRssBytes)) / 1048576),
  csvMiB: +(csvs[0]!.bytes / 1048576).toFixed(1),
  ratioToCsv: +(median(exports.map((r) => r.ms)) / median(csvs.map((r) => r.ms))).toFixed(1),
  loadAverage: +os.loadavg()[0]!.toFixed(1),
};
// The targets are stated for their row counts; other sizes are reported without a verdict.
const judged = rows === target.rows;
const meets = { seconds: figures.seconds <= target.seconds, peakRss: figures.peakRssMiB <= target.peakRssMiB };
if (values.json) console.log(JSON.stringify({ ...figures, targets: target, meets: judged ? meets : null }));
else {
  const mark = (ok: boolean) => (judged ? (ok ? " ✔" : " ✘") : "");
  console.log(`\nExport of ${rows.toLocaleString("en")} 已匹配 rows, median of ${runs} (load average ${figures.loadAverage}):`);
  console.log(`  ${format.toUpperCase().padEnd(5)}  ${figures.seconds} s  (${figures.allSeconds.join(", ")})  = ${figures.rowsPerSecond.toLocaleString("en")} rows/s, ${figures.fileMiB} MiB   (target ≤ ${target.seconds} s for ${target.rows.toLocaleString("en")})${mark(meets.seconds)}`);
  console.log(`  CSV    ${figures.csvSeconds} s  ${figures.csvMiB} MiB, peak RSS ${figures.csvPeakRssMiB} MiB   ratio ${figures.ratioToCsv}×`);
  console.log(`  peak RSS ${figures.peakRssMiB} MiB   (target ≤ ${target.peakRssMiB} MiB)${mark(meets.peakRss)}`);
}
process.exit(0);
