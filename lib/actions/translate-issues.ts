// zod issues → one message per field in the user's language. Schemas carry message keys under
// "validation." (e.g. { error: "validation.required" }); anything else falls back to its issue code.
import type { z } from "zod";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translateIssues(error: z.ZodError, t: Translate): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (fieldErrors[field]) continue;
    const key = issue.message.startsWith("validation.") ? issue.message : `validation.${issue.code}`;
    const params: Record<string, string | number> = {};
    if ("minimum" in issue) params.min = Number(issue.minimum);
    if ("maximum" in issue) params.max = Number(issue.maximum);
    fieldErrors[field] = t(key, params);
  }
  return fieldErrors;
}
