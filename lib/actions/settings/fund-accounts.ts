"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { archiveSchema } from "@/lib/actions/archive-schema";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { fundAccountInputSchema } from "@/lib/fund-accounts/fund-account-schema";
import {
  createFundAccount,
  setFundAccountArchived,
  updateFundAccount,
} from "@/lib/fund-accounts/fund-account-service";

export const createFundAccountAction = orgAction("accounts.manage", fundAccountInputSchema, async (ctx, input) => {
  await createFundAccount(db, ctx, input);
  revalidatePath("/", "layout");
  redirect("/settings/accounts");
});

export const updateFundAccountAction = orgAction(
  "accounts.manage",
  fundAccountInputSchema.extend({ id: z.string() }),
  async (ctx, { id, ...input }) => {
    await updateFundAccount(db, ctx, id, input);
    revalidatePath("/", "layout");
    redirect("/settings/accounts");
  },
);

export const setFundAccountArchivedAction = orgAction("accounts.manage", archiveSchema, async (ctx, { id, archived }) => {
  await setFundAccountArchived(db, ctx, id, archived);
  revalidatePath("/", "layout");
  return { archived };
});
