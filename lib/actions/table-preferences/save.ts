"use server";
// Remembers how a person laid out a list. Any member may arrange their own view (VIEWER too); the
// row is keyed by the session's organization and person, never by anything the browser sends.
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { saveTablePreference, tablePreferenceSchema } from "@/lib/table-preferences/table-preferences";

const input = z.object({
  payload: z
    .string()
    .max(4000)
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "invalid" });
        return z.NEVER;
      }
    })
    .pipe(tablePreferenceSchema),
});

export const saveTablePreferenceAction = orgAction("org.read", input, async (ctx, { payload }) => {
  await saveTablePreference(db, ctx.orgId, ctx.userId, payload);
  return null;
});
