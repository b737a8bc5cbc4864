// Amounts are typed in yuan ("1200", "99.5") and kept in minor units; never via floats. One schema
// for the approval thresholds and the list filters.
import { z } from "zod";

/** A non-negative yuan amount with at most two decimals → minor units. */
export const yuanAmount = z
  .string()
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, { error: "validation.yuan" })
  .transform((text) => {
    const [whole, fraction = ""] = text.split(".");
    return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"));
  });

/** The same in a URL filter: minor units as text, or nothing when absent or not an amount. */
export const yuanFilter = yuanAmount.transform(String).optional().catch(undefined);
