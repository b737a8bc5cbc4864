// Remembers what a person just did, so "undo" can take back exactly that (undo-last-action.ts).
import type { Tx } from "@/lib/db/client";
import type { WorkspaceActionKind } from "@/lib/db/generated/enums";

export async function recordAction(tx: Tx, orgId: string, userId: string, kind: WorkspaceActionKind, groupIds: readonly string[]): Promise<void> {
  if (groupIds.length === 0) return;
  await tx.workspaceAction.create({ data: { orgId, userId, kind, groupIds: [...groupIds] } });
}
