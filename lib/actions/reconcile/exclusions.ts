"use server";
// Doors for marking rows not for reconciliation and restoring them, and for the month's close
// checklist. Whoever may match by hand may mark (workspace.match); the lib functions check the rows
// belong to the company, their month is open and nothing holds them.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { db } from "@/lib/db/client";
import { EXCLUSION_REASONS } from "@/lib/ledger/excluded-rows";
import { monthChecklist } from "@/lib/match-review/close-checklist";
import { acceptExclusionSuggestions, excludeRows, MAX_EXCLUDE_ROWS, restoreRows } from "@/lib/match-review/exclusions";
import { MONTH_PATTERN } from "@/lib/match-review/periods";
import { rowRefSchema } from "@/lib/match-review/row-ref";

const rowsPayload = z.string().transform((text, context) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    context.addIssue({ code: "custom", message: "invalid" });
    return z.NEVER;
  }
});
const rows = rowsPayload.pipe(z.array(rowRefSchema).min(1).max(MAX_EXCLUDE_ROWS));
/** Accepted suggestions: each row with its own reason. */
const suggested = rowsPayload.pipe(z.array(rowRefSchema.extend({ reason: z.enum(EXCLUSION_REASONS) })).min(1).max(MAX_EXCLUDE_ROWS));

function refresh() {
  revalidatePath("/reconcile", "layout");
}

export const excludeRowsAction = orgAction(
  "workspace.match",
  z.object({ payload: rows, reason: z.enum(EXCLUSION_REASONS), note: z.string().trim().max(500).optional() }),
  async (ctx, input) => {
    const result = await excludeRows(db, ctx, { rows: input.payload, reason: input.reason, note: input.note });
    refresh();
    return result;
  },
);

export const acceptExclusionSuggestionsAction = orgAction("workspace.match", z.object({ payload: suggested }), async (ctx, input) => {
  const result = await acceptExclusionSuggestions(db, ctx, input.payload);
  refresh();
  return result;
});

export const restoreRowsAction = orgAction("workspace.match", z.object({ payload: rows }), async (ctx, input) => {
  const restored = await restoreRows(db, ctx, input.payload);
  refresh();
  return { restored };
});

/** Read-only: what is open in a month, for the dialog before submitting or locking it. */
export const monthChecklistAction = orgAction("org.read", z.object({ month: z.string().regex(MONTH_PATTERN) }), async (ctx, input) => {
  const checklist = await monthChecklist(db, ctx.orgId, input.month);
  // The dialog shows counts and sums; the rows themselves are for the report.
  return { ...checklist, items: [], groups: checklist.groups.map((group) => ({ ...group, remainingMinor: group.remainingMinor.toString() })) };
});
