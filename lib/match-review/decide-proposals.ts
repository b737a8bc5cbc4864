// Confirm or reject the engine's proposals, one or many at once. A bulk confirm books every group
// that still fits (its rows not taken meanwhile by a person, its month not locked) and says why it
// skipped the others; a rejection remembers its pairs so the engine never proposes them again.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { AppError } from "@/lib/errors";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { loadAllocations } from "./allocations";
import type { BookedItem } from "./book-group";
import { loadGroupsForChange, takeIfFits } from "./load-groups";
import { lockedMonths } from "./periods";
import { SIDE_TO_DB } from "./row-ref";
import { recordAction } from "./workspace-action";

export type SkipReason = "gone" | "notProposed" | "monthLocked" | "rowsTaken";
export type DecisionResult = { done: string[]; skipped: { id: string; reason: SkipReason }[] };

/**
 * The organization's groups among `groupIds`. When none is the organization's (another tenant's ids,
 * or ids that never existed) the answer is NOT_FOUND, as on every door. A selection that is only
 * partly gone is the ordinary case of a page left open while a re-run replaced some proposals:
 * those ids are reported as skipped ("gone") and the rest is decided.
 */
async function loadOwnGroups(tx: Tx, ctx: OrgContext, groupIds: readonly string[], result: DecisionResult) {
  const rules = await getOrgRules(tx, ctx.orgId);
  const groups = await loadGroupsForChange(tx, ctx.orgId, groupIds, rules);
  if (groups.length === 0) throw new AppError("NOT_FOUND");
  const found = new Set(groups.map((entry) => entry.group.id));
  for (const id of new Set(groupIds)) if (!found.has(id)) result.skipped.push({ id, reason: "gone" });
  return groups;
}

export async function confirmProposals(db: DbOrTx, ctx: OrgContext, groupIds: readonly string[]): Promise<DecisionResult> {
  return atomically(db, async (tx) => {
    const result: DecisionResult = { done: [], skipped: [] };
    const groups = await loadOwnGroups(tx, ctx, groupIds, result);
    const locked = await lockedMonths(tx, ctx.orgId, groups.flatMap((entry) => (entry.month ? [entry.month] : [])));
    const allocated = await loadAllocations(tx, ctx.orgId, groups.flatMap((entry) => entry.items));
    for (const entry of groups) {
      if (entry.group.status !== "PROPOSED") result.skipped.push({ id: entry.group.id, reason: "notProposed" });
      else if (entry.month && locked.has(entry.month)) result.skipped.push({ id: entry.group.id, reason: "monthLocked" });
      else if (!takeIfFits(entry.items, entry.facts, allocated)) result.skipped.push({ id: entry.group.id, reason: "rowsTaken" });
      else result.done.push(entry.group.id);
    }
    if (result.done.length > 0) {
      await tx.matchGroup.updateMany({ where: { orgId: ctx.orgId, id: { in: result.done } }, data: { status: "CONFIRMED", decidedAt: new Date(), decidedById: ctx.userId } });
      await writeAuditLog(tx, actorOf(ctx), { action: "match.confirm", entityType: "MatchGroup", entityId: result.done.length === 1 ? result.done[0] : undefined, after: { groups: result.done, skipped: result.skipped } });
      await recordAction(tx, ctx.orgId, ctx.userId, "CONFIRM", result.done);
    }
    return result;
  }, { timeout: 60_000 });
}

/** Every pair of rows across the two ends of a group: what "these do not belong together" means. */
export function rejectedPairsOf(items: readonly BookedItem[]) {
  const upstream = items.filter((item) => item.slot === "down");
  const downstream = items.filter((item) => item.slot === "up");
  return upstream.flatMap((a) => downstream.map((b) => ({ aSide: SIDE_TO_DB[a.side], aRowId: BigInt(a.id), bSide: SIDE_TO_DB[b.side], bRowId: BigInt(b.id) })));
}

export async function rejectProposals(db: DbOrTx, ctx: OrgContext, groupIds: readonly string[]): Promise<DecisionResult> {
  return atomically(db, async (tx) => {
    const result: DecisionResult = { done: [], skipped: [] };
    const groups = await loadOwnGroups(tx, ctx, groupIds, result);
    const pairs = [];
    for (const entry of groups) {
      if (entry.group.status !== "PROPOSED") {
        result.skipped.push({ id: entry.group.id, reason: "notProposed" });
        continue;
      }
      result.done.push(entry.group.id);
      pairs.push(...rejectedPairsOf(entry.items));
    }
    if (result.done.length > 0) {
      await tx.matchGroup.updateMany({ where: { orgId: ctx.orgId, id: { in: result.done } }, data: { status: "REJECTED", decidedAt: new Date(), decidedById: ctx.userId } });
      await tx.rejectedPair.createMany({ data: pairs.map((pair) => ({ orgId: ctx.orgId, createdById: ctx.userId, ...pair })), skipDuplicates: true });
      await writeAuditLog(tx, actorOf(ctx), { action: "match.reject", entityType: "MatchGroup", entityId: result.done.length === 1 ? result.done[0] : undefined, after: { groups: result.done, pairs: pairs.length } });
      await recordAction(tx, ctx.orgId, ctx.userId, "REJECT", result.done);
    }
    return result;
  }, { timeout: 60_000 });
}
