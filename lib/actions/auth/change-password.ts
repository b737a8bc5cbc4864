"use server";
import { z } from "zod";
import { publicAction } from "@/lib/actions/define-action";
import { changePassword } from "@/lib/auth/change-password";
import { newPasswordSchema } from "@/lib/auth/credentials-schema";
import { requestClientIp } from "@/lib/auth/request-client-ip";
import { getActiveSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// The new password twice: a typo in a masked field would lock the person out of their account.
const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "validation.required" }),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ["confirmPassword"], error: "validation.passwordsDiffer" });

// Not an orgAction: it concerns the person, not an organization, and must work before the
// one-time password is replaced (when the app shell is still closed to them).
export const changePasswordAction = publicAction(changePasswordSchema, async (input) => {
  const session = await getActiveSession();
  if (!session) throw new AppError("UNAUTHENTICATED");
  await changePassword(db, session.userId, input.currentPassword, input.newPassword, {
    clientIp: await requestClientIp(),
    keepSessionId: session.sessionId,
  });
  return { changed: true };
});
