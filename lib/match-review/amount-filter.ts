// Amounts are typed in yuan ("1200", "99.5") and kept in minor units; never via floats. One schema
// for the approval thresholds and the list filters.
import { z } from "zod";
import { parseYuanInput } from "@/lib/money";

/** A non-negative yuan amount with at most two decimals → minor units (read by lib/money). */
export const yuanAmount = z.string().transform((text, context) => {
  const minor = parseYuanInput(text);
  if (minor === undefined) {
    context.addIssue({ code: "custom", message: "validation.yuan" });
    return z.NEVER;
  }
  return minor;
});

/** The same in a URL filter: minor units as text, or nothing when absent or not an amount. */
export const yuanFilter = yuanAmount.transform(String).optional().catch(undefined);
