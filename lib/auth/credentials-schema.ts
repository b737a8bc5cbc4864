import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "validation.email" }).max(120, { error: "validation.tooLong" }));

export const newPasswordSchema = z
  .string()
  .min(8, { error: "validation.passwordTooShort" })
  .max(200, { error: "validation.tooLong" });

export const personNameSchema = z
  .string()
  .trim()
  .min(1, { error: "validation.required" })
  .max(60, { error: "validation.tooLong" });

export const signUpSchema = z.object({
  companyName: z.string().trim().min(1, { error: "validation.required" }).max(80, { error: "validation.tooLong" }),
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.output<typeof signUpSchema>;
