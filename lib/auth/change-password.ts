import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { rateLimitedError, verifyPasswordThrottled } from "./password-throttle";
import { revokeOtherSessions } from "./user-sessions";

export type ChangePasswordOptions = {
  /** The client making the change, for the throttle. */
  clientIp: string;
  /** The session making the change stays open; every other session of the user ends. */
  keepSessionId?: string | null;
  now?: () => Date;
};

/**
 * Changing a password needs the current one (for a one-time password too: it proves possession).
 * That check is throttled like sign-in: a stolen session must not become a password oracle. The
 * change ends every other session of the user, so whoever else knew the old password is signed
 * out at once.
 */
export async function changePassword(
  db: DbOrTx,
  userId: string,
  currentPassword: string,
  newPassword: string,
  options: ChangePasswordOptions,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  const check = await verifyPasswordThrottled(
    db,
    { email: user.email, ip: options.clientIp, kind: "PASSWORD_CHANGE" },
    () => verifyPassword(user.passwordHash, currentPassword),
    options.now,
  );
  if (!check.ok && check.reason === "RATE_LIMITED") throw rateLimitedError(check.retryAfterSeconds);
  if (!check.ok) throw new AppError("INVALID", { messageKey: "wrongPassword", field: "currentPassword" });
  if (currentPassword === newPassword) {
    throw new AppError("INVALID", { messageKey: "samePassword", field: "newPassword" });
  }
  const passwordHash = await hashPassword(newPassword);
  await atomically(db, async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } });
    await revokeOtherSessions(tx, userId, options.keepSessionId ?? null);
  });
}
