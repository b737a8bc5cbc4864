// 坏账核销: an order whose money will not come (无法收回) is written off as bad debt through the
// workspace's own rules — a manual group holding what is left of the order's rows, explained by one
// BAD_DEBT adjustment with its reason. Nothing arrives for it, so it always waits in 待审批 for a
// reviewer other than its maker (the maker–checker rule of every write-off); declined, the rows are
// open again. Only the part the platform never settled can be written off: money already settled
// sits in the platform wallet or on its way to the bank, which is not a bad debt of the order.
// The follow-up turns 无法收回 in the same transaction.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { AppError } from "@/lib/errors";
import { groupMonth } from "@/lib/ledger/business-day";
import { rowRemaining } from "@/lib/ledger/row-remaining";
import { signedItemAmount } from "@/lib/match-engine";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { loadAllocations } from "./allocations";
import { bookGroup, dropConflictingProposals, type BookedItem } from "./book-group";
import { assertNotExcluded } from "./exclusions";
import { assertMonthOpen } from "./periods";
import { loadRowFacts } from "./row-facts";
import { rowKey, slotKey } from "./row-ref";
import { recordAction } from "./workspace-action";

export type WriteOffInput = { storeId: string; orderNo: string; note: string };

export async function writeOffOrder(db: DbOrTx, ctx: OrgContext, input: WriteOffInput): Promise<{ groupId: string; amountMinor: bigint }> {
  return atomically(db, async (tx) => {
    const receivable = await tx.orderReceivable.findUnique({ where: { orgId_storeId_orderNo: { orgId: ctx.orgId, storeId: input.storeId, orderNo: input.orderNo } }, select: { firstOrderId: true } });
    if (!receivable) throw new AppError("NOT_FOUND");
    const first = await tx.order.findFirst({ where: { orgId: ctx.orgId, id: receivable.firstOrderId }, select: { orderNo: true } });
    if (!first) throw new AppError("NOT_FOUND");
    const rows = await tx.order.findMany({ where: { orgId: ctx.orgId, storeId: input.storeId, orderNo: first.orderNo }, select: { id: true }, orderBy: { id: "asc" } });
    const refs = rows.map((row) => ({ side: "order" as const, id: row.id.toString() }));
    const facts = await loadRowFacts(tx, ctx.orgId, refs, await getOrgRules(tx, ctx.orgId), { lock: true });
    const orderFacts = refs.map((ref) => facts.get(rowKey(ref.side, ref.id))).filter((fact) => fact !== undefined);
    await assertNotExcluded(tx, ctx.orgId, orderFacts);
    const allocated = await loadAllocations(tx, ctx.orgId, refs);
    // The order's rows are the upstream end of order → bill groups ("down" slot), as in a manual match.
    const items: BookedItem[] = [];
    for (const fact of orderFacts) {
      const remaining = rowRemaining(fact.amountMinor, allocated.get(slotKey(fact.side, fact.id, "down")) ?? 0n);
      if (remaining > 0n) items.push({ side: fact.side, id: fact.id, slot: "down", amountMinor: signedItemAmount(fact.role, fact.amountMinor, remaining, "down") });
    }
    if (items.length === 0) throw new AppError("INVALID", { messageKey: "writeOffNothingOpen" });
    await assertMonthOpen(tx, ctx.orgId, groupMonth(orderFacts.map((fact) => fact.day)));
    const amountMinor = -items.reduce((sum, item) => sum + item.amountMinor, 0n);
    const adjustments = [{ type: "BAD_DEBT" as const, amountMinor, note: input.note }];
    const droppedProposals = await dropConflictingProposals(tx, ctx.orgId, items);
    const groupId = await bookGroup(tx, ctx.orgId, {
      kind: "MANUAL",
      status: "PENDING_APPROVAL",
      pass: 0,
      rule: "MANUAL",
      link: "ORDER_SETTLEMENT",
      confidence: 100,
      note: input.note,
      createdById: ctx.userId,
      decidedById: ctx.userId,
      items,
      adjustments,
    });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "match.create",
      entityType: "MatchGroup",
      entityId: groupId,
      after: { status: "PENDING_APPROVAL", link: "ORDER_SETTLEMENT", note: input.note, items, adjustments, droppedProposals },
    });
    await recordAction(tx, ctx.orgId, ctx.userId, "MATCH", [groupId]);
    await tx.$executeRaw`
      INSERT INTO "ReceivableFollowUp" ("orgId", "storeId", "orderNo", state, "updatedAt", "updatedById")
      VALUES (${ctx.orgId}::uuid, ${input.storeId}::uuid, ${input.orderNo}, 'UNCOLLECTIBLE', now(), ${ctx.userId}::uuid)
      ON CONFLICT ("orgId", "storeId", "orderNo") DO UPDATE SET state = 'UNCOLLECTIBLE', "updatedAt" = now(), "updatedById" = EXCLUDED."updatedById"`;
    return { groupId, amountMinor };
  });
}
