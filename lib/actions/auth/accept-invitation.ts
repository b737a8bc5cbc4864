"use server";
import { z } from "zod";
import { publicAction } from "@/lib/actions/define-action";
import { newPasswordSchema, personNameSchema } from "@/lib/auth/credentials-schema";
import { requestClientIp } from "@/lib/auth/request-client-ip";
import { db } from "@/lib/db/client";
import { acceptInvitation } from "@/lib/members/invitation-service";

// New people choose a name and a password under the sign-up rules; people who already have an
// account confirm with their password. The service checks which case really applies.
const acceptSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("new"), token: z.string().max(200), name: personNameSchema, password: newPasswordSchema }),
  z.object({ mode: z.literal("existing"), token: z.string().max(200), password: z.string().min(1, { error: "validation.required" }) }),
]);

/** The form signs in with the same e-mail and password once this succeeds. */
export const acceptInvitationAction = publicAction(acceptSchema, async (input) => {
  const { email } = await acceptInvitation(db, input.token, {
    name: input.mode === "new" ? input.name : undefined,
    password: input.password,
  }, await requestClientIp());
  return { email };
});
