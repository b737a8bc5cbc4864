// Maker–checker: a manual match above the organization's thresholds waits (PENDING_APPROVAL, its rows
// already reserved) until a REVIEWER who did not make it approves it — or declines it, which frees
// the rows again. Checked here, on the server, whatever the page shows.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { AppError } from "@/lib/errors";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { loadGroupsForChange } from "./load-groups";
import { assertMonthOpen } from "./periods";
import { recordAction } from "./workspace-action";

async function pendingGroups(tx: Tx, ctx: OrgContext, groupIds: readonly string[]) {
  const rules = await getOrgRules(tx, ctx.orgId);
  const groups = await loadGroupsForChange(tx, ctx.orgId, groupIds, rules);
  if (groups.length !== new Set(groupIds).size) throw new AppError("NOT_FOUND");
  for (const entry of groups) {
    if (entry.group.status !== "PENDING_APPROVAL") throw new AppError("CONFLICT", { messageKey: "matchNotPending" });
    if (entry.group.createdById === ctx.userId) throw new AppError("FORBIDDEN", { messageKey: "approveOwnMatch" });
    await assertMonthOpen(tx, ctx.orgId, entry.month);
  }
  return groups;
}

export async function approveMatches(db: DbOrTx, ctx: OrgContext, groupIds: readonly string[]): Promise<number> {
  return atomically(db, async (tx) => {
    const groups = await pendingGroups(tx, ctx, groupIds);
    const ids = groups.map((entry) => entry.group.id);
    await tx.matchGroup.updateMany({ where: { orgId: ctx.orgId, id: { in: ids } }, data: { status: "CONFIRMED", decidedAt: new Date(), decidedById: ctx.userId } });
    await writeAuditLog(tx, actorOf(ctx), { action: "match.approve", entityType: "MatchGroup", entityId: ids.length === 1 ? ids[0] : undefined, after: { groups: ids } });
    await recordAction(tx, ctx.orgId, ctx.userId, "APPROVE", ids);
    return ids.length;
  });
}

export async function declineMatches(db: DbOrTx, ctx: OrgContext, groupIds: readonly string[], reason: string): Promise<number> {
  return atomically(db, async (tx) => {
    const groups = await pendingGroups(tx, ctx, groupIds);
    const ids = groups.map((entry) => entry.group.id);
    await tx.matchGroup.updateMany({ where: { orgId: ctx.orgId, id: { in: ids } }, data: { status: "REJECTED", decidedAt: new Date(), decidedById: ctx.userId } });
    await writeAuditLog(tx, actorOf(ctx), { action: "match.decline", entityType: "MatchGroup", entityId: ids.length === 1 ? ids[0] : undefined, after: { groups: ids, reason } });
    return ids.length;
  });
}
