"use server";
// The 风险预警 doors: assign (or start), resolve with a note, ignore with a reason, reopen with a
// note. Members who handle alerts (`alerts.handle`); the lib functions check it again and keep each
// change with its audit row.
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { assignAlert, assignAlertSchema, ignoreAlert, ignoreAlertSchema, reopenAlert, reopenAlertSchema, resolveAlert, resolveAlertSchema } from "@/lib/alerts/alert-lifecycle";

/** The list, its badge in the nav and the home page's count all read the alerts' statuses. */
function revalidateAlerts() {
  revalidatePath("/analysis/alerts");
  revalidatePath("/", "layout");
}

export const assignAlertAction = orgAction("alerts.handle", assignAlertSchema, async (ctx, input) => {
  const changed = await assignAlert(db, ctx, input);
  revalidateAlerts();
  return changed;
});

export const resolveAlertAction = orgAction("alerts.handle", resolveAlertSchema, async (ctx, input) => {
  const changed = await resolveAlert(db, ctx, input);
  revalidateAlerts();
  return changed;
});

export const ignoreAlertAction = orgAction("alerts.handle", ignoreAlertSchema, async (ctx, input) => {
  const changed = await ignoreAlert(db, ctx, input);
  revalidateAlerts();
  return changed;
});

export const reopenAlertAction = orgAction("alerts.handle", reopenAlertSchema, async (ctx, input) => {
  const changed = await reopenAlert(db, ctx, input);
  revalidateAlerts();
  return changed;
});
