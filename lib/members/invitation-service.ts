// Invitations are the only way into an organization besides founding it. The adding company never
// sets or learns anyone's password: a new person chooses their own when accepting, and someone who
// already has an account joins only by accepting with that account's password (throttled like
// sign-in). Creating one answers the same whether or not the e-mail has an account.
// The token is shown once and only its SHA-256 is stored, so a database leak does not leak working
// links. A link is good for 7 days and for one use.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { Role } from "@/lib/db/generated/enums";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { OrgContext } from "@/lib/auth/load-org-context";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { rateLimitedError, verifyPasswordThrottled } from "@/lib/auth/password-throttle";
import { canAssignRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";

const VALID_DAYS = 7;
type Ctx = Pick<OrgContext, "orgId" | "userId" | "userEmail" | "role">;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createInvitation(
  db: DbOrTx,
  ctx: Ctx,
  input: { email: string; role: Role },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  if (!canAssignRole(ctx.role, null, input.role)) throw new AppError("FORBIDDEN");
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  await atomically(db, async (tx) => {
    const alreadyMember = await tx.membership.findFirst({
      where: { orgId: ctx.orgId, user: { email: input.email } },
    });
    if (alreadyMember) throw new AppError("CONFLICT", { messageKey: "alreadyMember", field: "email" });
    const invitation = await tx.invitation.create({
      data: { orgId: ctx.orgId, email: input.email, role: input.role, tokenHash: hashToken(token), expiresAt, createdById: ctx.userId },
    });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "invitation.create",
      entityType: "Invitation",
      entityId: invitation.id,
      after: { email: input.email, role: input.role, expiresAt },
    });
  });
  return { token, expiresAt };
}

export async function listOpenInvitations(db: Tx, orgId: string, now = new Date()) {
  return db.invitation.findMany({
    where: { orgId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(db: DbOrTx, ctx: Ctx, id: string): Promise<void> {
  await atomically(db, async (tx) => {
    const invitation = isUuid(id) ? await tx.invitation.findFirst({ where: { id, orgId: ctx.orgId } }) : null;
    if (!invitation) throw new AppError("NOT_FOUND");
    await tx.invitation.update({ where: { orgId_id: { orgId: ctx.orgId, id } }, data: { revokedAt: new Date() } });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: id,
      before: { email: invitation.email, role: invitation.role },
    });
  });
}

/** What the invite page shows before the person accepts; null when the link is no longer valid. */
export async function findOpenInvitation(db: Tx, token: string, now = new Date()) {
  const invitation = await db.invitation.findFirst({
    where: { tokenHash: hashToken(token), acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    include: { org: { select: { name: true } } },
  });
  if (!invitation) return null;
  const existingUser = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return { invitation, orgName: invitation.org.name, hasAccount: Boolean(existingUser) };
}

/**
 * Accepting creates the account (name + password) or, for someone who already has one, checks
 * their password through the shared throttle; either way the membership and the audit row are
 * written together.
 */
export async function acceptInvitation(
  db: DbOrTx,
  token: string,
  input: { name?: string; password: string },
  clientIp: string,
  now = new Date(),
): Promise<{ email: string; orgId: string }> {
  const found = await findOpenInvitation(db, token, now);
  if (!found) throw new AppError("NOT_FOUND", { messageKey: "invitationInvalid" });
  const { invitation } = found;
  if (found.hasAccount) {
    const check = await verifyPasswordThrottled(
      db,
      { email: invitation.email, ip: clientIp, kind: "INVITATION" },
      async () => {
        const user = await db.user.findUnique({ where: { email: invitation.email }, select: { passwordHash: true } });
        return Boolean(user) && (await verifyPassword(user!.passwordHash, input.password));
      },
      () => now,
    );
    if (!check.ok && check.reason === "RATE_LIMITED") throw rateLimitedError(check.retryAfterSeconds);
    if (!check.ok) throw new AppError("INVALID", { messageKey: "wrongPassword", field: "password" });
  } else if (!input.name) {
    throw new AppError("INVALID", { messageKey: "nameRequired", field: "name" });
  }
  const newPasswordHash = found.hasAccount ? null : await hashPassword(input.password);
  return atomically(db, async (tx) => {
    let user = await tx.user.findUnique({ where: { email: invitation.email } });
    // Registered since the page was opened: their password was not checked, so nothing is joined.
    if (user && !found.hasAccount) throw new AppError("CONFLICT", { messageKey: "emailTaken" });
    user ??= await tx.user.create({ data: { email: invitation.email, name: input.name!, passwordHash: newPasswordHash! } });
    // Claim the invitation first: of two simultaneous accepts, only one updates the row.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (claimed.count === 0) throw new AppError("NOT_FOUND", { messageKey: "invitationInvalid" });
    const existing = await tx.membership.findFirst({ where: { orgId: invitation.orgId, userId: user.id } });
    if (!existing) {
      await tx.membership.create({ data: { orgId: invitation.orgId, userId: user.id, role: invitation.role } });
    }
    await writeAuditLog(tx, { orgId: invitation.orgId, userId: user.id, userEmail: user.email }, {
      action: "invitation.accept",
      entityType: "Membership",
      entityId: user.id,
      after: { email: user.email, role: invitation.role, newAccount: !found.hasAccount },
    });
    return { email: user.email, orgId: invitation.orgId };
  });
}
