// The engine's proposals → MatchGroup rows. A new run replaces the previous run's open proposals;
// confirmed, rejected and reversed groups are never touched. Groups the rules allow to be booked
// without a person are stored CONFIRMED (kind AUTO), the rest PROPOSED for the workspace.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { MatchSide, MatchSlot } from "@/lib/db/generated/enums";
import type { MatchProposal, Side, Slot } from "@/lib/reconcile";
import { toJsonValue } from "@/lib/shared/json-safe";

const SIDE_TO_DB: Record<Side, MatchSide> = { order: "ORDER", settlement: "SETTLEMENT", bank: "BANK" };
const SLOT_TO_DB: Record<Slot, MatchSlot> = { up: "UP", down: "DOWN" };
const CHUNK = 2000;

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await insert(rows.slice(start, start + CHUNK));
}

export async function saveProposals(
  tx: Tx,
  orgId: string,
  runId: string,
  proposals: readonly MatchProposal[],
  now = new Date(),
): Promise<{ proposed: number; autoConfirmed: number; replaced: number }> {
  const replaced = await tx.matchGroup.deleteMany({ where: { orgId, status: "PROPOSED" } });
  const groups = proposals.map((proposal) => ({ id: randomUUID(), proposal }));
  await inChunks(groups, (chunk) =>
    tx.matchGroup.createMany({
      data: chunk.map(({ id, proposal }) => ({
        id,
        orgId,
        runId,
        key: proposal.key,
        kind: "AUTO" as const,
        status: proposal.autoConfirm ? ("CONFIRMED" as const) : ("PROPOSED" as const),
        pass: proposal.pass,
        rule: proposal.rule,
        link: proposal.link,
        confidence: proposal.confidence,
        reasons: toJsonValue(proposal.reasons),
        decidedAt: proposal.autoConfirm ? now : null,
      })),
    }),
  );
  const items = groups.flatMap(({ id, proposal }) =>
    proposal.items.map((item) => {
      if (!item.slot) throw new Error(`proposal ${proposal.key}: item ${item.side} ${item.id} has no slot`);
      return { orgId, groupId: id, side: SIDE_TO_DB[item.side], rowId: BigInt(item.id), slot: SLOT_TO_DB[item.slot], amountMinor: item.amountMinor };
    }),
  );
  await inChunks(items, (chunk) => tx.matchItem.createMany({ data: chunk }));
  const adjustments = groups.flatMap(({ id, proposal }) =>
    proposal.adjustments.map((adjustment) => ({
      orgId,
      groupId: id,
      type: adjustment.type,
      amountMinor: adjustment.amountMinor,
      note: adjustment.note ?? null,
      aboutSide: adjustment.about ? SIDE_TO_DB[adjustment.about.side] : null,
      aboutRowId: adjustment.about ? BigInt(adjustment.about.id) : null,
    })),
  );
  await inChunks(adjustments, (chunk) => tx.matchAdjustment.createMany({ data: chunk }));
  const autoConfirmed = proposals.filter((proposal) => proposal.autoConfirm).length;
  return { proposed: proposals.length - autoConfirmed, autoConfirmed, replaced: replaced.count };
}
