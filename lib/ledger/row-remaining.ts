// What a row still has left on one of its sides (slots): its amount's magnitude less what the items
// of counting groups (counting-groups.ts) took of that side. MatchItem is the only record of what
// was taken: no running total is kept on the rows, so nothing can drift. Items are signed as the
// money flows (lib/match-engine/README.md "Signs"); what an item takes is its magnitude.
import type { MatchSide } from "@/lib/db/generated/enums";
import { countingStatusSql, notCountingStatusSql } from "./counting-groups";

/** What is left of a row of `amountMinor` (any sign) once `takenMinor` (a magnitude) is taken. */
export function rowRemaining(amountMinor: bigint, takenMinor: bigint): bigint {
  return (amountMinor < 0n ? -amountMinor : amountMinor) - takenMinor;
}

/** SQL of `rowRemaining`: `taken` may be NULL (nothing taken). */
export function rowRemainingSql(amount: string, taken: string): string {
  return `(ABS(${amount}) - COALESCE(${taken}, 0))::bigint`;
}

/** SQL: what the items `item` (an alias of MatchItem) take, summed. */
export function takenSumSql(item: string): string {
  return `SUM(ABS(${item}."amountMinor"))::bigint`;
}

export type TakenScope = {
  /** SQL of the organization's id (e.g. `$1::uuid`). */
  org: string;
  side: MatchSide;
  /** SQL of the slot (a literal or a parameter, e.g. `$2::"MatchSlot"`). */
  slot: string;
};

/**
 * SQL: ("rowId", taken) for every row of one side and slot that counting groups took from — one
 * pass over that side's items, to be joined by hash (not a lookup per row). The join to MatchGroup
 * is an anti-join against the few groups that do not count, not a join against every booked one.
 */
export function takenPerRowSql(scope: TakenScope): string {
  return `SELECT i."rowId", ${takenSumSql("i")} AS taken FROM "MatchItem" i
      WHERE i."orgId" = ${scope.org} AND i.side = '${scope.side}' AND i.slot = ${scope.slot}
        AND NOT EXISTS (SELECT 1 FROM "MatchGroup" g WHERE g."orgId" = i."orgId" AND g.id = i."groupId" AND ${notCountingStatusSql("g.status")})
      GROUP BY i."rowId"`;
}

/** SQL: what counting groups took of one row `row` (an alias with "orgId" and id), through the (side, rowId) index. */
export function takenOfRowSql(row: string, side: MatchSide, slot: string): string {
  return `(SELECT ${takenSumSql("i")} FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
       WHERE i."orgId" = ${row}."orgId" AND i.side = '${side}' AND i."rowId" = ${row}.id AND i.slot = ${slot}
         AND ${countingStatusSql("g.status")})`;
}
