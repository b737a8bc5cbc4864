import { z } from "zod";
import { emailSchema } from "@/lib/auth/credentials-schema";
import { ROLES } from "@/lib/auth/roles";

export const roleSchema = z.enum(ROLES, { error: "validation.choose" });

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});

export const changeRoleSchema = z.object({
  userId: z.string(),
  role: roleSchema,
});
