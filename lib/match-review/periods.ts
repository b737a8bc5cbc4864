// Month close (对账期间): an ACCOUNTANT submits a month, a REVIEWER other than the submitter locks
// it, an OWNER may reopen it with a reason. Both closing steps show what is still open first
// (close-checklist.ts), refuse to go on over it without the person's confirmation, and keep it.
// Which month a row or a group belongs to is written in lib/ledger/business-day.ts. A LOCKED month refuses every booking, reversal and undo in it.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { PeriodStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { countGroupsOfMonth, hasOpenItems, monthChecklist } from "./close-checklist";
import { closeSnapshotJson } from "./close-snapshot-facts";

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Throws LOCKED naming the month when `month` is locked. */
export async function assertMonthOpen(tx: Tx, orgId: string, month: string | undefined): Promise<void> {
  if (!month) return;
  const period = await tx.period.findUnique({ where: { orgId_month: { orgId, month } }, select: { status: true } });
  if (period?.status === "LOCKED") throw new AppError("LOCKED", { messageKey: "monthLocked", params: { month } });
}

/** The locked months among `months`. */
export async function lockedMonths(tx: Tx, orgId: string, months: readonly string[]): Promise<Set<string>> {
  if (months.length === 0) return new Set();
  const rows = await tx.period.findMany({ where: { orgId, month: { in: [...new Set(months)] }, status: "LOCKED" }, select: { month: true } });
  return new Set(rows.map((row) => row.month));
}

async function currentStatus(tx: Tx, orgId: string, month: string): Promise<PeriodStatus> {
  if (!MONTH_PATTERN.test(month)) throw new AppError("INVALID", { messageKey: "monthInvalid" });
  const period = await tx.period.findUnique({ where: { orgId_month: { orgId, month } }, select: { status: true } });
  return period?.status ?? "OPEN";
}

/** Manual matches of the month still waiting for a reviewer: a month cannot close over them. */
export function countPendingApprovals(tx: Tx, orgId: string, month: string): Promise<number> {
  return countGroupsOfMonth(tx, orgId, month, "PENDING_APPROVAL");
}

export type CloseOptions = {
  /** The person saw the checklist and goes on with items still open (未达账项 stay in the report). */
  confirmOpenItems?: boolean;
};

/**
 * The close checklist, checked and kept: refuses over pending approvals, and over any other open
 * item unless the person confirmed going on; then stores what was open as the report's snapshot.
 */
async function checkAndKeepOpenItems(tx: Tx, ctx: OrgContext, month: string, step: "SUBMIT" | "LOCK", options: CloseOptions) {
  const checklist = await monthChecklist(tx, ctx.orgId, month);
  if (checklist.pendingApprovals > 0) throw new AppError("CONFLICT", { messageKey: "monthHasPendingApprovals", params: { month, count: checklist.pendingApprovals } });
  const open = hasOpenItems(checklist);
  if (open && !options.confirmOpenItems) {
    throw new AppError("CONFLICT", { messageKey: "monthHasOpenItems", params: { month, rows: checklist.openRows, proposals: checklist.openProposals } });
  }
  await tx.periodCloseSnapshot.create({ data: { orgId: ctx.orgId, month, step, takenById: ctx.userId, confirmedOpenItems: open, facts: closeSnapshotJson(checklist) } });
  return { openRows: checklist.openRows, openProposals: checklist.openProposals, excludedRows: checklist.excludedRows, confirmedOpenItems: open };
}

export async function submitMonth(db: DbOrTx, ctx: OrgContext, month: string, options: CloseOptions = {}): Promise<void> {
  return atomically(db, async (tx) => {
    const status = await currentStatus(tx, ctx.orgId, month);
    if (status !== "OPEN") throw new AppError("CONFLICT", { messageKey: status === "LOCKED" ? "monthLocked" : "monthAlreadySubmitted", params: { month } });
    const kept = await checkAndKeepOpenItems(tx, ctx, month, "SUBMIT", options);
    const now = new Date();
    await tx.period.upsert({
      where: { orgId_month: { orgId: ctx.orgId, month } },
      create: { orgId: ctx.orgId, month, status: "SUBMITTED", submittedAt: now, submittedById: ctx.userId },
      update: { status: "SUBMITTED", submittedAt: now, submittedById: ctx.userId },
    });
    await writeAuditLog(tx, actorOf(ctx), { action: "period.submit", entityType: "Period", entityId: month, before: { status }, after: { status: "SUBMITTED", ...kept } });
  });
}

/** A REVIEWER locks a submitted month; never the person who submitted it. */
export async function lockMonth(db: DbOrTx, ctx: OrgContext, month: string, options: CloseOptions = {}): Promise<void> {
  return atomically(db, async (tx) => {
    const status = await currentStatus(tx, ctx.orgId, month);
    if (status !== "SUBMITTED") throw new AppError("CONFLICT", { messageKey: "monthNotSubmitted", params: { month } });
    const period = await tx.period.findUniqueOrThrow({ where: { orgId_month: { orgId: ctx.orgId, month } } });
    if (period.submittedById === ctx.userId) throw new AppError("FORBIDDEN", { messageKey: "approveOwnSubmission" });
    const kept = await checkAndKeepOpenItems(tx, ctx, month, "LOCK", options);
    await tx.period.update({ where: { orgId_month: { orgId: ctx.orgId, month } }, data: { status: "LOCKED", lockedAt: new Date(), lockedById: ctx.userId } });
    await writeAuditLog(tx, actorOf(ctx), { action: "period.lock", entityType: "Period", entityId: month, before: { status }, after: { status: "LOCKED", ...kept } });
  });
}

/** Sends a submitted month back to the accountant (a REVIEWER who does not agree yet). */
export async function returnMonth(db: DbOrTx, ctx: OrgContext, month: string): Promise<void> {
  return atomically(db, async (tx) => {
    const status = await currentStatus(tx, ctx.orgId, month);
    if (status !== "SUBMITTED") throw new AppError("CONFLICT", { messageKey: "monthNotSubmitted", params: { month } });
    await tx.period.update({ where: { orgId_month: { orgId: ctx.orgId, month } }, data: { status: "OPEN" } });
    await writeAuditLog(tx, actorOf(ctx), { action: "period.return", entityType: "Period", entityId: month, before: { status }, after: { status: "OPEN" } });
  });
}

export async function reopenMonth(db: DbOrTx, ctx: OrgContext, month: string, reason: string): Promise<void> {
  return atomically(db, async (tx) => {
    const status = await currentStatus(tx, ctx.orgId, month);
    if (status !== "LOCKED") throw new AppError("CONFLICT", { messageKey: "monthNotLocked", params: { month } });
    await tx.period.update({
      where: { orgId_month: { orgId: ctx.orgId, month } },
      data: { status: "OPEN", reopenedAt: new Date(), reopenedById: ctx.userId, reopenReason: reason },
    });
    await writeAuditLog(tx, actorOf(ctx), { action: "period.reopen", entityType: "Period", entityId: month, before: { status }, after: { status: "OPEN", reason } });
  });
}
