import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { rateLimitedError, verifyPasswordThrottled } from "./password-throttle";

/**
 * Changing a password needs the current one (for a one-time password too: it proves possession).
 * That check is throttled like sign-in: a stolen session must not become a password oracle.
 */
export async function changePassword(
  db: Db,
  userId: string,
  currentPassword: string,
  newPassword: string,
  clientIp: string,
  now?: () => Date,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  const check = await verifyPasswordThrottled(
    db,
    { email: user.email, ip: clientIp, kind: "PASSWORD_CHANGE" },
    () => verifyPassword(user.passwordHash, currentPassword),
    now,
  );
  if (!check.ok && check.reason === "RATE_LIMITED") throw rateLimitedError(check.retryAfterSeconds);
  if (!check.ok) throw new AppError("INVALID", { messageKey: "wrongPassword", field: "currentPassword" });
  if (currentPassword === newPassword) {
    throw new AppError("INVALID", { messageKey: "samePassword", field: "newPassword" });
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false },
  });
}
