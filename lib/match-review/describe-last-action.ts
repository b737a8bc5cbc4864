// What "undo" would take back, in facts a person can check before agreeing: which action, when,
// how many groups and rows, and how much money moved (what arrived at the groups' downstream end).
// A reader: the undo itself is undo-last-action.ts, which takes back exactly the action shown here.
import type { Tx } from "@/lib/db/client";
import type { WorkspaceActionKind } from "@/lib/db/generated/enums";

export type LastActionSummary = { actionId: string; kind: WorkspaceActionKind; at: Date; groups: number; rows: number; amountMinor: bigint };

/** The person's own last action that has not been undone, or null when there is none. */
export async function describeLastAction(tx: Tx, orgId: string, userId: string): Promise<LastActionSummary | null> {
  const action = await tx.workspaceAction.findFirst({ where: { orgId, userId, undoneAt: null }, orderBy: { createdAt: "desc" } });
  if (!action) return null;
  return { actionId: action.id, kind: action.kind, at: action.createdAt, ...(await summarizeGroups(tx, orgId, action.groupIds)) };
}

/** Groups, distinct rows and the money that arrived (the "up" items, as a magnitude). */
export async function summarizeGroups(tx: Tx, orgId: string, groupIds: readonly string[]): Promise<{ groups: number; rows: number; amountMinor: bigint }> {
  const items = await tx.matchItem.findMany({ where: { orgId, groupId: { in: [...groupIds] } }, select: { groupId: true, side: true, rowId: true, slot: true, amountMinor: true } });
  const rows = new Set(items.map((item) => `${item.side}:${item.rowId}`)).size;
  // Per group, then added up: each group's money counts as it arrived, whatever its direction.
  const arrivedByGroup = new Map<string, bigint>();
  for (const item of items) if (item.slot === "UP") arrivedByGroup.set(item.groupId, (arrivedByGroup.get(item.groupId) ?? 0n) + item.amountMinor);
  const amountMinor = [...arrivedByGroup.values()].reduce((sum, value) => sum + (value < 0n ? -value : value), 0n);
  return { groups: groupIds.length, rows, amountMinor };
}
