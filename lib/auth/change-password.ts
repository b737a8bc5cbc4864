import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { revokeOtherSessions } from "./user-sessions";

/**
 * Changing a password needs the current one (for a one-time password too: it proves possession).
 * It ends every session of the user except `keepSessionId` (the browser making the change), so
 * whoever else knew the old password is signed out at once.
 */
export async function changePassword(
  db: Db,
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string | null = null,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("INVALID", { messageKey: "wrongPassword", field: "currentPassword" });
  }
  if (currentPassword === newPassword) {
    throw new AppError("INVALID", { messageKey: "samePassword", field: "newPassword" });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } });
    await revokeOtherSessions(tx, userId, keepSessionId);
  });
}
