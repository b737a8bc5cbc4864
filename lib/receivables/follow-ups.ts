// 跟进: people's work on orders whose money has not arrived — who chases it, by when, how far it
// got, and a note per contact. Kept in ReceivableFollowUp, which a rebuild never touches; notes are
// Notes on the order's first export row, so the workspace shows them too. Every change is audited
// in its own transaction.
import { z } from "zod";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { addNote } from "@/lib/match-review/notes";
import { FOLLOW_UP_STATES } from "./follow-up-states";

/** How many orders one change may touch (a page of the list, selected). */
export const MAX_FOLLOW_UP_ORDERS = 500;

const orderKey = z.object({ storeId: z.uuid(), orderNo: z.string().trim().min(1).max(128) });
export type OrderKey = z.infer<typeof orderKey>;

export const followUpChangeSchema = z
  .object({
    orders: z.array(orderKey).min(1).max(MAX_FOLLOW_UP_ORDERS),
    /** Absent: unchanged; null: nobody. */
    ownerId: z.uuid().nullable().optional(),
    nextActionOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .optional(),
    state: z.enum(FOLLOW_UP_STATES).optional(),
  })
  .refine((change) => change.ownerId !== undefined || change.nextActionOn !== undefined || change.state !== undefined, { message: "receivables.validation.nothingToChange" });
export type FollowUpChange = z.infer<typeof followUpChangeSchema>;

/** The orders of `keys` this organization has; another company's (or an unknown) order is NOT_FOUND. */
async function assertOwnOrders(tx: Tx, orgId: string, keys: readonly OrderKey[]): Promise<OrderKey[]> {
  const unique = [...new Map(keys.map((key) => [`${key.storeId}\u0000${key.orderNo}`, key])).values()];
  const [found] = await tx.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*)::bigint AS n FROM "OrderReceivable" r
       JOIN unnest($2::uuid[], $3::text[]) k("storeId", "orderNo") ON r."storeId" = k."storeId" AND r."orderNo" = k."orderNo"
      WHERE r."orgId" = $1::uuid`,
    orgId,
    unique.map((key) => key.storeId),
    unique.map((key) => key.orderNo),
  );
  if (Number(found?.n ?? 0n) !== unique.length) throw new AppError("NOT_FOUND");
  return unique;
}

export async function changeFollowUps(db: DbOrTx, ctx: OrgContext, change: FollowUpChange): Promise<{ orders: number }> {
  return atomically(db, async (tx) => {
    const orders = await assertOwnOrders(tx, ctx.orgId, change.orders);
    let ownerName: string | null = null;
    if (change.ownerId) {
      const member = await tx.membership.findFirst({ where: { orgId: ctx.orgId, userId: change.ownerId }, select: { user: { select: { name: true, email: true } } } });
      if (!member) throw new AppError("INVALID", { messageKey: "followUpOwnerNotMember", field: "ownerId" });
      ownerName = member.user.name || member.user.email;
    }
    // One statement for the whole selection: new rows take what was given (else the defaults),
    // existing ones change only what was given.
    const sets = [
      change.ownerId !== undefined ? `"ownerId" = EXCLUDED."ownerId"` : null,
      change.nextActionOn !== undefined ? `"nextActionOn" = EXCLUDED."nextActionOn"` : null,
      change.state !== undefined ? `state = EXCLUDED.state` : null,
      `"updatedAt" = now()`,
      `"updatedById" = EXCLUDED."updatedById"`,
    ].filter(Boolean);
    await tx.$executeRawUnsafe(
      `INSERT INTO "ReceivableFollowUp" ("orgId", "storeId", "orderNo", "ownerId", "nextActionOn", state, "updatedAt", "updatedById")
       SELECT $1::uuid, k."storeId", k."orderNo", $4::uuid, $5::date, COALESCE($6::"FollowUpState", 'OPEN'), now(), $7::uuid
         FROM unnest($2::uuid[], $3::text[]) k("storeId", "orderNo")
       ON CONFLICT ("orgId", "storeId", "orderNo") DO UPDATE SET ${sets.join(", ")}`,
      ctx.orgId,
      orders.map((key) => key.storeId),
      orders.map((key) => key.orderNo),
      change.ownerId ?? null,
      change.nextActionOn ?? null,
      change.state ?? null,
      ctx.userId,
    );
    await writeAuditLog(tx, actorOf(ctx), {
      action: "receivable.followUp",
      entityType: "OrderReceivable",
      entityId: orders.length === 1 ? orders[0]!.orderNo : undefined,
      after: {
        orders: orders.length,
        orderNos: orders.slice(0, 20).map((key) => key.orderNo),
        ...(change.ownerId !== undefined ? { ownerId: change.ownerId, ownerName } : {}),
        ...(change.nextActionOn !== undefined ? { nextActionOn: change.nextActionOn } : {}),
        ...(change.state !== undefined ? { state: change.state } : {}),
      },
    });
    return { orders: orders.length };
  });
}

export const followUpNoteSchema = orderKey.extend({ body: z.string().trim().min(1).max(2000) });

/** A note on a contact ("已联系平台客服，工单号 …"): a Note on the order; an order still 待跟进 turns 跟进中. */
export async function addFollowUpNote(db: DbOrTx, ctx: OrgContext, input: z.infer<typeof followUpNoteSchema>): Promise<string> {
  return atomically(db, async (tx) => {
    const receivable = await tx.orderReceivable.findUnique({ where: { orgId_storeId_orderNo: { orgId: ctx.orgId, storeId: input.storeId, orderNo: input.orderNo } }, select: { firstOrderId: true } });
    if (!receivable) throw new AppError("NOT_FOUND");
    const noteId = await addNote(tx, ctx, { target: "ORDER", targetId: receivable.firstOrderId.toString(), body: input.body });
    await tx.$executeRaw`
      INSERT INTO "ReceivableFollowUp" ("orgId", "storeId", "orderNo", state, "updatedAt", "updatedById")
      VALUES (${ctx.orgId}::uuid, ${input.storeId}::uuid, ${input.orderNo}, 'IN_PROGRESS', now(), ${ctx.userId}::uuid)
      ON CONFLICT ("orgId", "storeId", "orderNo") DO UPDATE
        SET state = CASE WHEN "ReceivableFollowUp".state = 'OPEN' THEN 'IN_PROGRESS'::"FollowUpState" ELSE "ReceivableFollowUp".state END,
            "updatedAt" = now(), "updatedById" = EXCLUDED."updatedById"`;
    return noteId;
  });
}
