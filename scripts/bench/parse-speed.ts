// Parser-only throughput: parseImportFile over one file, no database. Runs in its own process so
// maxRSS is the parse's alone.
//   npx tsx scripts/bench/parse-speed.ts <file> [--digest]
// prints { rows, errors, seconds, cpuSeconds, rowsPerSecond, maxRssMiB } and, with --digest, a
// SHA-256 of every row and error as JSON (slower), to check that a change leaves the output identical.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseImportFile } from "../../lib/import";

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error("usage: parse-speed.ts <file> [--digest]");
  process.exit(2);
}
const withDigest = flags.includes("--digest");
const digest = createHash("sha256");
const asJson = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));

const started = performance.now();
const cpuStarted = process.cpuUsage();
const opened = await parseImportFile({
  fileName: path.basename(file),
  stream: fs.createReadStream(file, { highWaterMark: 1 << 20 }),
});
if (!opened.ok) {
  console.error(JSON.stringify(opened.errors));
  process.exit(1);
}
let rows = 0;
let errors = 0;
for await (const batch of opened.batches) {
  rows += batch.rows.length;
  errors += batch.errors.length;
  if (withDigest) {
    for (const row of batch.rows) digest.update(`${asJson(row)}\n`);
    for (const error of batch.errors) digest.update(`${asJson(error)}\n`);
  }
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
console.log(
  JSON.stringify({
    format: opened.format.id,
    rows,
    errors,
    seconds: Number(seconds.toFixed(2)),
    // CPU time (user + system, all threads) is steadier than wall time on a shared machine.
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    rowsPerSecond: Math.round(rows / seconds),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(withDigest ? { digest: digest.digest("hex"), stats: opened.stats } : {}),
  }),
);
