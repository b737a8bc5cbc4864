// Members of one organization: list, change role, remove (people join through invitations, see
// invitation-service.ts). Only an OWNER touches the OWNER role, and an organization always keeps at
// least one OWNER.
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { Role } from "@/lib/db/generated/enums";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { canAssignRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";

type Ctx = Pick<OrgContext, "orgId" | "userId" | "userEmail" | "role">;

export async function listMembers(db: Tx, orgId: string) {
  return db.membership.findMany({
    where: { orgId },
    include: { user: { select: { id: true, email: true, name: true, mustChangePassword: true } } },
    orderBy: { createdAt: "asc" },
  });
}

async function getMembershipOrThrow(tx: Tx, orgId: string, userId: string) {
  const membership = isUuid(userId)
    ? await tx.membership.findFirst({ where: { orgId, userId }, include: { user: true } })
    : null;
  if (!membership) throw new AppError("NOT_FOUND");
  return membership;
}

async function assertAnotherOwnerRemains(tx: Tx, orgId: string, userId: string) {
  const otherOwners = await tx.membership.count({ where: { orgId, role: "OWNER", userId: { not: userId } } });
  if (otherOwners === 0) throw new AppError("CONFLICT", { messageKey: "lastOwner" });
}

export async function changeMemberRole(db: DbOrTx, ctx: Ctx, userId: string, role: Role): Promise<void> {
  await atomically(db, async (tx) => {
    const membership = await getMembershipOrThrow(tx, ctx.orgId, userId);
    if (membership.role === role) return;
    if (!canAssignRole(ctx.role, membership.role, role)) throw new AppError("FORBIDDEN");
    if (membership.role === "OWNER") await assertAnotherOwnerRemains(tx, ctx.orgId, userId);
    await tx.membership.update({ where: { orgId_userId: { orgId: ctx.orgId, userId } }, data: { role } });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "member.role",
      entityType: "Membership",
      entityId: userId,
      before: { email: membership.user.email, role: membership.role },
      after: { email: membership.user.email, role },
    });
  });
}

export async function removeMember(db: DbOrTx, ctx: Ctx, userId: string): Promise<void> {
  await atomically(db, async (tx) => {
    const membership = await getMembershipOrThrow(tx, ctx.orgId, userId);
    if (!canAssignRole(ctx.role, membership.role, null)) throw new AppError("FORBIDDEN");
    if (membership.role === "OWNER") await assertAnotherOwnerRemains(tx, ctx.orgId, userId);
    await tx.membership.delete({ where: { orgId_userId: { orgId: ctx.orgId, userId } } });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "member.remove",
      entityType: "Membership",
      entityId: userId,
      before: { email: membership.user.email, role: membership.role },
    });
  });
}
