"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { rulesFormSchema } from "@/lib/match-rules/rules-form";
import { restoreDefaultRules, saveRules } from "@/lib/match-rules/rules-service";

export const saveRulesAction = orgAction("reconcile.rules", rulesFormSchema, async (ctx, { expectedVersion, patch }) => {
  const result = await saveRules(db, ctx, patch, expectedVersion);
  revalidatePath("/settings/matching-rules");
  return result;
});

export const restoreDefaultRulesAction = orgAction(
  "reconcile.rules",
  z.object({ version: z.coerce.number().int().min(0) }),
  async (ctx, { version }) => {
    const result = await restoreDefaultRules(db, ctx, version);
    revalidatePath("/settings/matching-rules");
    return result;
  },
);
