// "Undo" takes back the person's own last workspace action, as a new change (reversal or re-booking)
// rather than by erasing history. Refused when someone has changed those groups since, or their
// month is locked.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { MatchStatus, WorkspaceActionKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { COUNTING_STATUSES } from "@/lib/ledger/counting-groups";
import type { MatchLink } from "@/lib/match-engine";
import { groupReasons } from "@/lib/match-runs/group-reasons";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { loadAllocations } from "./allocations";
import { summarizeGroups, type LastActionSummary } from "./describe-last-action";
import { bookGroup } from "./book-group";
import { rejectedPairsOf } from "./decide-proposals";
import { loadGroupsForChange, takeIfFits, type GroupForChange } from "./load-groups";
import { assertMonthOpen } from "./periods";
import { reverseLoadedGroups } from "./reverse-match";

/** The reason stored on reversals made by undo; the page shows it translated. */
export const UNDO_REASON = "UNDO";

const EXPECTED_STATUS: Record<WorkspaceActionKind, readonly MatchStatus[]> = {
  // A manual match books a group that counts: confirmed, or waiting for its reviewer.
  MATCH: COUNTING_STATUSES,
  CONFIRM: ["CONFIRMED"],
  REJECT: ["REJECTED"],
  APPROVE: ["CONFIRMED"],
  UNMATCH: ["REVERSED"],
};

function copyOf(entry: GroupForChange, status: MatchStatus, ctx: OrgContext) {
  const group = entry.group;
  return {
    key: group.kind === "AUTO" ? group.key : undefined,
    kind: group.kind,
    status,
    pass: group.pass,
    rule: group.rule,
    link: group.link as MatchLink,
    confidence: group.confidence,
    reasons: groupReasons(group),
    runId: group.runId,
    note: group.note,
    createdById: group.createdById,
    decidedById: ctx.userId,
    items: entry.items,
    adjustments: entry.adjustments,
  };
}

export type UndoResult = { kind: WorkspaceActionKind; groups: number } & Omit<LastActionSummary, "kind" | "groups">;

/**
 * `expectedActionId` is the action the person was shown and agreed to undo (describe-last-action):
 * if another one became the last in between (another tab), nothing is undone and they are asked
 * to look again, so "undo" never takes back something they did not read.
 */
export async function undoLastAction(db: DbOrTx, ctx: OrgContext, options: { expectedActionId?: string } = {}): Promise<UndoResult | null> {
  return atomically(db, async (tx) => {
    const action = await tx.workspaceAction.findFirst({ where: { orgId: ctx.orgId, userId: ctx.userId, undoneAt: null }, orderBy: { createdAt: "desc" } });
    if (options.expectedActionId !== undefined && action?.id !== options.expectedActionId) throw new AppError("CONFLICT", { messageKey: "undoChanged" });
    if (!action) return null;
    const summary = await summarizeGroups(tx, ctx.orgId, action.groupIds);
    const rules = await getOrgRules(tx, ctx.orgId);
    const groups = await loadGroupsForChange(tx, ctx.orgId, action.groupIds, rules);
    if (groups.some((entry) => !EXPECTED_STATUS[action.kind].includes(entry.group.status))) throw new AppError("CONFLICT", { messageKey: "undoStale" });
    for (const entry of groups) await assertMonthOpen(tx, ctx.orgId, entry.month);
    const ids = groups.map((entry) => entry.group.id);

    switch (action.kind) {
      case "MATCH":
        await reverseLoadedGroups(tx, ctx, groups, UNDO_REASON);
        break;
      case "CONFIRM":
        // The confirmation is reversed and the proposal offered again, as it was.
        await reverseLoadedGroups(tx, ctx, groups, UNDO_REASON);
        for (const entry of groups) await bookGroup(tx, ctx.orgId, copyOf(entry, "PROPOSED", ctx));
        break;
      case "REJECT":
        await tx.matchGroup.updateMany({ where: { orgId: ctx.orgId, id: { in: ids } }, data: { status: "PROPOSED", decidedAt: null, decidedById: null } });
        for (const pair of groups.flatMap((entry) => rejectedPairsOf(entry.items))) {
          await tx.rejectedPair.deleteMany({ where: { orgId: ctx.orgId, ...pair } });
        }
        break;
      case "APPROVE":
        await tx.matchGroup.updateMany({ where: { orgId: ctx.orgId, id: { in: ids } }, data: { status: "PENDING_APPROVAL", decidedAt: null, decidedById: null } });
        break;
      case "UNMATCH": {
        // Booked again as new groups, if their rows are still free.
        const allocated = await loadAllocations(tx, ctx.orgId, groups.flatMap((entry) => entry.items));
        for (const entry of groups) {
          if (!takeIfFits(entry.items, entry.facts, allocated)) throw new AppError("CONFLICT", { messageKey: "undoStale" });
          const wasPending = entry.group.kind === "MANUAL" && entry.group.decidedById === null;
          await bookGroup(tx, ctx.orgId, copyOf(entry, wasPending ? "PENDING_APPROVAL" : "CONFIRMED", ctx));
        }
        break;
      }
    }
    await tx.workspaceAction.update({ where: { orgId_id: { orgId: action.orgId, id: action.id } }, data: { undoneAt: new Date() } });
    await writeAuditLog(tx, actorOf(ctx), { action: "match.undo", entityType: "MatchGroup", entityId: ids.length === 1 ? ids[0] : undefined, after: { undid: action.kind, groups: ids } });
    return { ...summary, actionId: action.id, at: action.createdAt, kind: action.kind, groups: ids.length };
  });
}
