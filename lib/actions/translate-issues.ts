// zod issues → one message per field in the user's language. Schemas carry message keys under
// "validation." (e.g. { error: "validation.required" }) or "<namespace>.validation."; anything else
// falls back to its issue code. Custom issues may carry their message's values in `params`.
import type { z } from "zod";

/** A key under "validation.", or under a page's own "<namespace>.validation." (matchingRules). */
const VALIDATION_KEY = /^(?:[a-zA-Z]+\.)?validation\.[a-zA-Z_]+$/;

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translateIssues(error: z.ZodError, t: Translate): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_form";
    if (fieldErrors[field]) continue;
    const key = VALIDATION_KEY.test(issue.message) ? issue.message : `validation.${issue.code}`;
    const params: Record<string, string | number> = {};
    if ("minimum" in issue) params.min = Number(issue.minimum);
    if ("maximum" in issue) params.max = Number(issue.maximum);
    if (issue.code === "custom" && issue.params) {
      for (const [name, value] of Object.entries(issue.params)) if (typeof value === "number" || typeof value === "string") params[name] = value;
    }
    fieldErrors[field] = t(key, params);
  }
  return fieldErrors;
}
