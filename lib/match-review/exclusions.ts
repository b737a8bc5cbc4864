// Marking rows as not for reconciliation (不参与对账) and restoring them. A person says why (rent,
// salary, tax, a transfer between own accounts, an order closed without money, or other with a
// note); the mark and its audit row commit together, both ways. Refused in a LOCKED month, and for
// a row a proposal or a match already holds (reject or unmatch it first): a marked row must be
// wholly outside reconciliation, never half matched. What a mark means to readers is
// lib/ledger/excluded-rows.ts.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { MatchSide } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { monthOf, orderBusinessDaySql } from "@/lib/ledger/business-day";
import type { ExclusionReason } from "@/lib/ledger/excluded-rows";
import { lockedMonths } from "./periods";
import { SIDE_TO_DB, rowKey, type RowRef } from "./row-ref";

export const MAX_EXCLUDE_ROWS = 5000;

export type ExcludeInput = { rows: RowRef[]; reason: ExclusionReason; note?: string };

type LockedRow = { side: MatchSide; id: bigint; day: string | null; ref: string | null };

function uniqueRefs(rows: readonly RowRef[]): RowRef[] {
  const seen = new Map<string, RowRef>();
  for (const row of rows) seen.set(rowKey(row.side, row.id), row);
  if (seen.size === 0 || seen.size > MAX_EXCLUDE_ROWS) throw new AppError("INVALID", { messageKey: "exclusionRowCount", params: { max: MAX_EXCLUDE_ROWS } });
  return [...seen.values()];
}

/**
 * The rows, locked FOR UPDATE (a person matching one of them meanwhile waits, then sees the mark),
 * with their business day and what a person recognises them by. Any id the organization does not
 * have — another company's included — is NOT_FOUND.
 */
async function lockRows(tx: Tx, orgId: string, refs: readonly RowRef[]): Promise<LockedRow[]> {
  const ids = (side: RowRef["side"]) => refs.filter((ref) => ref.side === side).map((ref) => BigInt(ref.id));
  const found: LockedRow[] = [];
  const orders = ids("order");
  if (orders.length > 0)
    found.push(
      ...(await tx.$queryRawUnsafe<LockedRow[]>(
        `SELECT 'ORDER' AS side, id, to_char(${orderBusinessDaySql('"Order"')}, 'YYYY-MM-DD') AS day, "orderNo" AS ref
           FROM "Order" WHERE "orgId" = $1::uuid AND id = ANY($2::bigint[]) FOR UPDATE`,
        orgId,
        orders,
      )),
    );
  const lines = ids("settlement");
  if (lines.length > 0)
    found.push(
      ...(await tx.$queryRawUnsafe<LockedRow[]>(
        `SELECT 'SETTLEMENT' AS side, id, to_char("occurredOn", 'YYYY-MM-DD') AS day, COALESCE("orderNo", "payoutId", reference, memo) AS ref
           FROM "SettlementLine" WHERE "orgId" = $1::uuid AND id = ANY($2::bigint[]) FOR UPDATE`,
        orgId,
        lines,
      )),
    );
  const bank = ids("bank");
  if (bank.length > 0)
    found.push(
      ...(await tx.$queryRawUnsafe<LockedRow[]>(
        `SELECT 'BANK' AS side, id, to_char("occurredOn", 'YYYY-MM-DD') AS day, COALESCE(reference, "merchantOrderNo", counterparty, memo) AS ref
           FROM "BankTransaction" WHERE "orgId" = $1::uuid AND id = ANY($2::bigint[]) FOR UPDATE`,
        orgId,
        bank,
      )),
    );
  if (found.length !== refs.length) throw new AppError("NOT_FOUND");
  return found;
}

const refOf = (row: LockedRow) => row.ref ?? `#${row.id}`;

async function refuseLockedMonths(tx: Tx, orgId: string, rows: readonly LockedRow[]): Promise<void> {
  const months = rows.flatMap((row) => (row.day ? [monthOf(row.day)] : []));
  const locked = await lockedMonths(tx, orgId, months);
  const first = rows.find((row) => row.day && locked.has(monthOf(row.day)));
  if (first) throw new AppError("LOCKED", { messageKey: "exclusionMonthLocked", params: { month: monthOf(first.day!), ref: refOf(first) } });
}

/** The described rows in the audit row: side, id and reference, so the log names them in words. */
const described = (rows: readonly LockedRow[]) => rows.map((row) => ({ side: row.side, id: row.id.toString(), ref: row.ref }));

export async function excludeRows(db: DbOrTx, ctx: OrgContext, input: ExcludeInput): Promise<{ marked: number; alreadyMarked: number }> {
  const note = input.note?.trim() || undefined;
  if (input.reason === "OTHER" && !note) throw new AppError("INVALID", { messageKey: "exclusionNoteRequired", field: "note" });
  const refs = uniqueRefs(input.rows);
  return atomically(db, async (tx) => {
    const rows = await lockRows(tx, ctx.orgId, refs);
    await refuseLockedMonths(tx, ctx.orgId, rows);
    const keyOf = (side: MatchSide, id: bigint) => `${side}:${id}`;
    const existing = await tx.excludedRow.findMany({
      where: { orgId: ctx.orgId, OR: rows.map((row) => ({ side: row.side, rowId: row.id })) },
      select: { side: true, rowId: true },
    });
    const already = new Set(existing.map((row) => keyOf(row.side, row.rowId)));
    const fresh = rows.filter((row) => !already.has(keyOf(row.side, row.id)));
    if (fresh.length === 0) return { marked: 0, alreadyMarked: rows.length };
    // A proposal or a booked match holds part of the row: marking it would leave half a match.
    const held = await tx.$queryRawUnsafe<{ side: MatchSide; rowId: bigint }[]>(
      `SELECT DISTINCT i.side, i."rowId" FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
         JOIN unnest($2::text[], $3::bigint[]) AS u(side, id) ON i.side = u.side::"MatchSide" AND i."rowId" = u.id
        WHERE i."orgId" = $1::uuid AND g.status IN ('PROPOSED', 'CONFIRMED', 'PENDING_APPROVAL')
        LIMIT 1`,
      ctx.orgId,
      fresh.map((row) => row.side),
      fresh.map((row) => row.id),
    );
    if (held.length > 0) {
      const row = fresh.find((candidate) => candidate.side === held[0]!.side && candidate.id === held[0]!.rowId)!;
      throw new AppError("CONFLICT", { messageKey: "exclusionRowMatched", params: { ref: refOf(row) } });
    }
    await tx.excludedRow.createMany({ data: fresh.map((row) => ({ orgId: ctx.orgId, side: row.side, rowId: row.id, reason: input.reason, note, createdById: ctx.userId })) });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "row.exclude",
      entityType: "ExcludedRow",
      entityId: fresh.length === 1 ? keyOf(fresh[0]!.side, fresh[0]!.id) : undefined,
      after: { rows: described(fresh), reason: input.reason, note },
    });
    return { marked: fresh.length, alreadyMarked: rows.length - fresh.length };
  });
}

/** Accepted suggestions, each row with its own reason: all marked together, or none. */
export async function acceptExclusionSuggestions(db: DbOrTx, ctx: OrgContext, rows: (RowRef & { reason: ExclusionReason })[]): Promise<{ marked: number }> {
  return atomically(db, async (tx) => {
    let marked = 0;
    for (const reason of new Set(rows.map((row) => row.reason))) {
      marked += (await excludeRows(tx, ctx, { rows: rows.filter((row) => row.reason === reason).map(({ side, id }) => ({ side, id })), reason })).marked;
    }
    return { marked };
  });
}

/** Takes the mark off: the rows are open again (and the next run may propose them). */
export async function restoreRows(db: DbOrTx, ctx: OrgContext, input: RowRef[]): Promise<number> {
  const refs = uniqueRefs(input);
  return atomically(db, async (tx) => {
    const rows = await lockRows(tx, ctx.orgId, refs);
    const marks = await tx.excludedRow.findMany({ where: { orgId: ctx.orgId, OR: rows.map((row) => ({ side: row.side, rowId: row.id })) } });
    // A row of the company that is not marked is as unknown here as another company's.
    if (marks.length !== rows.length) throw new AppError("NOT_FOUND");
    await refuseLockedMonths(tx, ctx.orgId, rows);
    await tx.excludedRow.deleteMany({ where: { orgId: ctx.orgId, OR: rows.map((row) => ({ side: row.side, rowId: row.id })) } });
    const reasonOf = new Map(marks.map((mark) => [`${mark.side}:${mark.rowId}`, { reason: mark.reason, note: mark.note }]));
    await writeAuditLog(tx, actorOf(ctx), {
      action: "row.restore",
      entityType: "ExcludedRow",
      entityId: rows.length === 1 ? `${rows[0]!.side}:${rows[0]!.id}` : undefined,
      before: { rows: rows.map((row) => ({ ...described([row])[0], ...reasonOf.get(`${row.side}:${row.id}`) })) },
    });
    return rows.length;
  });
}

/** Refuses a manual match over a marked row (it left reconciliation; restore it first). */
export async function assertNotExcluded(tx: Tx, orgId: string, rows: readonly (RowRef & { ref: string | null })[]): Promise<void> {
  if (rows.length === 0) return;
  const marked = await tx.excludedRow.findFirst({ where: { orgId, OR: rows.map((row) => ({ side: SIDE_TO_DB[row.side], rowId: BigInt(row.id) })) }, select: { side: true, rowId: true } });
  if (!marked) return;
  const row = rows.find((candidate) => SIDE_TO_DB[candidate.side] === marked.side && candidate.id === marked.rowId.toString());
  throw new AppError("CONFLICT", { messageKey: "matchRowExcluded", params: { ref: row?.ref ?? `#${marked.rowId}` } });
}
