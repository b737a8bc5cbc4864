// Writes one group with its items and adjustments, after the caller has checked it (sums to zero,
// fits what is left of its rows, month open). Every workspace change that books money goes here.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { AdjustmentType, MatchKind, MatchStatus } from "@/lib/db/generated/enums";
import type { MatchLink, Reason, Side, Slot } from "@/lib/match-engine";
import { groupReasonsJson } from "@/lib/match-runs/group-reasons";
import { fillGroupFactsSql } from "@/lib/ledger/group-facts";
import { SIDE_TO_DB, SLOT_TO_DB } from "./row-ref";

export type BookedItem = { side: Side; id: string; slot: Slot; amountMinor: bigint };
export type BookedAdjustment = { type: AdjustmentType; amountMinor: bigint; note?: string | null; about?: { side: Side; id: string } | null };

export type GroupToBook = {
  key?: string;
  kind: MatchKind;
  status: MatchStatus;
  pass: number;
  rule: string;
  link: MatchLink;
  confidence: number;
  reasons?: readonly Reason[];
  runId?: string | null;
  note?: string | null;
  createdById?: string | null;
  decidedById?: string | null;
  items: readonly BookedItem[];
  adjustments: readonly BookedAdjustment[];
};

export function assertBalanced(items: readonly { amountMinor: bigint }[], adjustments: readonly { amountMinor: bigint }[]): void {
  const sum = items.reduce((total, item) => total + item.amountMinor, 0n) + adjustments.reduce((total, adjustment) => total + adjustment.amountMinor, 0n);
  if (sum !== 0n) throw new Error(`group does not balance: items + adjustments = ${sum}`);
}

export async function bookGroup(tx: Tx, orgId: string, group: GroupToBook): Promise<string> {
  assertBalanced(group.items, group.adjustments);
  const id = randomUUID();
  const decided = group.status === "CONFIRMED" || group.status === "REJECTED";
  await tx.matchGroup.create({
    data: {
      id,
      orgId,
      runId: group.runId ?? null,
      key: group.key ?? `MN-${id}`,
      kind: group.kind,
      status: group.status,
      pass: group.pass,
      rule: group.rule,
      link: group.link,
      confidence: group.confidence,
      reasons: groupReasonsJson(group.reasons ?? []),
      note: group.note ?? null,
      createdById: group.createdById ?? null,
      decidedAt: decided ? new Date() : null,
      decidedById: decided ? (group.decidedById ?? null) : null,
    },
  });
  await tx.matchItem.createMany({
    data: group.items.map((item) => ({ orgId, groupId: id, side: SIDE_TO_DB[item.side], rowId: BigInt(item.id), slot: SLOT_TO_DB[item.slot], amountMinor: item.amountMinor })),
  });
  if (group.adjustments.length > 0) {
    await tx.matchAdjustment.createMany({
      data: group.adjustments.map((adjustment) => ({
        orgId,
        groupId: id,
        type: adjustment.type,
        amountMinor: adjustment.amountMinor,
        note: adjustment.note ?? null,
        aboutSide: adjustment.about ? SIDE_TO_DB[adjustment.about.side] : null,
        aboutRowId: adjustment.about ? BigInt(adjustment.about.id) : null,
      })),
    });
  }
  // Its list facts (amount, day, stores…) from the items just written: one statement, same transaction.
  await tx.$executeRawUnsafe(fillGroupFactsSql(`SELECT $1::uuid AS "orgId", $2::uuid AS id`), orgId, id);
  return id;
}

/** Open proposals that want any of these row sides: a person's booking supersedes them. */
export async function dropConflictingProposals(tx: Tx, orgId: string, items: readonly BookedItem[]): Promise<number> {
  if (items.length === 0) return 0;
  const deleted = await tx.$executeRawUnsafe(
    `DELETE FROM "MatchGroup" g USING "MatchItem" i,
            unnest($2::"MatchSide"[], $3::bigint[], $4::"MatchSlot"[]) AS r(side, id, slot)
      WHERE g."orgId" = $1::uuid AND g.status = 'PROPOSED'
        AND i."orgId" = g."orgId" AND i."groupId" = g.id AND i.side = r.side AND i."rowId" = r.id AND i.slot = r.slot`,
    orgId,
    items.map((item) => SIDE_TO_DB[item.side]),
    items.map((item) => BigInt(item.id)),
    items.map((item) => SLOT_TO_DB[item.slot]),
  );
  return deleted;
}
