"use server";
// The 回款管理 settings page's doors: aging buckets and follow-up levels (OWNER and ADMIN).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { DEFAULT_LEVELS } from "@/lib/receivables/receivable-settings";
import {
  adoptDefaultLevels,
  agingBucketsFormSchema,
  createFollowUpLevel,
  deleteFollowUpLevel,
  followUpLevelFormSchema,
  resetAgingBuckets,
  saveAgingBuckets,
  updateFollowUpLevel,
  type DefaultLevelWords,
} from "@/lib/receivables/receivable-settings-service";

/** Buckets and levels are applied when 回款管理 reads its orders: both pages show the change at once. */
function revalidateReceivables() {
  revalidatePath("/settings/receivables");
  revalidatePath("/receivables", "layout");
}

export const saveAgingBucketsAction = orgAction("receivables.settings", agingBucketsFormSchema, async (ctx, input) => {
  const saved = await saveAgingBuckets(db, ctx, input);
  revalidateReceivables();
  return saved;
});

export const resetAgingBucketsAction = orgAction("receivables.settings", z.object({}), async (ctx) => {
  const saved = await resetAgingBuckets(db, ctx);
  revalidateReceivables();
  return saved;
});

export const createFollowUpLevelAction = orgAction("receivables.settings", followUpLevelFormSchema, async (ctx, input) => {
  const level = await createFollowUpLevel(db, ctx, input);
  revalidateReceivables();
  return { id: level.id };
});

export const updateFollowUpLevelAction = orgAction("receivables.settings", followUpLevelFormSchema.extend({ id: z.string() }), async (ctx, { id, ...input }) => {
  const level = await updateFollowUpLevel(db, ctx, id, input);
  revalidateReceivables();
  return { id: level.id };
});

export const deleteFollowUpLevelAction = orgAction("receivables.settings", z.object({ id: z.string() }), async (ctx, { id }) => {
  await deleteFollowUpLevel(db, ctx, id);
  revalidateReceivables();
  return { deleted: id };
});

/** The default levels, in the asker's words, become the company's own rows to edit. */
export const adoptDefaultLevelsAction = orgAction("receivables.settings", z.object({}), async (ctx) => {
  const t = await getTranslations("receivables.levels");
  const words = Object.fromEntries(DEFAULT_LEVELS.map(({ defaultKey }) => [defaultKey, { name: t(`${defaultKey}.name`), action: t(`${defaultKey}.action`) }])) as DefaultLevelWords;
  const levels = await adoptDefaultLevels(db, ctx, words);
  revalidateReceivables();
  return { created: levels.length };
});
