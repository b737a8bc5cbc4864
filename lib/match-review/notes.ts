// Remarks on a row or a group ("客户说下周付款"). Kept as written; the target must be the org's own.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { NoteTarget } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { peopleNames } from "./workspace-summary";

async function targetExists(tx: Tx, orgId: string, target: NoteTarget, targetId: string): Promise<boolean> {
  if (target === "GROUP") return (await tx.matchGroup.count({ where: { orgId, id: targetId } })) > 0;
  if (!/^\d{1,19}$/.test(targetId)) return false;
  const id = BigInt(targetId);
  if (target === "ORDER") return (await tx.order.count({ where: { orgId, id } })) > 0;
  if (target === "SETTLEMENT") return (await tx.settlementLine.count({ where: { orgId, id } })) > 0;
  return (await tx.bankTransaction.count({ where: { orgId, id } })) > 0;
}

export async function addNote(db: DbOrTx, ctx: OrgContext, input: { target: NoteTarget; targetId: string; body: string }): Promise<string> {
  return atomically(db, async (tx) => {
    if (!(await targetExists(tx, ctx.orgId, input.target, input.targetId))) throw new AppError("NOT_FOUND");
    const note = await tx.note.create({ data: { orgId: ctx.orgId, target: input.target, targetId: input.targetId, body: input.body, createdById: ctx.userId } });
    await writeAuditLog(tx, actorOf(ctx), { action: "note.create", entityType: "Note", entityId: note.id, after: input });
    return note.id;
  });
}

export async function listNotes(tx: Tx, orgId: string, target: NoteTarget, targetIds: readonly string[]) {
  if (targetIds.length === 0) return [];
  return tx.note.findMany({ where: { orgId, target, targetId: { in: [...targetIds] } }, orderBy: { createdAt: "asc" } });
}

const TARGET_OF_SIDE = { order: "ORDER", settlement: "SETTLEMENT", bank: "BANK" } as const;

/** Notes on the rows of a page, as "side:id" → lines of "who: text", oldest first. */
export async function rowNotes(tx: Tx, orgId: string, rows: readonly { side: "order" | "settlement" | "bank"; id: string }[]): Promise<Record<string, string[]>> {
  if (rows.length === 0) return {};
  const notes = await tx.note.findMany({
    where: { orgId, OR: (["order", "settlement", "bank"] as const).map((side) => ({ target: TARGET_OF_SIDE[side], targetId: { in: rows.filter((row) => row.side === side).map((row) => row.id) } })) },
    orderBy: { createdAt: "asc" },
  });
  const names = await peopleNames(tx, notes.map((note) => note.createdById));
  const byRow: Record<string, string[]> = {};
  for (const note of notes) {
    const side = note.target === "ORDER" ? "order" : note.target === "SETTLEMENT" ? "settlement" : "bank";
    (byRow[`${side}:${note.targetId}`] ??= []).push(`${note.createdById ? (names[note.createdById] ?? "") : ""}：${note.body}`);
  }
  return byRow;
}
