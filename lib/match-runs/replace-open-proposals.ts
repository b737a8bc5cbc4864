// A run replaces the previous runs' open proposals — but only those it was asked to redo, and only
// in months still open. A proposal in a locked month is a person's pending work frozen with the
// month: the run may not touch that month (skip-locked-months.ts), so deleting it would lose it
// without anyone deciding. It stays, visible in 待确认建议, until the month is reopened; the run says
// how many it kept. A run scoped to a month, a store or an account (run-scope.ts) leaves every
// proposal outside its scope exactly as it was, and says how many those are.
import type pg from "pg";
import { groupsInScopeSql, isNarrowed, type ReconcileScope } from "./run-scope";

export type ReplacedProposals = {
  replaced: number;
  keptInLockedMonths: number;
  keptOutsideScope: number;
  /** Rows (side:id:slot) that the kept proposals use: the run's new groups must not take them too. */
  keptRows: Set<string>;
};

export type ReplaceOptions = { lockedMonths?: readonly string[]; scope?: ReconcileScope };

const SIDE_FROM_DB: Record<string, string> = { ORDER: "order", SETTLEMENT: "settlement", BANK: "bank" };
const SLOT_FROM_DB: Record<string, string> = { UP: "up", DOWN: "down" };

/** Deletes the organization's PROPOSED groups inside `scope` and outside `lockedMonths`, inside the caller's transaction on `client`. */
export async function deleteOpenProposals(client: pg.ClientBase, orgId: string, { lockedMonths = [], scope = {} }: ReplaceOptions = {}): Promise<ReplacedProposals> {
  if (lockedMonths.length === 0 && !isNarrowed(scope)) {
    const replaced = await client.query(`DELETE FROM "MatchGroup" WHERE "orgId" = $1 AND status = 'PROPOSED'`, [orgId]);
    return { replaced: replaced.rowCount ?? 0, keptInLockedMonths: 0, keptOutsideScope: 0, keptRows: new Set() };
  }
  const params: unknown[] = [orgId, [...lockedMonths]];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // Every proposal is either in scope (then replaced, unless its month is locked) or kept as it is.
  const { rows } = await client.query<{ replaced: string; locked: string; outside: string }>(
    `WITH proposed AS MATERIALIZED (SELECT id, "orgId" FROM "MatchGroup" WHERE "orgId" = $1 AND status = 'PROPOSED'),
          in_scope AS MATERIALIZED (${groupsInScopeSql("proposed", scope, param)}),
          locked AS (SELECT id FROM in_scope WHERE month = ANY($2::text[])),
          gone AS (
            DELETE FROM "MatchGroup" g USING in_scope s
             WHERE g."orgId" = $1 AND g.id = s.id AND s.id NOT IN (SELECT id FROM locked)
            RETURNING g.id)
     SELECT (SELECT count(*) FROM gone) AS replaced, (SELECT count(*) FROM locked) AS locked,
            (SELECT count(*) FROM proposed) - (SELECT count(*) FROM in_scope) AS outside`,
    params,
  );
  // What the proposals still standing use (now that the replaced ones are gone).
  const kept = await client.query<{ side: string; rowId: string; slot: string }>(
    `SELECT DISTINCT i.side, i."rowId"::text AS "rowId", i.slot FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
      WHERE g."orgId" = $1 AND g.status = 'PROPOSED'`,
    [orgId],
  );
  return {
    replaced: Number(rows[0]!.replaced),
    keptInLockedMonths: Number(rows[0]!.locked),
    keptOutsideScope: Number(rows[0]!.outside),
    keptRows: new Set(kept.rows.map((row) => `${SIDE_FROM_DB[row.side]}:${row.rowId}:${SLOT_FROM_DB[row.slot]}`)),
  };
}
