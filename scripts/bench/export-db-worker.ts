// One timed export of the seeded 已匹配 list in its own process, so its peak RSS is the export's alone:
//   tsx scripts/bench/export-db-worker.ts <xlsx|csv> <database url> <org id> <csv file>
// xlsx: the export job's own code (lib/export-files/run-export.ts): its ExportFile line asked for as
//   the page's button asks (no filter), then runExport — the source's describe in one REPEATABLE READ
//   transaction, writeXlsx to a temporary file, the bytes stored in PostgreSQL — the same work the
//   worker does, without the job queue around it. The file's line and chunks are deleted afterwards.
// csv: the floor: the same groups, in the same order, with the same facts (rows by side with their
//   amounts, adjustments, reasons, maker, time), as CSV from one COPY (SELECT …) TO STDOUT.
// Prints {"ms":…,"writeMs":…,"storeMs":…,"rows":…,"bytes":…,"maxRssBytes":…} on its last line.
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { createDbClient } from "../../lib/db/client";
import { runExport } from "../../lib/export-files/run-export";
import { requestExport } from "../../lib/export-files/request-export";
import { filteredGroupsSql, groupFilterSchema } from "../../lib/match-review/list-groups";

const [kind, url, orgId, csvFile] = process.argv.slice(2) as [string, string, string, string];

type Result = { ms: number; writeMs: number; storeMs: number; rows: number; bytes: number };

async function exportXlsx(): Promise<Result> {
  const db = createDbClient(url);
  const who = { orgId, userId: null, userEmail: "bench", userName: "基准测试", role: "OWNER" as const };
  const file = await requestExport(db, who, { source: "matched", format: "XLSX", locale: "zh-CN", params: {} });
  let savingAt: number | undefined;
  const started = performance.now();
  // runExport reports "saving" once the file is written, before it stores the bytes.
  const outcome = await runExport({ db, progress: (_fraction, phase) => void (phase === "saving" && (savingAt ??= performance.now())) }, orgId, file.id);
  const ended = performance.now();
  await db.exportFile.delete({ where: { orgId_id: { orgId, id: file.id } } });
  await db.$disconnect();
  return { ms: ended - started, writeMs: (savingAt ?? ended) - started, storeMs: ended - (savingAt ?? ended), rows: outcome.rows, bytes: outcome.sizeBytes };
}

/** The list's groups with everything the export's row shows, as one SQL statement. */
function matchedCsvSql(): { sql: string; params: unknown[] } {
  const { sql, params, order } = filteredGroupsSql(orgId, ["CONFIRMED"], groupFilterSchema.parse({}));
  const yuan = (minor: string) => `to_char(${minor}::numeric / 100, 'FM999999999999990.00')`;
  // Each item's row: one lookup by its key, as describeGroups does.
  const ref = `CASE i.side
      WHEN 'ORDER' THEN (SELECT o."orderNo" FROM "Order" o WHERE o."orgId" = i."orgId" AND o.id = i."rowId")
      WHEN 'SETTLEMENT' THEN (SELECT COALESCE(s."orderNo", s."payoutId", s.reference, s.memo) FROM "SettlementLine" s WHERE s."orgId" = i."orgId" AND s.id = i."rowId")
      ELSE (SELECT COALESCE(b.reference, b."merchantOrderNo", b.memo) FROM "BankTransaction" b WHERE b."orgId" = i."orgId" AND b.id = i."rowId") END`;
  const refs = (side: string) => `string_agg(COALESCE(${ref}, '（无单号）') || ' ' || ${yuan('abs(i."amountMinor")')}, '；' ORDER BY i."rowId", i.slot) FILTER (WHERE i.side = '${side}')`;
  return {
    params,
    sql: `SELECT to_char(x.day, 'YYYY-MM-DD') AS day, CASE WHEN x.owner_mixed THEN '多个店铺 / 账户' ELSE x.owner_name END AS owner, x.rule, x.confidence, x.rows,
                 ${yuan("x.amount")} AS amount, ${yuan("x.difference")} AS difference,
                 concat_ws('；', g.reasons::text, a.adjustments) AS reasons, it.orders, it.lines, it.bank, g.note, u.name AS maker,
                 to_char(g."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS "createdAt"
            FROM (${sql}) x
            JOIN "MatchGroup" g ON g."orgId" = x."orgId" AND g.id = x.id
            LEFT JOIN "User" u ON u.id = g."createdById"
            LEFT JOIN LATERAL (
                 SELECT ${refs("ORDER")} AS orders, ${refs("SETTLEMENT")} AS lines, ${refs("BANK")} AS bank
                   FROM "MatchItem" i
                  WHERE i."orgId" = x."orgId" AND i."groupId" = x.id) it ON true
            LEFT JOIN LATERAL (
                 SELECT string_agg(m.type || ' ' || ${yuan('m."amountMinor"')} || COALESCE(' · ' || m.note, ''), '；' ORDER BY m.id) AS adjustments
                   FROM "MatchAdjustment" m WHERE m."orgId" = x."orgId" AND m."groupId" = x.id) a ON true
           ORDER BY ${order}`,
  };
}

async function exportCsv(): Promise<Result> {
  const { sql, params } = matchedCsvSql();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  // COPY takes no bind parameters: the org id and the statuses go in as literals.
  const literal = (value: unknown): string => (Array.isArray(value) ? `ARRAY[${value.map(literal).join(",")}]` : client.escapeLiteral(String(value)));
  const inlined = sql.replace(/\$(\d+)/g, (_match, n: string) => literal(params[Number(n) - 1]));
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  const copy = client.query(copyTo(`COPY (${inlined}) TO STDOUT WITH (FORMAT csv, HEADER)`));
  await pipeline(copy, fs.createWriteStream(csvFile));
  await client.query("COMMIT");
  const ms = performance.now() - started;
  await client.end();
  const bytes = fs.statSync(csvFile).size;
  fs.rmSync(csvFile, { force: true });
  return { ms, writeMs: ms, storeMs: 0, rows: copy.rowCount, bytes };
}

const result = kind === "xlsx" ? await exportXlsx() : kind === "csv" ? await exportCsv() : undefined;
if (!result) throw new Error(`unknown kind ${kind}`);
console.log(JSON.stringify({ ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
process.exit(0);
