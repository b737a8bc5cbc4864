import { z } from "zod";

export const archiveSchema = z.object({
  id: z.string(),
  archived: z.enum(["true", "false"]).transform((value) => value === "true"),
});
