// Unmatch: a confirmed (or still pending) group is never edited or deleted; a reversal record says
// who undid it, when and why, the group turns REVERSED and its rows' parts are free again.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { AppError } from "@/lib/errors";
import { isCounting } from "@/lib/ledger/counting-groups";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { loadGroupsForChange, type GroupForChange } from "./load-groups";
import { assertMonthOpen } from "./periods";
import { recordAction } from "./workspace-action";

/** Reverses groups already loaded and locked; the caller has checked who may. */
export async function reverseLoadedGroups(tx: Tx, ctx: OrgContext, groups: readonly GroupForChange[], reason: string): Promise<void> {
  for (const entry of groups) {
    if (!isCounting(entry.group.status)) throw new AppError("CONFLICT", { messageKey: "matchNotActive" });
    await assertMonthOpen(tx, ctx.orgId, entry.month);
  }
  const ids = groups.map((entry) => entry.group.id);
  await tx.matchReversal.createMany({ data: ids.map((groupId) => ({ orgId: ctx.orgId, groupId, reason, createdById: ctx.userId })) });
  await tx.matchGroup.updateMany({ where: { orgId: ctx.orgId, id: { in: ids } }, data: { status: "REVERSED" } });
}

export async function reverseMatches(db: DbOrTx, ctx: OrgContext, groupIds: readonly string[], reason: string): Promise<number> {
  return atomically(db, async (tx) => {
    const rules = await getOrgRules(tx, ctx.orgId);
    const groups = await loadGroupsForChange(tx, ctx.orgId, groupIds, rules);
    if (groups.length !== new Set(groupIds).size) throw new AppError("NOT_FOUND");
    await reverseLoadedGroups(tx, ctx, groups, reason);
    const ids = groups.map((entry) => entry.group.id);
    await writeAuditLog(tx, actorOf(ctx), { action: "match.reverse", entityType: "MatchGroup", entityId: ids.length === 1 ? ids[0] : undefined, after: { groups: ids, reason } });
    await recordAction(tx, ctx.orgId, ctx.userId, "UNMATCH", ids);
    return ids.length;
  });
}
