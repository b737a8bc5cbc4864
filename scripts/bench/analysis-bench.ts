// npm run bench -- analysis [--orders N] [--bank N] [--repeat N] [--json] [--keep] [--url <database>]
// 数据分析 on a reconciled month (reconciled-database.ts, the reports bench's month): every chart of the
// dashboard for its default filters (the newest order month, as the page opens), all at once as the
// page reads them — the target is ≤ 1 s in total at a million orders — and each chart on its
// own, repeated and quoted as medians. Beside each, in the same run, a plain SQL GROUP BY of the same
// figures over the base rows (orders' receivables, bill lines, groups, the live unmatched lists):
// what PostgreSQL alone takes to read them once. Then 风险预警: every alert computed as the job does
// after the month's import and run, against that run's time (alerts-timing.ts). --keep leaves the
// database for another run with --url.
import { parseArgs } from "node:util";
import pg from "pg";
import { ANALYSIS_CHARTS, runAnalysisCharts } from "../../lib/analysis/analysis-charts";
import { monthsOf, trendPeriod } from "../../lib/analysis/analysis-period";
import { createDbClient, type Db } from "../../lib/db/client";
import { unmatchedSums } from "../../lib/match-review/list-unmatched";
import { resolveReportFilters, type ReportFilters } from "../../lib/reports/report-filters";
import { defaultReportPeriod, loadReportScope } from "../../lib/reports/report-scope";
import type { ReportScope } from "../../lib/reports/standard-report";
import { timed } from "./medians";
import { reconciledDatabase } from "./reconciled-database";
import { measureAlerts } from "./alerts-timing";

const TARGET_MS = 1000;
/** Computing every alert after a month's import and run: at most this share of the run's time. */
const ALERTS_SHARE = 0.2;
/** The as-of day of the bench's month (March 2025): its orders partly received, partly overdue. */
const AS_OF = "2025-05-15";
/** The alerts' as-of day: the morning after the month, when its import and run are done (the rules read the month). */
const ALERTS_AS_OF = "2025-04-01";

type BaselineValues = { orgId: string; from: string; to: string; trendFrom: string; trendTo: string; asOf: string };
type Baseline = (v: BaselineValues) => [sql: string, params: unknown[]];

/** Per chart, the plain SQL GROUP BY of its figures over the base rows (per order, per bill line, per group). */
const BASELINES: Record<string, Baseline> = {
  "sales-settled-received": (v) => [
    `SELECT to_char(day, 'YYYY-MM'), sum("paidMinor"), sum("settledMinor"), sum("receivedMinor") FROM "OrderReceivable" WHERE "orgId" = $1 AND day BETWEEN $2::date AND $3::date GROUP BY 1`,
    [v.orgId, v.trendFrom, v.trendTo],
  ],
  "outstanding-overdue": (v) => [
    `SELECT to_char(day, 'YYYY-MM'), sum("outstandingMinor"), sum("outstandingMinor") FILTER (WHERE aging AND "expectedOn" < $4::date) FROM "OrderReceivable" WHERE "orgId" = $1 AND day BETWEEN $2::date AND $3::date GROUP BY 1`,
    [v.orgId, v.trendFrom, v.trendTo, v.asOf],
  ],
  aging: (v) => [
    `SELECT width_bucket($4::date - "expectedOn", ARRAY[-30, -7, 1, 8, 31, 61, 91]), count(*), sum("outstandingMinor") FROM "OrderReceivable" WHERE "orgId" = $1 AND aging AND day BETWEEN $2::date AND $3::date GROUP BY 1`,
    [v.orgId, v.from, v.to, v.asOf],
  ],
  "fee-rates-by-store": (v) => [
    `SELECT "storeId", "lineType", memo, sum("amountMinor") FROM "SettlementLine" WHERE "orgId" = $1 AND "occurredOn" BETWEEN $2::date AND $3::date GROUP BY 1, 2, 3`,
    [v.orgId, v.from, v.to],
  ],
  "fee-types-by-month": (v) => [
    `SELECT to_char("occurredOn", 'YYYY-MM'), "lineType", memo, sum("amountMinor") FROM "SettlementLine" WHERE "orgId" = $1 AND "occurredOn" BETWEEN $2::date AND $3::date GROUP BY 1, 2, 3`,
    [v.orgId, v.trendFrom, v.trendTo],
  ],
  "days-to-cash": (v) => [
    `SELECT s.platform, count(*), avg(r."receivedOn" - r."confirmedAt"::date) FROM "OrderReceivable" r JOIN "Store" s ON s."orgId" = r."orgId" AND s.id = r."storeId"
      WHERE r."orgId" = $1 AND r.stage = 'RECEIVED' AND r.day BETWEEN $2::date AND $3::date GROUP BY 1`,
    [v.orgId, v.from, v.to],
  ],
  "match-rate": (v) => [`SELECT "runId", kind, status, ("decidedById" IS NULL), count(*) FROM "MatchGroup" WHERE "orgId" = $1 GROUP BY 1, 2, 3, 4`, [v.orgId]],
};

export type DashboardTiming = { totalMs: number; charts: { id: string; ms: number; baselineMs: number | null; rows: number }[] };

/**
 * The dashboard's queries for `filters`, as the page runs them (every chart at once), timed as a
 * median of `repeat`, and each chart alone beside its plain SQL. A fresh scope per run, so no run
 * reuses another's reads. Exported for the alerts' timing to join the same bench.
 */
export async function measureDashboard(db: Db, pool: pg.Pool, scope: ReportScope, filters: ReportFilters, repeat: number): Promise<DashboardTiming> {
  const fresh = () => ({ ...scope });
  const totalMs = await timed(repeat, () => runAnalysisCharts(db, fresh(), filters));
  const trend = trendPeriod(filters);
  const values = { orgId: scope.orgId, from: filters.from, to: filters.to, trendFrom: trend.from, trendTo: trend.to, asOf: scope.asOf };
  const charts: DashboardTiming["charts"] = [];
  for (const chart of ANALYSIS_CHARTS) {
    const baseline = BASELINES[chart.id];
    const baselineMs = baseline
      ? await timed(repeat, () => pool.query(...baseline(values)))
      : chart.id === "open-differences"
        ? await timed(repeat, () => Promise.all([unmatchedSums(db, scope.orgId, "orders", "down", filters), unmatchedSums(db, scope.orgId, "lines", "down", filters), unmatchedSums(db, scope.orgId, "bank", "up", filters)]))
        : null;
    const ms = await timed(repeat, () => chart.run(db, fresh(), filters));
    const rows = (await chart.run(db, fresh(), filters)).rows.length;
    charts.push({ id: chart.id, ms, baselineMs, rows });
  }
  return { totalMs, charts };
}

async function main() {
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
  const prepared = await reconciledDatabase({ name: "analysis_bench", orders: Number(values.orders), bank: Number(values.bank), keep: values.keep, url: values.url, log });
  const pool = new pg.Pool({ connectionString: prepared.url, max: 8 });
  const db = createDbClient(prepared.url);
  try {
    const scope = { ...(await loadReportScope(db, prepared.orgId)), asOf: AS_OF };
    const filters = await resolveReportFilters(db, prepared.orgId, await defaultReportPeriod(db, prepared.orgId, AS_OF));
    const dashboard = await measureDashboard(db, pool, scope, filters, repeat);
    // 风险预警: the alerts' computation after a full import and run (target ≤ 20 % of that run's time).
    const alerts = await measureAlerts(db, pool, prepared.orgId, ALERTS_AS_OF, repeat);
    const orders = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Order" WHERE "orgId" = $1`, [prepared.orgId])).rows[0]!.n);
    const meets = dashboard.totalMs <= TARGET_MS;
    if (values.json) console.log(JSON.stringify({ orders, period: { from: filters.from, to: filters.to }, trendMonths: monthsOf(trendPeriod(filters)).length, targetMs: TARGET_MS, dashboard, meets, alerts, alertsMeet: alerts.share !== null && alerts.share <= ALERTS_SHARE }));
    else {
      console.log(`\n数据分析, ${orders.toLocaleString("en")} orders, period ${filters.from} – ${filters.to}, medians of ${repeat}:`);
      console.log(`  all charts at once (the page)  ${String(dashboard.totalMs).padStart(6)} ms   (target ≤ ${TARGET_MS} ms) ${meets ? "✔" : "✘"}`);
      for (const chart of dashboard.charts) {
        const baseline = chart.baselineMs === null ? "" : `   plain SQL GROUP BY ${String(chart.baselineMs).padStart(6)} ms   ${(chart.ms / Math.max(1, chart.baselineMs)).toFixed(2)}×`;
        console.log(`  ${chart.id.padEnd(28)}  ${String(chart.ms).padStart(6)} ms${baseline}   (${chart.rows} rows)`);
      }
      const share = alerts.share === null ? "no run recorded" : `${(alerts.share * 100).toFixed(1)} % of the run's ${alerts.runMs} ms (target ≤ ${ALERTS_SHARE * 100} %) ${alerts.share <= ALERTS_SHARE ? "✔" : "✘"}`;
      console.log(`\n风险预警, all ${alerts.rules.length} rules computed, written and audited (rolled back each time), ${alerts.found} alerts found:`);
      console.log(`  all alerts                    ${String(alerts.ms).padStart(6)} ms   ${share}`);
      for (const rule of alerts.rules) console.log(`  ${rule.type.padEnd(28)}  ${String(rule.ms).padStart(6)} ms   plain SQL ${String(rule.baselineMs).padStart(6)} ms   ${(rule.ms / Math.max(1, rule.baselineMs)).toFixed(2)}×`);
    }
  } finally {
    await db.$disconnect();
    await pool.end();
    await prepared.drop();
  }
}

// Run only as the bench, not when imported for measureDashboard.
if (process.argv[2] === "analysis") {
  await main();
  process.exit(0);
}
