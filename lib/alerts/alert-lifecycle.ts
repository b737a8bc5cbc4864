// What people do with an alert (风险预警): assign it (to a member, or take it oneself) → 处理中,
// resolve it with a note → 已解决, ignore it with a reason → 忽略, or reopen a closed one by hand →
// 处理中. Each change locks the alert's row, checks the move is allowed from where it stands, and
// commits with its audit row (entityType "Alert", its id), which the alert's history reads back.
// The computation (compute-alerts.ts) leaves a person's status alone; only a cause that comes back
// after it was resolved makes it NEW again.
import { z } from "zod";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import { can, type Role } from "@/lib/auth/roles";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/shared/uuid";
import type { AlertStatus, AlertType } from "./alert-types";

/** Who handles: a member, with the role that decides whether they may. */
export type AlertActor = { orgId: string; userId: string; userEmail: string | null; role: Role };

export const MAX_ALERT_NOTE = 1000;

const note = z.string().trim().max(MAX_ALERT_NOTE, { error: "alerts.validation.noteTooLong" });
const requiredNote = note.min(1, { error: "alerts.validation.noteRequired" });
const requiredReason = z.string().trim().min(1, { error: "alerts.validation.reasonRequired" }).max(MAX_ALERT_NOTE, { error: "alerts.validation.noteTooLong" });

export const assignAlertSchema = z.object({
  id: z.string().min(1),
  /** A member of the company; absent or empty: the one who asks (开始处理). */
  assigneeId: z.string().optional(),
  note: note.optional(),
});
export const resolveAlertSchema = z.object({ id: z.string().min(1), note: requiredNote });
export const ignoreAlertSchema = z.object({ id: z.string().min(1), reason: requiredReason });
export const reopenAlertSchema = z.object({ id: z.string().min(1), note: requiredNote });

export type AlertMove = "assign" | "resolve" | "ignore" | "reopen";

/** From where each move may start: open alerts are handled or closed, closed ones only reopened. */
const ALLOWED_FROM: Record<AlertMove, readonly AlertStatus[]> = {
  assign: ["NEW", "IN_PROGRESS"],
  resolve: ["NEW", "IN_PROGRESS"],
  ignore: ["NEW", "IN_PROGRESS"],
  reopen: ["RESOLVED", "IGNORED"],
};

export function canMove(move: AlertMove, from: AlertStatus): boolean {
  return ALLOWED_FROM[move].includes(from);
}

/** The message (under `errors.`) that says why a move is refused from a status. */
export function refusedMoveKey(move: AlertMove, from: AlertStatus): string {
  if (move === "reopen") return "alertNotClosed";
  return from === "RESOLVED" ? "alertAlreadyResolved" : "alertAlreadyIgnored";
}

type Locked = { id: string; type: AlertType; status: AlertStatus; assigneeId: string | null; note: string | null };

function assertMayHandle(actor: AlertActor): void {
  if (!can(actor.role, "alerts.handle")) throw new AppError("FORBIDDEN");
}

/** The company's alert, locked until the change commits; another company's (or no) alert is NOT_FOUND. */
async function lockAlert(tx: Tx, orgId: string, id: string): Promise<Locked> {
  if (!isUuid(id)) throw new AppError("NOT_FOUND");
  const [alert] = await tx.$queryRawUnsafe<Locked[]>(
    `SELECT id::text, type::text AS type, status::text AS status, "assigneeId"::text AS "assigneeId", note
       FROM "Alert" WHERE "orgId" = $1::uuid AND id = $2::uuid FOR UPDATE`,
    orgId,
    id,
  );
  if (!alert) throw new AppError("NOT_FOUND");
  return alert;
}

function checkMove(move: AlertMove, alert: Locked): void {
  if (!canMove(move, alert.status)) throw new AppError("CONFLICT", { messageKey: refusedMoveKey(move, alert.status) });
}

/** A member's display name; anyone not in the company is NOT_FOUND (never assigned across companies). */
async function memberName(tx: Tx, orgId: string, userId: string): Promise<string> {
  const member = isUuid(userId) ? await tx.membership.findFirst({ where: { orgId, userId }, select: { user: { select: { name: true, email: true } } } }) : null;
  if (!member) throw new AppError("NOT_FOUND", { messageKey: "alertAssigneeNotMember", field: "assigneeId" });
  return member.user.name || member.user.email;
}

function snapshot(alert: Locked) {
  return { type: alert.type, status: alert.status, assigneeId: alert.assigneeId, note: alert.note };
}

export type AlertChange = { id: string; status: AlertStatus };

/** 指派 / 开始处理: to a member (or oneself), with an optional note → 处理中. */
export async function assignAlert(db: DbOrTx, actor: AlertActor, input: z.output<typeof assignAlertSchema>): Promise<AlertChange> {
  assertMayHandle(actor);
  return atomically(db, async (tx) => {
    const alert = await lockAlert(tx, actor.orgId, input.id);
    checkMove("assign", alert);
    const assigneeId = input.assigneeId?.trim() || actor.userId;
    const assigneeName = await memberName(tx, actor.orgId, assigneeId);
    const text = input.note?.trim() || null;
    await tx.alert.update({
      where: { orgId_id: { orgId: actor.orgId, id: alert.id } },
      data: { status: "IN_PROGRESS", assigneeId, ...(text ? { note: text } : {}) },
    });
    await writeAuditLog(tx, actorOf(actor), {
      action: "alerts.assign",
      entityType: "Alert",
      entityId: alert.id,
      before: snapshot(alert),
      after: { type: alert.type, status: "IN_PROGRESS", assigneeId, assigneeName, self: assigneeId === actor.userId, note: text },
    });
    return { id: alert.id, status: "IN_PROGRESS" };
  });
}

/** 已解决, with a note saying what was done; who and when are kept. */
export async function resolveAlert(db: DbOrTx, actor: AlertActor, input: z.output<typeof resolveAlertSchema>): Promise<AlertChange> {
  return close(db, actor, "resolve", input.id, input.note);
}

/** 忽略, with the reason it needs no action. */
export async function ignoreAlert(db: DbOrTx, actor: AlertActor, input: z.output<typeof ignoreAlertSchema>): Promise<AlertChange> {
  return close(db, actor, "ignore", input.id, input.reason);
}

async function close(db: DbOrTx, actor: AlertActor, move: "resolve" | "ignore", id: string, why: string): Promise<AlertChange> {
  assertMayHandle(actor);
  const text = why.trim();
  if (!text) throw new AppError("INVALID", { messageKey: move === "resolve" ? "alertNoteRequired" : "alertReasonRequired", field: move === "resolve" ? "note" : "reason" });
  const status: AlertStatus = move === "resolve" ? "RESOLVED" : "IGNORED";
  return atomically(db, async (tx) => {
    const alert = await lockAlert(tx, actor.orgId, id);
    checkMove(move, alert);
    await tx.alert.update({ where: { orgId_id: { orgId: actor.orgId, id: alert.id } }, data: { status, note: text, closedById: actor.userId, closedAt: new Date() } });
    await writeAuditLog(tx, actorOf(actor), {
      action: `alerts.${move}`,
      entityType: "Alert",
      entityId: alert.id,
      before: snapshot(alert),
      after: { type: alert.type, status, ...(move === "resolve" ? { note: text } : { reason: text }) },
    });
    return { id: alert.id, status };
  });
}

/** A closed alert back to 处理中 by hand (note required); it stays with whoever had it, else the one who reopens. */
export async function reopenAlert(db: DbOrTx, actor: AlertActor, input: z.output<typeof reopenAlertSchema>): Promise<AlertChange> {
  assertMayHandle(actor);
  const text = input.note.trim();
  if (!text) throw new AppError("INVALID", { messageKey: "alertNoteRequired", field: "note" });
  return atomically(db, async (tx) => {
    const alert = await lockAlert(tx, actor.orgId, input.id);
    checkMove("reopen", alert);
    const assigneeId = alert.assigneeId ?? actor.userId;
    await tx.alert.update({ where: { orgId_id: { orgId: actor.orgId, id: alert.id } }, data: { status: "IN_PROGRESS", assigneeId, note: text, closedById: null, closedAt: null } });
    await writeAuditLog(tx, actorOf(actor), {
      action: "alerts.reopen",
      entityType: "Alert",
      entityId: alert.id,
      before: snapshot(alert),
      after: { type: alert.type, status: "IN_PROGRESS", assigneeId, note: text },
    });
    return { id: alert.id, status: "IN_PROGRESS" };
  });
}
