"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { archiveSchema } from "@/lib/actions/archive-schema";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { storeInputSchema } from "@/lib/stores/store-schema";
import { createStore, setStoreArchived, updateStore } from "@/lib/stores/store-service";

export const createStoreAction = orgAction("stores.manage", storeInputSchema, async (ctx, input) => {
  await createStore(db, ctx, input);
  revalidatePath("/", "layout");
  redirect("/settings/stores");
});

export const updateStoreAction = orgAction(
  "stores.manage",
  storeInputSchema.extend({ id: z.string() }),
  async (ctx, { id, ...input }) => {
    await updateStore(db, ctx, id, input);
    revalidatePath("/", "layout");
    redirect("/settings/stores");
  },
);

export const setStoreArchivedAction = orgAction("stores.manage", archiveSchema, async (ctx, { id, archived }) => {
  await setStoreArchived(db, ctx, id, archived);
  revalidatePath("/", "layout");
  return { archived };
});
