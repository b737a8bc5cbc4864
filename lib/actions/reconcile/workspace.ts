"use server";
// The workspace's doors: each checks the session, the role's permission and the input (zod), then
// calls one lib/match-review function, atomic by itself (lib/db/atomically.ts). Lists of ids and manual matches arrive as JSON
// in a `payload` field because a form cannot say "these rows, with these amounts".
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/actions/define-action";
import { jsonPayload } from "@/lib/actions/json-payload";
import { db } from "@/lib/db/client";
import { ADJUSTMENT_TYPES } from "@/lib/match-engine";
import { approvalThresholdsSchema, updateApprovalThresholds } from "@/lib/match-review/approval-thresholds";
import { approveMatches, declineMatches } from "@/lib/match-review/approvals";
import { confirmProposals, rejectProposals } from "@/lib/match-review/decide-proposals";
import { createManualMatch } from "@/lib/match-review/manual-match";
import { addNote } from "@/lib/match-review/notes";
import { lockMonth, reopenMonth, returnMonth, submitMonth } from "@/lib/match-review/periods";
import { reverseMatches } from "@/lib/match-review/reverse-match";
import { rowRefSchema } from "@/lib/match-review/row-ref";
import { suggestForRow, suggestRequestSchema } from "@/lib/match-review/suggest-for-row";
import { undoLastAction } from "@/lib/match-review/undo-last-action";
import { describeLastAction } from "@/lib/match-review/describe-last-action";


const groupIds = z.object({ payload: jsonPayload(z.array(z.uuid()).min(1).max(5000)) });
const reason = z.string().trim().min(1).max(500);
/** Minor units as digits; 15 at most, the form's own limit (lib/money YUAN_INPUT_LIMIT_MINOR). */
const minor = z.string().regex(/^-?\d{1,15}$/, { message: "validation.amountMinor" }).transform(BigInt);

function refresh() {
  revalidatePath("/reconcile", "layout");
}

export const confirmProposalsAction = orgAction("workspace.match", groupIds, async (ctx, input) => {
  const result = await confirmProposals(db, ctx, input.payload);
  refresh();
  return result;
});

export const rejectProposalsAction = orgAction("workspace.match", groupIds, async (ctx, input) => {
  const result = await rejectProposals(db, ctx, input.payload);
  refresh();
  return result;
});

const manualRow = rowRefSchema.extend({ amountMinor: z.string().regex(/^\d{1,15}$/, { message: "validation.amountMinor" }).transform(BigInt).optional() });
const manualMatchSchema = z.object({
  payload: jsonPayload(
    z.object({
      upstream: z.array(manualRow).min(1).max(500),
      downstream: z.array(manualRow).min(1).max(500),
      adjustments: z.array(z.object({ type: z.enum(ADJUSTMENT_TYPES), amountMinor: minor, note: z.string().trim().max(500).optional() })).max(20),
      note: z.string().trim().max(500).optional(),
    }),
  ),
});

export const manualMatchAction = orgAction("workspace.match", manualMatchSchema, async (ctx, input) => {
  const result = await createManualMatch(db, ctx, input.payload);
  refresh();
  return { groupId: result.groupId, status: result.status };
});

export const approveMatchesAction = orgAction("workspace.approve", groupIds, async (ctx, input) => {
  const count = await approveMatches(db, ctx, input.payload);
  refresh();
  return { count };
});

export const declineMatchesAction = orgAction("workspace.approve", groupIds.extend({ reason }), async (ctx, input) => {
  const count = await declineMatches(db, ctx, input.payload, input.reason);
  refresh();
  return { count };
});

export const reverseMatchesAction = orgAction("workspace.match", groupIds.extend({ reason }), async (ctx, input) => {
  const count = await reverseMatches(db, ctx, input.payload, input.reason);
  refresh();
  return { count };
});

/** What undo would take back, for the person to read and confirm first (nothing changes). */
export const previewUndoAction = orgAction("workspace.match", z.object({}), async (ctx) => {
  const last = await describeLastAction(db, ctx.orgId, ctx.userId);
  return last ? { ...last, at: last.at.toISOString(), amountMinor: last.amountMinor.toString() } : null;
});

/** Undoes exactly the action the person confirmed (`actionId` from previewUndoAction). */
export const undoAction = orgAction("workspace.match", z.object({ actionId: z.uuid().optional() }), async (ctx, input) => {
  const result = await undoLastAction(db, ctx, { expectedActionId: input.actionId });
  refresh();
  return result ? { undone: true, kind: result.kind, groups: result.groups, rows: result.rows, amountMinor: result.amountMinor.toString(), at: result.at.toISOString() } : { undone: false, kind: null };
});

export const addNoteAction = orgAction(
  "workspace.note",
  z.object({ target: z.enum(["ORDER", "SETTLEMENT", "BANK", "GROUP"]), targetId: z.string().min(1).max(40), body: z.string().trim().min(1).max(1000) }),
  async (ctx, input) => {
    await addNote(db, ctx, input);
    refresh();
    return { saved: true };
  },
);

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** "1" once the person saw the close checklist and chose to go on with items still open. */
const closeInput = z.object({ month, confirmOpenItems: z.literal("1").optional() });

export const submitMonthAction = orgAction("workspace.match", closeInput, async (ctx, input) => {
  await submitMonth(db, ctx, input.month, { confirmOpenItems: input.confirmOpenItems === "1" });
  refresh();
  return { month: input.month };
});

export const lockMonthAction = orgAction("workspace.approve", closeInput, async (ctx, input) => {
  await lockMonth(db, ctx, input.month, { confirmOpenItems: input.confirmOpenItems === "1" });
  refresh();
  return { month: input.month };
});

export const returnMonthAction = orgAction("workspace.approve", z.object({ month }), async (ctx, input) => {
  await returnMonth(db, ctx, input.month);
  refresh();
  return { month: input.month };
});

export const reopenMonthAction = orgAction("period.reopen", z.object({ month, reason }), async (ctx, input) => {
  await reopenMonth(db, ctx, input.month, input.reason);
  refresh();
  return { month: input.month };
});

/** Ranked candidates for one row (read-only: anyone who can read the workspace may ask). */
export const suggestAction = orgAction("org.read", suggestRequestSchema, (ctx, input) => suggestForRow(db, ctx.orgId, input));

export const updateThresholdsAction = orgAction("reconcile.rules", approvalThresholdsSchema, async (ctx, input) => {
  await updateApprovalThresholds(db, ctx, input);
  refresh();
  return { saved: true };
});
