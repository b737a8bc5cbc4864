// npm run bench -- audit [--entries N] [--json]  (dispatched by scripts/bench.ts)
// The audit page at scale: one organization with N audit entries (default 150,000) of every kind,
// by a handful of people over a year, beside another organization's entries, written by one
// INSERT … SELECT into a fresh database (not timed). Then the functions the page calls, called as
// the page calls them (one page, its total, its people, its lookups), each timed as the median of
// 5 runs after a warm-up, against 500 ms per page load.
import { parseArgs } from "node:util";
import pg from "pg";
import { listAuditActors, listAuditLog, type AuditQuery } from "../../lib/audit/list-audit-log";
import { loadAuditLookups } from "../../lib/audit/load-audit-lookups";
import { createDbClient } from "../../lib/db/client";
import { createOrganization } from "../../lib/orgs/create-organization";
import { createTestDatabases } from "../../tests/support/test-database";

const TARGET_MS = 500;
const RUNS = 5;

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: { entries: { type: "string", default: "150000" }, json: { type: "boolean", default: false } },
});
const entries = Number(values.entries);

const databases = await createTestDatabases(process.cwd(), ["bench"]);
const url = databases.urls[0]!;
const db = createDbClient(url);
const results: { name: string; ms: number; rows: number; total: number; ok: boolean }[] = [];
try {
  const org = await createOrganization(db, { name: "审计压测公司", slug: `audit-bench-${Date.now()}` });
  const other = await createOrganization(db, { name: "另一家", slug: `audit-bench-other-${Date.now()}` });
  const people = await Promise.all(
    ["张敏", "李强", "王芳", "陈静", "刘洋"].map((name, index) => db.user.create({ data: { email: `bench-${index}-${Date.now()}@bench.local`, name, passwordHash: "x" } })),
  );

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  // Kinds in the mix a working company writes: mostly match decisions, then imports and settings.
  await client.query(
    `INSERT INTO "AuditLog" ("orgId", "actorUserId", "actorEmail", action, "entityType", "entityId", before, after, "createdAt")
     SELECT $1::uuid, (ARRAY[$3, $4, $5, $6, $7]::uuid[])[1 + i % 5], 'bench@bench.local',
            (ARRAY['match.confirm','match.confirm','match.confirm','match.create','match.reject','import.commit','store.update','period.lock'])[1 + i % 8],
            (ARRAY['MatchGroup','MatchGroup','MatchGroup','MatchGroup','MatchGroup','ImportBatch','Store','Period'])[1 + i % 8],
            CASE WHEN i % 8 = 7 THEN '2025-' || lpad((1 + i % 12)::text, 2, '0') ELSE gen_random_uuid()::text END,
            CASE WHEN i % 8 = 6 THEN jsonb_build_object('name', '店铺' || (i % 40), 'feeRateBps', 60) END,
            CASE WHEN i % 8 = 5 THEN jsonb_build_object('fileName', '订单_' || i || '.xlsx', 'rows', 1234, 'inserted', 1200, 'duplicates', 34)
                 WHEN i % 8 = 6 THEN jsonb_build_object('name', '店铺' || (i % 40), 'feeRateBps', 50)
                 WHEN i % 8 < 5 THEN jsonb_build_object('groups', jsonb_build_array(gen_random_uuid(), gen_random_uuid(), gen_random_uuid()), 'skipped', '[]'::jsonb)
            END,
            now() - (i * interval '3 minutes')
     FROM generate_series(1, $2::int) AS i`,
    [org.id, entries, ...people.map((person) => person.id)],
  );
  await client.query(
    `INSERT INTO "AuditLog" ("orgId", action, "entityType", after) SELECT $1::uuid, 'store.create', 'Store', jsonb_build_object('name', '天猫' || i) FROM generate_series(1, $2::int) AS i`,
    [other.id, Math.floor(entries / 2)],
  );
  // As autovacuum leaves a live table: the visibility map set, so counts are index-only scans.
  await client.query(`VACUUM ANALYZE "AuditLog"`);
  await client.end();
  if (!values.json) console.log(`Seeded ${entries.toLocaleString("en")} entries (+${Math.floor(entries / 2).toLocaleString("en")} of another organization) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const cases: [string, AuditQuery][] = [
    ["first page, no filter", { page: 1 }],
    ["page 1,000 of 50", { page: 1000 }],
    ["500 per page", { page: 1, pageSize: 500 }],
    ["one kind (period.lock)", { page: 1, action: "period.lock" }],
    ["one area (store.)", { page: 1, action: "store." }],
    ["one person", { page: 1, actor: people[2]!.id }],
    ["target text (店铺6)", { page: 1, target: "店铺6" }],
    ["target text, no match", { page: 1, target: "不存在的店" }],
    ["last 30 days", { page: 1, from: monthAgo, to: today }],
    ["person + kind + days", { page: 1, actor: people[1]!.id, action: "match.confirm", from: monthAgo, to: today }],
  ];
  const time = async <T>(work: () => Promise<T>) => {
    await work();
    const samples: number[] = [];
    let last!: T;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      last = await work();
      samples.push(performance.now() - t0);
    }
    return { ms: samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!, last };
  };
  for (const [name, filter] of cases) {
    // As the page: the page and its total, then the lookups for its sentences.
    const { ms, last } = await time(async () => {
      const page = await listAuditLog(db, org.id, filter);
      await loadAuditLookups(db, org.id, page.entries);
      return page;
    });
    results.push({ name, ms, rows: last.entries.length, total: last.total, ok: ms <= TARGET_MS });
  }
  const actors = await time(() => listAuditActors(db, org.id));
  results.push({ name: "people in the log (who filter)", ms: actors.ms, rows: actors.last.people.length, total: actors.last.people.length, ok: actors.ms <= TARGET_MS });
} finally {
  await db.$disconnect();
  await databases.drop();
}

if (values.json) console.log(JSON.stringify({ entries, targetMs: TARGET_MS, results }, null, 2));
else {
  for (const result of results) {
    console.log(`${result.ok ? "✔" : "✘"} ${result.name.padEnd(34)} ${result.ms.toFixed(1).padStart(8)} ms   ${String(result.rows).padStart(4)} rows of ${result.total.toLocaleString("en")}`);
  }
}
if (results.some((result) => !result.ok)) process.exitCode = 1;
