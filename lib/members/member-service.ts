// Members of one organization: add (with a one-time password), change role, remove. Only an OWNER
// touches the OWNER role, and an organization always keeps at least one OWNER.
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { hashPassword } from "@/lib/auth/password";
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

/** 12 characters from an alphabet without look-alikes (0/O, 1/l/I), easy to read out loud. */
export function generateOneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(12);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
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

/**
 * Adds someone by e-mail. A new person gets an account with a one-time password (returned once,
 * to be handed over; they must change it at first sign-in). Someone who already has an account,
 * e.g. in another organization, just gains a membership.
 */
export async function addMember(
  db: Db,
  ctx: Ctx,
  input: { email: string; name: string; role: Role },
): Promise<{ userId: string; oneTimePassword: string | null }> {
  if (!canAssignRole(ctx.role, null, input.role)) throw new AppError("FORBIDDEN");
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email: input.email } });
    const isNewUser = !user;
    user ??= await tx.user.create({
      data: { email: input.email, name: input.name, passwordHash, mustChangePassword: true },
    });
    const existing = await tx.membership.findFirst({ where: { orgId: ctx.orgId, userId: user.id } });
    if (existing) throw new AppError("CONFLICT", { messageKey: "alreadyMember", field: "email" });
    await tx.membership.create({ data: { orgId: ctx.orgId, userId: user.id, role: input.role } });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "member.add",
      entityType: "Membership",
      entityId: user.id,
      after: { email: user.email, role: input.role, newAccount: isNewUser },
    });
    return { userId: user.id, oneTimePassword: isNewUser ? oneTimePassword : null };
  });
}

export async function changeMemberRole(db: Db, ctx: Ctx, userId: string, role: Role): Promise<void> {
  await db.$transaction(async (tx) => {
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

export async function removeMember(db: Db, ctx: Ctx, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
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
