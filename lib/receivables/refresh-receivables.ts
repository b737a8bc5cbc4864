// Rebuilds an organization's OrderReceivable rows from the ledger in one transaction on one pooled
// client (bulk work, like a run's save): delete, insert from the chain SQL, record the watermark it
// read. REPEATABLE READ, so the rows and the watermark are one snapshot; readers see the old rows
// until it commits. A maintained table, not a view: the page sums, filters and pages millions of
// orders in well under a second only from plain indexed rows and their cube (decision 0010).
import type pg from "pg";
import { ledgerWatermarkSql, type LedgerWatermark } from "./ledger-watermark";
import { INSERT_CUBE, INSERT_RECEIVABLES, RECEIVABLE_TEMP_TABLES } from "./receivables-sql";

export type RefreshResult = { orders: number; durationMs: number; watermark: LedgerWatermark };

/** More tables rebuilt from the same snapshot, inside the same transaction (the reports' rollups). */
export type AlsoRebuild = (client: pg.PoolClient, orgId: string) => Promise<void>;

export async function refreshReceivables(
  pool: pg.Pool,
  orgId: string,
  onStep?: (done: number, steps: number) => Promise<void> | void,
  alsoRebuild?: AlsoRebuild,
): Promise<RefreshResult> {
  const started = performance.now();
  const client = await pool.connect();
  const steps = RECEIVABLE_TEMP_TABLES.length + 2;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    // Temporary tables: work memory for the big hash joins, and no WAL.
    await client.query("SET LOCAL work_mem = '256MB'");
    const { rows } = await client.query<{ auditId: string; runFinishedAt: Date | null }>(ledgerWatermarkSql("$1::uuid"), [orgId]);
    const watermark = { auditId: BigInt(rows[0]?.auditId ?? 0), runFinishedAt: rows[0]?.runFinishedAt ?? null };
    let done = 0;
    for (const sql of RECEIVABLE_TEMP_TABLES) {
      await client.query(sql, sql.includes("$1") ? [orgId] : []);
      await client.query(`ANALYZE ${/CREATE TEMP TABLE (\w+)/.exec(sql)![1]}`);
      await onStep?.(++done, steps);
    }
    await client.query(`DELETE FROM "OrderReceivable" WHERE "orgId" = $1`, [orgId]);
    await client.query(`DELETE FROM "ReceivableCube" WHERE "orgId" = $1`, [orgId]);
    const inserted = await client.query(INSERT_RECEIVABLES, [orgId]);
    await client.query(INSERT_CUBE, [orgId]);
    await alsoRebuild?.(client, orgId);
    await onStep?.(++done, steps);
    const orders = inserted.rowCount ?? 0;
    const durationMs = Math.round(performance.now() - started);
    await client.query(
      `INSERT INTO "ReceivableRefresh" ("orgId", "auditId", "runFinishedAt", "refreshedAt", "durationMs", orders)
       VALUES ($1, $2, $3, now(), $4, $5)
       ON CONFLICT ("orgId") DO UPDATE SET "auditId" = EXCLUDED."auditId", "runFinishedAt" = EXCLUDED."runFinishedAt",
         "refreshedAt" = EXCLUDED."refreshedAt", "durationMs" = EXCLUDED."durationMs", orders = EXCLUDED.orders`,
      [orgId, watermark.auditId.toString(), watermark.runFinishedAt, durationMs, orders],
    );
    await client.query("COMMIT");
    await onStep?.(++done, steps);
    return { orders, durationMs, watermark };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
