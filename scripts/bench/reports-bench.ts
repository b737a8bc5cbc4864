// npm run bench -- reports [--orders N] [--bank N] [--repeat N] [--json] [--keep] [--url <database>]
// 报表查询 on a reconciled month: N orders with their bill, wallet and bank lines (reconcile-month.ts)
// written into a fresh database, reconciled once and its receivables rebuilt (not timed: the jobs
// keep them), then each standard report over the month, and a custom report grouping the orders by
// store × month, each repeated and quoted as medians. Beside each, in the same run, the plain SQL
// GROUP BY of the same kind of figures over the same base rows: what PostgreSQL alone takes to read
// them once. Then each report rollup's rebuild (lib/reports/rollups), as the receivables job runs it
// (one transaction, rolled back here), timed the same way: what it adds to the job. --keep leaves
// the database for another run with --url (seeding takes minutes).
import { parseArgs } from "node:util";
import pg from "pg";
import { createDbClient, type Db } from "../../lib/db/client";
import { REPORT_ROLLUPS } from "../../lib/reports/rollups/refresh-report-rollups";
import { runCustomReport } from "../../lib/reports/custom/run-custom-report";
import { resolveReportFilters } from "../../lib/reports/report-filters";
import type { DrillKey, ReportResult } from "../../lib/reports/report-result";
import { loadReportScope } from "../../lib/reports/report-scope";
import { STANDARD_REPORT_IDS, standardReport, type StandardReportId } from "../../lib/reports/standard-reports";
import { timed } from "./medians";
import { reconciledDatabase } from "./reconciled-database";

const TARGET_MS = 1000;

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    orders: { type: "string", default: "1000000" },
    bank: { type: "string", default: "200000" },
    repeat: { type: "string", default: "5" },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    url: { type: "string" },
  },
});
const repeat = Math.max(1, Number(values.repeat));
const log = (line: string) => !values.json && console.log(line);

/** Per report, the plain SQL GROUP BY over the base rows its figures come from. */
const BASELINES: Record<StandardReportId, string> = {
  remittance: `SELECT "storeId", count(*), sum("paidAmountMinor"), sum("refundMinor") FROM "Order" WHERE "orgId" = $1 GROUP BY "storeId"`,
  "sales-comparison": `SELECT "storeId", count(*), sum("paidAmountMinor"), sum("refundMinor") FROM "Order" WHERE "orgId" = $1 GROUP BY "storeId"`,
  fees: `SELECT "storeId", "lineType", date_trunc('month', "occurredOn"), count(*), sum("amountMinor") FROM "SettlementLine" WHERE "orgId" = $1 GROUP BY 1, 2, 3`,
  rollforward: `SELECT "fundAccountId", count(*), sum("amountMinor") FILTER (WHERE "amountMinor" > 0), sum("amountMinor") FILTER (WHERE "amountMinor" < 0) FROM "BankTransaction" WHERE "orgId" = $1 GROUP BY 1`,
  differences: `SELECT a.type, count(*), sum(a."amountMinor") FROM "MatchAdjustment" a JOIN "MatchGroup" g ON g."orgId" = a."orgId" AND g.id = a."groupId" WHERE a."orgId" = $1 AND g.status IN ('CONFIRMED', 'PENDING_APPROVAL') GROUP BY 1`,
  payouts: `SELECT "storeId", "payoutId", count(*), sum("amountMinor") FROM "SettlementLine" WHERE "orgId" = $1 GROUP BY 1, 2`,
};

/** The custom report of the issue: every order grouped by store × month, counted and summed. */
const CUSTOM_SPEC = { version: 1, source: "orders", dimensions: ["store", "month"], measures: ["count", "paid"] };
const CUSTOM_BASELINE = `SELECT "storeId", date_trunc('month', COALESCE("paidAt", "orderedAt", "confirmedAt")), count(*), sum("paidAmountMinor") FROM "Order" WHERE "orgId" = $1 GROUP BY 1, 2`;

function prepare() {
  return reconciledDatabase({ name: "reports_bench", orders: Number(values.orders), bank: Number(values.bank), keep: values.keep, url: values.url, log });
}

/** The drill key of the row with the largest first money figure: the drill-down that reads the most rows. */
function largestRowKey(result: ReportResult): DrillKey | null {
  const money = result.columns.find((column) => column.type === "money");
  let best: { key: DrillKey; size: bigint } | null = null;
  result.rows.forEach((row, index) => {
    const key = result.drill?.[index];
    const value = money ? row[money.key] : null;
    const size = typeof value === "bigint" ? (value < 0n ? -value : value) : 0n;
    if (key && (!best || size > best.size)) best = { key, size };
  });
  return (best as { key: DrillKey } | null)?.key ?? null;
}

async function measure(db: Db, pool: pg.Pool, orgId: string) {
  const scope = { ...(await loadReportScope(db, orgId)), asOf: "2025-05-15" };
  const filters = await resolveReportFilters(db, orgId, { from: "2025-03-01", to: "2025-03-31" });
  const reports: { id: string; ms: number; baselineMs: number; rows: number; drillMs: number | null; drillRows: number | null }[] = [];
  for (const id of STANDARD_REPORT_IDS) {
    const report = standardReport(id);
    if (!report) continue;
    const baselineMs = await timed(repeat, () => pool.query(BASELINES[id], [orgId]));
    const ms = await timed(repeat, () => report.run(db, scope, filters));
    const result = await report.run(db, scope, filters);
    // The first page (50) of the drill-down of the report's largest row by its first money column.
    const key = largestRowKey(result);
    const drillMs = key ? await timed(repeat, () => report.drill(db, scope, filters, key, { limit: 50, offset: 0 })) : null;
    const drillRows = key ? (await report.drill(db, scope, filters, key, { limit: 50, offset: 0 })).count : null;
    reports.push({ id, ms, baselineMs, rows: result.rows.length, drillMs, drillRows });
  }
  const customBaselineMs = await timed(repeat, () => pool.query(CUSTOM_BASELINE, [orgId]));
  const customMs = await timed(repeat, () => db.$transaction((tx) => runCustomReport(tx, orgId, CUSTOM_SPEC)));
  const customRows = (await db.$transaction((tx) => runCustomReport(tx, orgId, CUSTOM_SPEC))).rows.length;
  const rollups: { name: string; ms: number }[] = [];
  for (const rollup of REPORT_ROLLUPS) rollups.push({ name: rollup.name, ms: await timed(repeat, () => rebuildRolledBack(pool, orgId, rollup)) });
  return { reports, custom: { ms: customMs, baselineMs: customBaselineMs, rows: customRows }, rollups };
}

/** One rollup's rebuild in the transaction the job gives it, rolled back so each repeat does the same work. */
async function rebuildRolledBack(pool: pg.Pool, orgId: string, rollup: (typeof REPORT_ROLLUPS)[number]) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    await client.query("SET LOCAL work_mem = '256MB'");
    await rollup(client, orgId);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

const prepared = await prepare();
const pool = new pg.Pool({ connectionString: prepared.url, max: 4 });
const db = createDbClient(prepared.url);
try {
  const figures = await measure(db, pool, prepared.orgId);
  const orders = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Order" WHERE "orgId" = $1`, [prepared.orgId])).rows[0]!.n);
  const meets = { ...Object.fromEntries(figures.reports.map((report) => [report.id, report.ms <= TARGET_MS])), custom: figures.custom.ms <= TARGET_MS };
  if (values.json) console.log(JSON.stringify({ orders, targetMs: TARGET_MS, ...figures, meets }));
  else {
    console.log(`\n报表查询, ${orders.toLocaleString("en")} orders, medians of ${repeat}:`);
    for (const report of figures.reports)
      console.log(
        `  ${report.id.padEnd(18)} ${String(report.ms).padStart(6)} ms   plain SQL GROUP BY ${String(report.baselineMs).padStart(6)} ms   ${(report.ms / Math.max(1, report.baselineMs)).toFixed(2)}×   (${report.rows} rows; target ≤ ${TARGET_MS} ms) ${report.ms <= TARGET_MS ? "✔" : "✘"}` +
          (report.drillMs === null ? "" : `\n  ${"".padEnd(18)} drill-down of its largest row, first page: ${report.drillMs} ms (${report.drillRows?.toLocaleString("en")} rows in all)`),
      );
    const custom = figures.custom;
    console.log(
      `  ${"custom store×month".padEnd(18)} ${String(custom.ms).padStart(6)} ms   plain SQL GROUP BY ${String(custom.baselineMs).padStart(6)} ms   ${(custom.ms / Math.max(1, custom.baselineMs)).toFixed(2)}×   (${custom.rows} rows; target ≤ ${TARGET_MS} ms) ${custom.ms <= TARGET_MS ? "✔" : "✘"}`,
    );
    for (const rollup of figures.rollups) console.log(`  rollup rebuild     ${rollup.name.padEnd(24)} ${String(rollup.ms).padStart(6)} ms (inside the receivables job)`);
  }
} finally {
  await db.$disconnect();
  await pool.end();
  await prepared.drop();
}
process.exit(0);
