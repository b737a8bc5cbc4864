// The engine's proposals → MatchGroup rows. A new run replaces the previous runs' open proposals
// inside its scope in open months (replace-open-proposals.ts); confirmed, pending, rejected and reversed groups are never touched. Groups the rules allow to be
// booked without a person are stored CONFIRMED (kind AUTO), the rest PROPOSED for the workspace.
// A month's run writes hundreds of thousands of groups and millions of items, so all three tables
// are written with COPY in one transaction: the run's result is there whole or not at all.
import type pg from "pg";
import type { MatchSide, MatchSlot } from "@/lib/db/generated/enums";
import type { MatchItem, MatchProposal, Reason, Side, Slot } from "@/lib/match-engine";
import { groupFacts, type GroupFacts } from "@/lib/ledger/group-facts";
import { copyText, openCopyWriter, type CopyWriter } from "./copy-text-writer";
import type { RowFactsLookup } from "./input-row-facts";
import { deleteOpenProposals } from "./replace-open-proposals";
import type { ReconcileScope } from "./run-scope";
import { uuidV7Sequence } from "./uuid-v7";

const SIDE_TO_DB: Record<Side, MatchSide> = { order: "ORDER", settlement: "SETTLEMENT", bank: "BANK" };
const SLOT_TO_DB: Record<Slot, MatchSlot> = { up: "UP", down: "DOWN" };
// MatchItem's key is (groupId, side, rowId, slot), sides and slots in their enums' order.
const SIDE_RANK: Record<Side, number> = { order: 0, settlement: 1, bank: 2 };
const SLOT_RANK: Record<Slot, number> = { up: 0, down: 1 };
/** Row ids are decimal strings of bigints: a shorter one is smaller. */
const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * A group's items in the table's key order. Groups get increasing ids, so the items then arrive in
 * key order too and PostgreSQL appends to the key's index instead of inserting all over it (the
 * 55 wallet sweeps of a 1M-order month hold a million items).
 */
function inKeyOrder(items: readonly MatchItem[]): readonly MatchItem[] {
  if (items.length < 2) return items;
  return [...items].sort((a, b) => SIDE_RANK[a.side] - SIDE_RANK[b.side] || compareIds(a.id, b.id) || SLOT_RANK[a.slot!] - SLOT_RANK[b.slot!]);
}

export type SaveSummary = {
  proposed: number;
  autoConfirmed: number;
  replaced: number;
  keptInLockedMonths: number;
  keptOutsideScope: number;
  /** New groups left out because a kept proposal already uses one of their rows. */
  skippedOverlapping: number;
};
/**
 * `now` stamps the groups (decidedAt, ids); `onProgress` hears the share of lines sent; proposals
 * already standing in `lockedMonths` or outside `scope` are kept (the run's own there were left out
 * by skip-locked-months.ts and run-scope.ts).
 */
export type SaveOptions = { now?: Date; onProgress?: (fraction: number) => void; lockedMonths?: readonly string[]; scope?: ReconcileScope };

/** Reason lists are shared between groups (lib/match-engine README "Reasons"): each is written out once. */
function reasonsJson(): (reasons: readonly Reason[]) => string {
  const known = new Map<readonly Reason[], string>();
  return (reasons) => {
    let json = known.get(reasons);
    if (json === undefined) known.set(reasons, (json = copyText(JSON.stringify(reasons))));
    return json;
  };
}

/** Writes inside the caller's transaction on `client`; `rowFacts` knows the rows the proposals use (input-row-facts.ts). */
export async function writeProposals(
  client: pg.ClientBase,
  orgId: string,
  runId: string,
  candidates: readonly MatchProposal[],
  rowFacts: RowFactsLookup,
  { now = new Date(), onProgress, lockedMonths = [], scope = {} }: SaveOptions = {},
): Promise<SaveSummary> {
  const { replaced, keptInLockedMonths, keptOutsideScope, keptRows } = await deleteOpenProposals(client, orgId, { lockedMonths, scope });
  // A row in two open proposals would let one confirmation break the other (and an auto-confirmed
  // group would spend a row someone's kept proposal still counts on): the kept proposal wins.
  const proposals = keptRows.size === 0 ? candidates : candidates.filter((p) => !p.items.some((item) => keptRows.has(`${item.side}:${item.id}:${item.slot}`)));
  // A month's save takes tens of seconds: say how far it is each time a chunk goes out.
  let lines = 0;
  let written = 0;
  for (const p of proposals) lines += 1 + p.items.length + p.adjustments.length;
  // Not async: a promise only when a chunk went out, so the loops await rarely (copy-text-writer.ts).
  const send = (writer: CopyWriter, line: string) => {
    written++;
    const wait = writer.line(line);
    if (wait) onProgress?.(written / lines);
    return wait;
  };
  const nextId = uuidV7Sequence(now.getTime());
  const ids = proposals.map(() => nextId());
  const decidedAt = now.toISOString();
  const toJson = reasonsJson();
  // Every line of a table starts with the same org (and run) columns.
  const org = copyText(orgId);
  const run = copyText(runId);

  const groups = openCopyWriter(
    client,
    `COPY "MatchGroup" (id, "orgId", "runId", key, kind, status, pass, rule, link, confidence, reasons, "decidedAt",
                        "amountMinor", "differenceMinor", "rowCount", day, "storeIds", "fundAccountIds") FROM STDIN`,
  );
  let autoConfirmed = 0;
  for (let g = 0; g < proposals.length; g++) {
    const p = proposals[g]!;
    if (p.autoConfirm) autoConfirmed++;
    const decided = p.autoConfirm ? `CONFIRMED\t${p.pass}\t${p.rule}\t${p.link}\t${p.confidence}\t${toJson(p.reasons)}\t${decidedAt}` : `PROPOSED\t${p.pass}\t${p.rule}\t${p.link}\t${p.confidence}\t${toJson(p.reasons)}\t\\N`;
    const wait = send(groups, `${ids[g]}\t${org}\t${run}\t${copyText(p.key)}\tAUTO\t${decided}\t${factsText(groupFacts(p.items, p.adjustments, rowFacts))}\n`);
    if (wait) await wait;
  }
  await groups.end();

  const items = openCopyWriter(client, `COPY "MatchItem" ("orgId", "groupId", side, "rowId", slot, "amountMinor") FROM STDIN`);
  for (let g = 0; g < proposals.length; g++) {
    const p = proposals[g]!;
    const head = `${org}\t${ids[g]}\t`;
    for (const item of inKeyOrder(p.items)) {
      if (!item.slot) throw new Error(`proposal ${p.key}: item ${item.side} ${item.id} has no slot`);
      const wait = send(items, `${head}${SIDE_TO_DB[item.side]}\t${copyText(item.id)}\t${SLOT_TO_DB[item.slot]}\t${item.amountMinor}\n`);
      if (wait) await wait;
    }
  }
  await items.end();

  const adjustments = openCopyWriter(
    client,
    `COPY "MatchAdjustment" ("orgId", "groupId", type, "amountMinor", note, "aboutSide", "aboutRowId") FROM STDIN`,
  );
  for (let g = 0; g < proposals.length; g++) {
    const p = proposals[g]!;
    for (const adjustment of p.adjustments) {
      const about = adjustment.about ? `${SIDE_TO_DB[adjustment.about.side]}\t${copyText(adjustment.about.id)}` : "\\N\t\\N";
      const wait = send(adjustments, `${org}\t${ids[g]}\t${adjustment.type}\t${adjustment.amountMinor}\t${copyText(adjustment.note)}\t${about}\n`);
      if (wait) await wait;
    }
  }
  await adjustments.end();

  return { proposed: proposals.length - autoConfirmed, autoConfirmed, replaced, keptInLockedMonths, keptOutsideScope, skippedOverlapping: candidates.length - proposals.length };
}

/** A group's facts as COPY text columns: amount, difference, rows, day, stores, accounts (ids need no escaping). */
function factsText(facts: GroupFacts): string {
  return `${facts.amountMinor}\t${facts.differenceMinor}\t${facts.rowCount}\t${facts.day ?? "\\N"}\t{${facts.storeIds.join(",")}}\t{${facts.fundAccountIds.join(",")}}`;
}

/** The run's result in its own transaction on a connection of `pool`. */
export async function saveProposals(
  pool: pg.Pool,
  orgId: string,
  runId: string,
  proposals: readonly MatchProposal[],
  rowFacts: RowFactsLookup,
  options: SaveOptions = {},
): Promise<SaveSummary> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const summary = await writeProposals(client, orgId, runId, proposals, rowFacts, options);
    await client.query("COMMIT");
    return summary;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
