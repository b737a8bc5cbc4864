// Remarks on a row or a group ("客户说下周付款"). Kept as written; the target must be the org's own.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import type { NoteTarget } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

async function targetExists(tx: Tx, orgId: string, target: NoteTarget, targetId: string): Promise<boolean> {
  if (target === "GROUP") return (await tx.matchGroup.count({ where: { orgId, id: targetId } })) > 0;
  if (!/^\d{1,19}$/.test(targetId)) return false;
  const id = BigInt(targetId);
  if (target === "ORDER") return (await tx.order.count({ where: { orgId, id } })) > 0;
  if (target === "SETTLEMENT") return (await tx.settlementLine.count({ where: { orgId, id } })) > 0;
  return (await tx.bankTransaction.count({ where: { orgId, id } })) > 0;
}

export async function addNote(tx: Tx, ctx: OrgContext, input: { target: NoteTarget; targetId: string; body: string }): Promise<string> {
  if (!(await targetExists(tx, ctx.orgId, input.target, input.targetId))) throw new AppError("NOT_FOUND");
  const note = await tx.note.create({ data: { orgId: ctx.orgId, target: input.target, targetId: input.targetId, body: input.body, createdById: ctx.userId } });
  await writeAuditLog(tx, actorOf(ctx), { action: "note.create", entityType: "Note", entityId: note.id, after: input });
  return note.id;
}

export async function listNotes(tx: Tx, orgId: string, target: NoteTarget, targetIds: readonly string[]) {
  if (targetIds.length === 0) return [];
  return tx.note.findMany({ where: { orgId, target, targetId: { in: [...targetIds] } }, orderBy: { createdAt: "asc" } });
}
