// The adjustments of counting groups summed by the group's day, the store each counts for, its type
// and the group's accounts (table AdjustmentRollup, decision 0011): 差异汇总's rows. Live, the report
// joins every adjustment of the period to its group and works out stores through the orders and bill
// lines; over a million-order month that alone approaches a second. The rollup holds a few thousand
// rows, read with the report's filters (period, store, platform through the store, account through
// the group's accounts). The drill-down still reads the adjustments themselves (one page, one row's
// month, store and type), with the same store attribution (adjustment-store-sql.ts), so it sums to
// the row as of the last rebuild. Rebuilt by the receivables job (refresh-report-rollups.ts).
import type pg from "pg";
import { countingStatusSql } from "@/lib/ledger/counting-groups";
import { aboutSql, SINGLE_STORE_SQL, storeOfSql } from "../adjustment-store-sql";

/**
 * One set-based INSERT … SELECT over the company: summed per group day, type, accounts and
 * (single store | about-row) first, so the store's lookups run once per distinct about-row of the
 * multi-store groups, then summed again per store.
 */
export async function rebuildAdjustmentRollup(client: pg.PoolClient, orgId: string): Promise<void> {
  await client.query(`DELETE FROM "AdjustmentRollup" WHERE "orgId" = $1`, [orgId]);
  await client.query(
    `INSERT INTO "AdjustmentRollup" ("orgId", day, "storeId", type, "fundAccountIds", count, "amountMinor", "pendingCount", "pendingMinor")
     SELECT $1::uuid, x.day, ${storeOfSql("x")} AS "storeId", x.type, x."fundAccountIds",
            SUM(x.count)::int, SUM(x.amount)::bigint, SUM(x."pendingCount")::int, SUM(x."pendingAmount")::bigint
       FROM (SELECT g.day, a.type, g."fundAccountIds", ${SINGLE_STORE_SQL} AS single, ${aboutSql("aboutSide")} AS "aboutSide", ${aboutSql("aboutRowId")} AS "aboutRowId",
                    count(*) AS count, SUM(a."amountMinor") AS amount,
                    count(*) FILTER (WHERE g.status = 'PENDING_APPROVAL') AS "pendingCount",
                    COALESCE(SUM(a."amountMinor") FILTER (WHERE g.status = 'PENDING_APPROVAL'), 0) AS "pendingAmount"
               FROM "MatchAdjustment" a JOIN "MatchGroup" g ON g."orgId" = a."orgId" AND g.id = a."groupId"
              WHERE a."orgId" = $1::uuid AND ${countingStatusSql("g.status")} AND g.day IS NOT NULL
              GROUP BY 1, 2, 3, 4, 5, 6) x
      GROUP BY x.day, 3, x.type, x."fundAccountIds"`,
    [orgId],
  );
}
