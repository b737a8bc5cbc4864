// Amount filters are typed in yuan ("1200", "99.5") and compared in minor units; never via floats.
import { z } from "zod";

export const yuanFilter = z
  .string()
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/)
  .transform((text) => {
    const [whole, fraction = ""] = text.split(".");
    return (BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"))).toString();
  })
  .optional()
  .catch(undefined);
