// What is still unmatched, summed per list, slot, store or account, and business day (table
// UnmatchedRollup, decision 0011): 差异汇总's "still unexplained" notes. Counting it live reads every
// row of the company with something left and every match item (unmatchedSums: seconds at a million
// orders); the rollup holds a few thousand rows. It is built from filteredUnmatchedSql itself — the
// same rows, the same exclusions, the same "what is left" and the same day as the workspace's lists —
// so a month's, a store's or an account's sums equal unmatchedSums for the same filters as of the
// last rebuild. Rebuilt by the receivables job (refresh-report-rollups.ts), in its transaction.
import type pg from "pg";
import type { Tx } from "@/lib/db/client";
import type { Slot } from "@/lib/match-engine";
import { filteredUnmatchedSql, type UnmatchedList } from "@/lib/match-review/list-unmatched";

/** The (list, slot) pairs the rollup holds: the sides 差异汇总 and the home page's month summary count. */
export const UNMATCHED_ROLLUP_LISTS: readonly { list: UnmatchedList; slot: Slot }[] = [
  { list: "orders", slot: "down" },
  { list: "lines", slot: "down" },
  { list: "bank", slot: "up" },
];

/**
 * Rebuilds the company's rows: per (list, slot), one set-based INSERT … SELECT grouping the list's
 * open rows by owner and day (three statements, one pass over each side's rows and items).
 */
export async function rebuildUnmatchedRollup(client: pg.PoolClient, orgId: string): Promise<void> {
  await client.query(`DELETE FROM "UnmatchedRollup" WHERE "orgId" = $1`, [orgId]);
  for (const { list, slot } of UNMATCHED_ROLLUP_LISTS) {
    const { sql, params } = filteredUnmatchedSql(orgId, list, slot, {});
    if (!sql) continue;
    params.push(list);
    await client.query(
      `INSERT INTO "UnmatchedRollup" ("orgId", list, slot, "ownerId", day, rows, "remainingMinor")
       SELECT $1::uuid, $${params.length}::text, $2::"MatchSlot", u.owner, u.sort_day::date, count(*)::int, SUM(u."remainingMinor")::bigint
         FROM (${sql}) u
        GROUP BY u.owner, u.sort_day::date`,
      params,
    );
  }
}

export type UnmatchedRollupFilter = { from: string; to: string; owner?: string };

/** unmatchedSums (list-unmatched.ts) for a period and an optional store or account, from the rollup. */
export async function unmatchedRollupSums(tx: Tx, orgId: string, list: UnmatchedList, slot: Slot, filter: UnmatchedRollupFilter): Promise<{ count: number; remainingMinor: bigint }> {
  if (!UNMATCHED_ROLLUP_LISTS.some((entry) => entry.list === list && entry.slot === slot)) throw new Error(`UnmatchedRollup does not hold ${list}/${slot}`);
  const params: unknown[] = [orgId, list, slot === "up" ? "UP" : "DOWN", filter.from, filter.to];
  const where = [`"orgId" = $1::uuid`, `list = $2`, `slot = $3::"MatchSlot"`, `day >= $4::date`, `day <= $5::date`];
  if (filter.owner) {
    params.push(filter.owner);
    where.push(`"ownerId" = $${params.length}::uuid`);
  }
  const [sums] = await tx.$queryRawUnsafe<{ count: bigint; remaining: bigint }[]>(
    `SELECT COALESCE(SUM(rows), 0)::bigint AS count, COALESCE(SUM("remainingMinor"), 0)::bigint AS remaining FROM "UnmatchedRollup" WHERE ${where.join(" AND ")}`,
    ...params,
  );
  return { count: Number(sums?.count ?? 0n), remainingMinor: sums?.remaining ?? 0n };
}
