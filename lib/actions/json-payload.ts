// A form field holding JSON, checked with a schema: how an action receives what a form cannot say
// ("these orders", "these rows, with these amounts") in its `payload` field.
import { z } from "zod";

export const jsonPayload = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "invalid" });
        return z.NEVER;
      }
    })
    .pipe(schema);
