// Groups the workspace is about to change, locked, with their items and the facts of their rows.
import type { Tx } from "@/lib/db/client";
import { groupMonth } from "@/lib/ledger/business-day";
import { rowRemaining } from "@/lib/ledger/row-remaining";
import type { ReconcileRules } from "@/lib/match-engine";
import { loadRowFacts, type RowFacts } from "./row-facts";
import { rowKey, SIDE_FROM_DB, SLOT_FROM_DB } from "./row-ref";
import type { BookedAdjustment, BookedItem } from "./book-group";

export async function loadGroupsForChange(tx: Tx, orgId: string, groupIds: readonly string[], rules: Pick<ReconcileRules, "walletKeywords">) {
  const ids = [...new Set(groupIds)];
  if (ids.length === 0) return [];
  // Lock in id order so two people deciding overlapping selections cannot deadlock.
  await tx.$queryRawUnsafe(`SELECT id FROM "MatchGroup" WHERE "orgId" = $1::uuid AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`, orgId, ids);
  const groups = await tx.matchGroup.findMany({
    where: { orgId, id: { in: ids } },
    include: { items: { orderBy: [{ side: "asc" }, { rowId: "asc" }, { slot: "asc" }] }, adjustments: { orderBy: { id: "asc" } } },
    orderBy: { id: "asc" },
  });
  const refs = groups.flatMap((group) => group.items.map((item) => ({ side: SIDE_FROM_DB[item.side], id: item.rowId.toString() })));
  const facts = await loadRowFacts(tx, orgId, refs, rules, { lock: true });
  return groups.map((group) => {
    const items: BookedItem[] = group.items.map((item) => ({ side: SIDE_FROM_DB[item.side], id: item.rowId.toString(), slot: SLOT_FROM_DB[item.slot], amountMinor: item.amountMinor }));
    const adjustments: BookedAdjustment[] = group.adjustments.map((adjustment) => ({
      type: adjustment.type,
      amountMinor: adjustment.amountMinor,
      note: adjustment.note,
      about: adjustment.aboutSide && adjustment.aboutRowId !== null ? { side: SIDE_FROM_DB[adjustment.aboutSide], id: adjustment.aboutRowId.toString() } : null,
    }));
    const rowFacts = items.map((item) => facts.get(rowKey(item.side, item.id))).filter((fact): fact is RowFacts => Boolean(fact));
    return { group, items, adjustments, facts: rowFacts, month: groupMonth(rowFacts.map((fact) => fact.day)) };
  });
}

export type GroupForChange = Awaited<ReturnType<typeof loadGroupsForChange>>[number];

/** Whether the items still fit what is left of their rows, given `allocated` (updated when they do). */
export function takeIfFits(items: readonly BookedItem[], facts: readonly RowFacts[], allocated: Map<string, bigint>): boolean {
  const amounts = new Map(facts.map((fact) => [rowKey(fact.side, fact.id), fact.amountMinor]));
  const wanted = new Map<string, bigint>();
  for (const item of items) {
    const key = `${item.side}:${item.id}:${item.slot}`;
    wanted.set(key, (wanted.get(key) ?? 0n) + (item.amountMinor < 0n ? -item.amountMinor : item.amountMinor));
  }
  for (const [key, amount] of wanted) {
    const row = key.slice(0, key.lastIndexOf(":"));
    const rowAmount = amounts.get(row);
    if (rowAmount === undefined || amount > rowRemaining(rowAmount, allocated.get(key) ?? 0n)) return false;
  }
  for (const [key, amount] of wanted) allocated.set(key, (allocated.get(key) ?? 0n) + amount);
  return true;
}
