import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

/** Changing a password needs the current one (for a one-time password too: it proves possession). */
export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("INVALID", { messageKey: "wrongPassword", field: "currentPassword" });
  }
  if (currentPassword === newPassword) {
    throw new AppError("INVALID", { messageKey: "samePassword", field: "newPassword" });
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false },
  });
}
