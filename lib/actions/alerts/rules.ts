"use server";
// The 预警规则 settings page's door: one rule on or off with its thresholds (OWNER and ADMIN).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { readRuleForm, updateAlertRule } from "@/lib/alerts/alert-rules-service";
import { db } from "@/lib/db/client";

/** The form's texts (type, enabled, one field per threshold) → the change; each unreadable field gets its message. */
const ruleFormSchema = z.record(z.string(), z.string()).transform((input, ctx) => {
  const read = readRuleForm(input);
  if (read.ok) return read.change;
  for (const [field, message] of Object.entries(read.problems)) ctx.addIssue({ code: "custom", path: [field], message });
  return z.NEVER;
});

export const updateAlertRuleAction = orgAction("alerts.rules", ruleFormSchema, async (ctx, change) => {
  const rule = await updateAlertRule(db, ctx, change);
  revalidatePath("/settings/alerts");
  return { type: rule.type, enabled: rule.enabled };
});
