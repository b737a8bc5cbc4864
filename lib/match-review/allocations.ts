// What counting groups (lib/ledger/counting-groups.ts) have already taken of each side of some rows,
// to be set against each row's amount with rowRemaining (lib/ledger/row-remaining.ts).
import type { Tx } from "@/lib/db/client";
import type { MatchSide, MatchSlot } from "@/lib/db/generated/enums";
import { countingStatusSql } from "@/lib/ledger/counting-groups";
import { takenSumSql } from "@/lib/ledger/row-remaining";
import { SIDE_FROM_DB, SIDE_TO_DB, SLOT_FROM_DB, slotKey, type RowRef } from "./row-ref";

/** slotKey(side, id, slot) → minor units already allocated (magnitude). */
export async function loadAllocations(tx: Tx, orgId: string, refs: readonly RowRef[], exceptGroupIds: readonly string[] = []): Promise<Map<string, bigint>> {
  const allocated = new Map<string, bigint>();
  const unique = [...new Map(refs.map((ref) => [`${ref.side}:${ref.id}`, ref])).values()];
  if (unique.length === 0) return allocated;
  const sides = unique.map((ref) => SIDE_TO_DB[ref.side]);
  const ids = unique.map((ref) => BigInt(ref.id));
  const rows = await tx.$queryRawUnsafe<{ side: MatchSide; rowId: bigint; slot: MatchSlot; total: bigint }[]>(
    `SELECT i.side, i."rowId", i.slot, ${takenSumSql("i")} AS total
       FROM "MatchItem" i
       JOIN unnest($2::"MatchSide"[], $3::bigint[]) AS r(side, id) ON i.side = r.side AND i."rowId" = r.id
       JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
      WHERE i."orgId" = $1::uuid AND ${countingStatusSql("g.status")} AND NOT (g.id = ANY($4::uuid[]))
      GROUP BY i.side, i."rowId", i.slot`,
    orgId,
    sides,
    ids,
    exceptGroupIds,
  );
  for (const row of rows) allocated.set(slotKey(SIDE_FROM_DB[row.side], row.rowId, SLOT_FROM_DB[row.slot]), row.total);
  return allocated;
}
