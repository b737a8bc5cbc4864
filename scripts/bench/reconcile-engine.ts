// Matching-engine speed and memory at month scale, in memory only (no database, no files):
//   npx tsx scripts/bench/reconcile-engine.ts [--orders 1000000] [--bank 200000] [--suggestions] [--json]
// Builds the synthetic month of reconcile-month.ts in memory, then times passes 1–3 (and pass 4 with
// --suggestions) and reports peak RSS. Target: passes 1–3 leave room for loading and saving within 10 s; peak RSS ≤ 2 GiB.
import { parseArgs } from "node:util";
import { defaultRules, parseRules, reconcile } from "../../lib/match-engine";
import { buildMonth } from "./reconcile-month";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    bank: { type: "string", default: "200000" },
    suggestions: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});
const ORDER_COUNT = Number(values.orders);
const BANK_LINES = Number(values.bank);
const TARGETS = { seconds: 5, peakRssMiB: 2048 };
const log = (line: string) => !values.json && console.log(line);

/**
 * How fast this machine is at what the engine mostly does (allocate small objects, hash): shared or
 * throttled machines vary a lot, so the figures below should be read against this one.
 */
function referenceWorkloadMs(): number {
  const started = performance.now();
  const objects: { a: number; b: string }[] = [];
  for (let i = 0; i < 3_000_000; i++) objects.push({ a: i, b: `x${i}` });
  const map = new Map<number, number>();
  for (let i = 0; i < 1_000_000; i++) map.set(i * 7, i);
  return Math.round(performance.now() - started);
}
const referenceMs = referenceWorkloadMs();

const built = performance.now();
const input = buildMonth(ORDER_COUNT, BANK_LINES);
const bankAccountLines = input.bankTransactions.filter((row) => row.accountId === "bank").length;
log(
  `Built ${input.orders.length} orders, ${input.settlementLines.length} bill lines, ${input.bankTransactions.length - bankAccountLines} wallet lines, ${bankAccountLines} bank lines in ${((performance.now() - built) / 1000).toFixed(1)} s`,
);
const rssBeforeMiB = Math.round(process.memoryUsage().rss / 1024 / 1024);

const passes = values.suggestions ? undefined : ["EXACT_KEYS", "MANY_TO_ONE", "AMOUNT_DATE"];
const rules = passes ? parseRules({ version: "bench", passes }) : defaultRules("bench");
const started = performance.now();
const cpuStarted = process.cpuUsage();
const result = reconcile(input, rules);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
const report = {
  orders: input.orders.length,
  settlementLines: input.settlementLines.length,
  walletLines: input.bankTransactions.length - bankAccountLines,
  bankLines: bankAccountLines,
  passes: rules.passes,
  seconds: Number(seconds.toFixed(2)),
  cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
  proposals: result.stats.proposals,
  autoConfirmed: result.stats.autoConfirmed,
  byRule: result.stats.byRule,
  unmatched: result.stats.unmatched,
  rssAfterInputMiB: rssBeforeMiB,
  referenceWorkloadMs: referenceMs,
  peakRssMiB,
  targets: TARGETS,
  ok: seconds <= TARGETS.seconds && peakRssMiB <= TARGETS.peakRssMiB,
};
if (values.json) console.log(JSON.stringify(report));
else {
  log(`Passes ${rules.passes.join(", ")}: ${report.seconds} s (CPU ${report.cpuSeconds} s), ${report.proposals} proposals, ${report.autoConfirmed} auto-confirmed`);
  log(`Peak RSS ${peakRssMiB} MiB (after building the input: ${rssBeforeMiB} MiB)`);
  log(`Reference workload (3 M small objects + 1 M Map inserts) on this machine: ${referenceMs} ms`);
  log(`By rule: ${JSON.stringify(report.byRule)}`);
  log(`Unmatched: ${JSON.stringify(report.unmatched)}`);
  log(report.ok ? `OK (targets: ≤ ${TARGETS.seconds} s for the engine, ≤ ${TARGETS.peakRssMiB} MiB peak RSS)` : "OVER TARGET");
}
process.exitCode = report.ok ? 0 : 1;
