"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { jsonPayload } from "@/lib/actions/json-payload";
import { db } from "@/lib/db/client";
import { addFollowUpNote, changeFollowUps, followUpChangeSchema, followUpNoteSchema } from "@/lib/receivables/follow-ups";

/** Assign one or many orders, set their next action date or their follow-up state (JSON in `payload`). */
export const changeFollowUpsAction = orgAction("receivables.follow", z.object({ payload: jsonPayload(followUpChangeSchema) }), async (ctx, input) => {
  const result = await changeFollowUps(db, ctx, input.payload);
  revalidatePath("/receivables");
  return result;
});

/** A note on a contact with the platform or the buyer. */
export const addFollowUpNoteAction = orgAction("receivables.follow", followUpNoteSchema, async (ctx, input) => {
  const id = await addFollowUpNote(db, ctx, input);
  revalidatePath("/receivables");
  return { id };
});
