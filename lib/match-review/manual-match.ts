// A person's match: rows whose money leaves (upstream) ↔ rows where it arrives (downstream), each
// with the part it uses (split a receipt across orders, record a partial payment), and the difference
// explained by typed adjustments with a note. Sides, signs and link follow the engine exactly
// (lib/match-engine/row-role.ts), so the next run sees it as any confirmed group.
import type { OrgContext } from "@/lib/auth/load-org-context";
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import type { Tx } from "@/lib/db/client";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import { getApprovalThresholds, needsApproval } from "./approval-thresholds";
import type { AdjustmentType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { groupMonth } from "@/lib/ledger/business-day";
import { rowRemaining } from "@/lib/ledger/row-remaining";
import { minorToDecimalString, withinYuanInputLimit } from "@/lib/money";
import { linkBetween, signedItemAmount, slotOfRole, type Slot } from "@/lib/match-engine";
import { getOrgRules } from "@/lib/match-rules/rules-store";
import { loadAllocations } from "./allocations";
import { bookGroup, dropConflictingProposals, type BookedItem } from "./book-group";
import { assertNotExcluded } from "./exclusions";
import { assertMonthOpen } from "./periods";
import { loadRowFacts, type RowFacts } from "./row-facts";
import { rowKey, slotKey, type RowRef } from "./row-ref";
import { recordAction } from "./workspace-action";

export type ManualMatchRow = RowRef & { /** The part used, as a positive magnitude; all that is left when absent. */ amountMinor?: bigint };

export type ManualMatchInput = {
  upstream: readonly ManualMatchRow[];
  downstream: readonly ManualMatchRow[];
  /** Signed as lib/match-engine README "Signs": + kept back on the way (fee, refund), − added. */
  adjustments: readonly { type: AdjustmentType; amountMinor: bigint; note?: string }[];
  note?: string;
};

export type ManualMatchResult = { groupId: string; status: "CONFIRMED" | "PENDING_APPROVAL"; droppedProposals: number };

function invalid(messageKey: string, params: Record<string, string | number> = {}): AppError {
  return new AppError("INVALID", { messageKey, params });
}

/** Checks the rows and the amounts and works out the items, without writing anything. */
export async function planManualMatch(tx: Tx, orgId: string, input: ManualMatchInput): Promise<{ items: BookedItem[]; facts: RowFacts[]; link: NonNullable<ReturnType<typeof linkBetween>> }> {
  if (input.upstream.length === 0 || input.downstream.length === 0) throw invalid("matchNeedsBothEnds");
  const all = [...input.upstream, ...input.downstream];
  if (new Set(all.map((row) => rowKey(row.side, row.id))).size !== all.length) throw invalid("matchRowTwice");

  const rules = await getOrgRules(tx, orgId);
  const facts = await loadRowFacts(tx, orgId, all, rules, { lock: true });
  const factOf = (row: RowRef) => {
    const found = facts.get(rowKey(row.side, row.id));
    if (!found) throw new AppError("NOT_FOUND");
    return found;
  };
  const upFacts = input.upstream.map(factOf);
  const downFacts = input.downstream.map(factOf);
  await assertNotExcluded(tx, orgId, [...upFacts, ...downFacts]);
  const link = linkBetween(new Set(upFacts.map((row) => row.role)), new Set(downFacts.map((row) => row.role)));
  if (!link) throw invalid("matchLinkUnsupported");
  if (new Set([...upFacts, ...downFacts].map((row) => row.currency)).size > 1) throw invalid("matchCurrencyMixed");

  const allocated = await loadAllocations(tx, orgId, all);
  const items: BookedItem[] = [];
  const place = (rows: readonly ManualMatchRow[], rowFacts: RowFacts[], slot: Slot) => {
    rows.forEach((row, index) => {
      const fact = rowFacts[index]!;
      if (slotOfRole(fact.role, link) !== slot) throw invalid("matchLinkUnsupported");
      const remaining = rowRemaining(fact.amountMinor, allocated.get(slotKey(fact.side, fact.id, slot)) ?? 0n);
      const magnitude = row.amountMinor ?? remaining;
      const label = fact.ref ?? `#${fact.id}`;
      if (remaining <= 0n) throw invalid("matchRowAlreadyMatched", { ref: label });
      if (magnitude <= 0n) throw invalid("matchAmountNotPositive", { ref: label });
      if (!withinYuanInputLimit(magnitude)) throw invalid("matchAmountTooLarge");
      if (magnitude > remaining) throw invalid("matchAmountExceedsRemaining", { ref: label, remaining: minorToDecimalString(remaining) });
      items.push({ side: fact.side, id: fact.id, slot, amountMinor: signedItemAmount(fact.role, fact.amountMinor, magnitude, slot) });
    });
  };
  place(input.upstream, upFacts, "down");
  place(input.downstream, downFacts, "up");
  return { items, facts: [...upFacts, ...downFacts], link };
}

export async function createManualMatch(db: DbOrTx, ctx: OrgContext, input: ManualMatchInput): Promise<ManualMatchResult> {
  return atomically(db, async (tx) => {
    const { items, facts, link } = await planManualMatch(tx, ctx.orgId, input);

    const difference = -items.reduce((sum, item) => sum + item.amountMinor, 0n);
    const explained = input.adjustments.reduce((sum, adjustment) => sum + adjustment.amountMinor, 0n);
    if (input.adjustments.some((adjustment) => adjustment.amountMinor === 0n)) throw invalid("adjustmentZero");
    // The form's own limit (lib/money): two huge adjustments that cancel out are not a write-off.
    if (input.adjustments.some((adjustment) => !withinYuanInputLimit(adjustment.amountMinor))) throw invalid("matchAmountTooLarge");
    if (explained !== difference) {
      throw invalid("matchDifferenceUnexplained", { difference: minorToDecimalString(difference), explained: minorToDecimalString(explained) });
    }
    const note = input.note?.trim() || undefined;
    if (input.adjustments.some((adjustment) => !adjustment.note?.trim() && !note)) throw invalid("adjustmentNoteRequired");

    await assertMonthOpen(tx, ctx.orgId, groupMonth(facts.map((row) => row.day)));

    const thresholds = await getApprovalThresholds(tx, ctx.orgId);
    const writtenOff = input.adjustments.reduce((sum, adjustment) => sum + (adjustment.amountMinor < 0n ? -adjustment.amountMinor : adjustment.amountMinor), 0n);
    const moved = items.filter((item) => item.slot === "up").reduce((sum, item) => sum + (item.amountMinor < 0n ? -item.amountMinor : item.amountMinor), 0n);
    const status = needsApproval(thresholds, writtenOff, moved) ? ("PENDING_APPROVAL" as const) : ("CONFIRMED" as const);

    const droppedProposals = await dropConflictingProposals(tx, ctx.orgId, items);
    const adjustments = input.adjustments.map((adjustment) => ({ type: adjustment.type, amountMinor: adjustment.amountMinor, note: adjustment.note?.trim() || note }));
    const groupId = await bookGroup(tx, ctx.orgId, {
      kind: "MANUAL",
      status,
      pass: 0,
      rule: "MANUAL",
      link,
      confidence: 100,
      note,
      createdById: ctx.userId,
      decidedById: ctx.userId,
      items,
      adjustments,
    });
    await writeAuditLog(tx, actorOf(ctx), {
      action: "match.create",
      entityType: "MatchGroup",
      entityId: groupId,
      after: { status, link, note, items, adjustments, droppedProposals },
    });
    await recordAction(tx, ctx.orgId, ctx.userId, "MATCH", [groupId]);
    return { groupId, status, droppedProposals };
  });
}
