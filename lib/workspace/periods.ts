// Month close (对账期间): an ACCOUNTANT submits a month, a REVIEWER other than the submitter locks
// it, an OWNER may reopen it with a reason. A group belongs to the month of its latest row (the day
// the hop completed): a January order paid in February is matched in February, and January can
// close without waiting for it. A LOCKED month refuses every booking, reversal and undo in it.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import type { PeriodStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { orderDaySql } from "./order-day-sql";

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The month a group of rows belongs to: that of its latest dated row (undefined if none is dated). */
export function groupMonth(days: readonly (string | null)[]): string | undefined {
  let latest: string | undefined;
  for (const day of days) if (day && (!latest || day > latest)) latest = day;
  return latest && monthOf(latest);
}

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
export async function countPendingApprovals(tx: Tx, orgId: string, month: string): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*)::bigint AS count FROM "MatchGroup" g
      WHERE g."orgId" = $1::uuid AND g.status = 'PENDING_APPROVAL'
        AND to_char((SELECT max(d.day) FROM (
              SELECT ${orderDaySql("o")}::date AS day FROM "MatchItem" i JOIN "Order" o ON o.id = i."rowId" AND o."orgId" = i."orgId" WHERE i."orgId" = g."orgId" AND i."groupId" = g.id AND i.side = 'ORDER'
              UNION ALL SELECT s."occurredOn" FROM "MatchItem" i JOIN "SettlementLine" s ON s.id = i."rowId" AND s."orgId" = i."orgId" WHERE i."orgId" = g."orgId" AND i."groupId" = g.id AND i.side = 'SETTLEMENT'
              UNION ALL SELECT b."occurredOn" FROM "MatchItem" i JOIN "BankTransaction" b ON b.id = i."rowId" AND b."orgId" = i."orgId" WHERE i."orgId" = g."orgId" AND i."groupId" = g.id AND i.side = 'BANK'
            ) d), 'YYYY-MM') = $2`,
    orgId,
    month,
  );
  return Number(row?.count ?? 0n);
}

export async function submitMonth(tx: Tx, ctx: OrgContext, month: string): Promise<void> {
  const status = await currentStatus(tx, ctx.orgId, month);
  if (status !== "OPEN") throw new AppError("CONFLICT", { messageKey: status === "LOCKED" ? "monthLocked" : "monthAlreadySubmitted", params: { month } });
  const pending = await countPendingApprovals(tx, ctx.orgId, month);
  if (pending > 0) throw new AppError("CONFLICT", { messageKey: "monthHasPendingApprovals", params: { month, count: pending } });
  const now = new Date();
  await tx.period.upsert({
    where: { orgId_month: { orgId: ctx.orgId, month } },
    create: { orgId: ctx.orgId, month, status: "SUBMITTED", submittedAt: now, submittedById: ctx.userId },
    update: { status: "SUBMITTED", submittedAt: now, submittedById: ctx.userId },
  });
  await writeAuditLog(tx, actorOf(ctx), { action: "period.submit", entityType: "Period", entityId: month, before: { status }, after: { status: "SUBMITTED" } });
}

/** A REVIEWER locks a submitted month; never the person who submitted it. */
export async function lockMonth(tx: Tx, ctx: OrgContext, month: string): Promise<void> {
  const status = await currentStatus(tx, ctx.orgId, month);
  if (status !== "SUBMITTED") throw new AppError("CONFLICT", { messageKey: "monthNotSubmitted", params: { month } });
  const period = await tx.period.findUniqueOrThrow({ where: { orgId_month: { orgId: ctx.orgId, month } } });
  if (period.submittedById === ctx.userId) throw new AppError("FORBIDDEN", { messageKey: "approveOwnSubmission" });
  const pending = await countPendingApprovals(tx, ctx.orgId, month);
  if (pending > 0) throw new AppError("CONFLICT", { messageKey: "monthHasPendingApprovals", params: { month, count: pending } });
  await tx.period.update({ where: { orgId_month: { orgId: ctx.orgId, month } }, data: { status: "LOCKED", lockedAt: new Date(), lockedById: ctx.userId } });
  await writeAuditLog(tx, actorOf(ctx), { action: "period.lock", entityType: "Period", entityId: month, before: { status }, after: { status: "LOCKED" } });
}

/** Sends a submitted month back to the accountant (a REVIEWER who does not agree yet). */
export async function returnMonth(tx: Tx, ctx: OrgContext, month: string): Promise<void> {
  const status = await currentStatus(tx, ctx.orgId, month);
  if (status !== "SUBMITTED") throw new AppError("CONFLICT", { messageKey: "monthNotSubmitted", params: { month } });
  await tx.period.update({ where: { orgId_month: { orgId: ctx.orgId, month } }, data: { status: "OPEN" } });
  await writeAuditLog(tx, actorOf(ctx), { action: "period.return", entityType: "Period", entityId: month, before: { status }, after: { status: "OPEN" } });
}

export async function reopenMonth(tx: Tx, ctx: OrgContext, month: string, reason: string): Promise<void> {
  const status = await currentStatus(tx, ctx.orgId, month);
  if (status !== "LOCKED") throw new AppError("CONFLICT", { messageKey: "monthNotLocked", params: { month } });
  await tx.period.update({
    where: { orgId_month: { orgId: ctx.orgId, month } },
    data: { status: "OPEN", reopenedAt: new Date(), reopenedById: ctx.userId, reopenReason: reason },
  });
  await writeAuditLog(tx, actorOf(ctx), { action: "period.reopen", entityType: "Period", entityId: month, before: { status }, after: { status: "OPEN", reason } });
}
