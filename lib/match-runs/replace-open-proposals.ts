// A run replaces the previous run's open proposals — but only in months still open. A proposal in a
// locked month is a person's pending work frozen with the month: the run may not touch that month
// (skip-locked-months.ts), so deleting it would lose it without anyone deciding. It stays, visible
// in 待确认建议, until the month is reopened; the run says how many it kept.
import type pg from "pg";
import { groupItemDaysSql, monthSql } from "@/lib/ledger/business-day";

export type ReplacedProposals = { replaced: number; keptInLockedMonths: number };

/** Deletes the organization's PROPOSED groups outside `lockedMonths`, inside the caller's transaction on `client`. */
export async function deleteOpenProposals(client: pg.ClientBase, orgId: string, lockedMonths: readonly string[]): Promise<ReplacedProposals> {
  if (lockedMonths.length === 0) {
    const replaced = await client.query(`DELETE FROM "MatchGroup" WHERE "orgId" = $1 AND status = 'PROPOSED'`, [orgId]);
    return { replaced: replaced.rowCount ?? 0, keptInLockedMonths: 0 };
  }
  const { rows } = await client.query<{ replaced: string; kept: string }>(
    `WITH proposed AS (SELECT id, "orgId" FROM "MatchGroup" WHERE "orgId" = $1 AND status = 'PROPOSED'),
          items AS (${groupItemDaysSql("proposed")}),
          kept AS (SELECT "groupId" AS id FROM items GROUP BY "groupId" HAVING ${monthSql("max(day)")} = ANY($2::text[])),
          gone AS (
            DELETE FROM "MatchGroup" g USING proposed p
             WHERE g."orgId" = p."orgId" AND g.id = p.id AND p.id NOT IN (SELECT id FROM kept)
            RETURNING g.id)
     SELECT (SELECT count(*) FROM gone) AS replaced, (SELECT count(*) FROM kept) AS kept`,
    [orgId, lockedMonths],
  );
  return { replaced: Number(rows[0]!.replaced), keptInLockedMonths: Number(rows[0]!.kept) };
}
