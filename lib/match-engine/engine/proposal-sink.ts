// Where passes hand in groups. The sink signs each item, checks that items and adjustments sum to
// zero to the cent, refuses groups that hold a rejected pair, spends the rows' allocations and gives
// the group a key derived from its items. An unbalanced or over-allocating group is a bug in a pass,
// so it throws instead of producing something a person might confirm.
import type { ReconcileRules } from "../rules";
import type { Adjustment, AdjustmentType, MatchItem, MatchLink, MatchProposal, MatchRule, PassNumber, Reason, RuleStats } from "../types";
import { BigIntCache } from "./money";
import { ReasonLists, sharedReason } from "./reasons";
import type { RejectedPairs } from "./rejected-pairs";
import { Role, type RowTable } from "./row-table";
import { slotFor } from "./slots";

export interface DraftAdjustment {
  type: AdjustmentType;
  /** + kept back (fee, refund), − received beyond what was due. */
  amount: number;
  note?: string;
  /** The order row the adjustment concerns, in groups of several orders. */
  aboutRow?: number;
}

export interface Draft {
  pass: PassNumber;
  rule: MatchRule;
  link: MatchLink;
  rows: readonly number[];
  /** Magnitude taken from each row (same order as rows); default: all that is left of it. */
  allocations?: readonly number[];
  adjustments: readonly DraftAdjustment[];
  reasons: readonly Reason[];
  /** Why the group may not be booked automatically; empty means it may (outside pass 4). */
  blockers: readonly Reason[];
  confidence: number;
}

const LINK_PREFIX: Record<MatchLink, string> = { ORDER_SETTLEMENT: "OS-", SETTLEMENT_PAYOUT: "SP-", PAYOUT_BANK: "PB-", ORDER_BANK: "OB-" };
const HEX_CODES = Array.from("0123456789abcdef", (digit) => digit.charCodeAt(0));

function hexDigit(value: number, shift: number): number {
  return HEX_CODES[(value >>> shift) & 15]!;
}

/** A 53-bit digest as 14 hex digits, made in one string allocation (a million keys per run). */
function hex53(digest: number): string {
  const high = Math.floor(digest / 4294967296);
  const low = digest >>> 0;
  return String.fromCharCode(
    hexDigit(high, 20), hexDigit(high, 16), hexDigit(high, 12), hexDigit(high, 8), hexDigit(high, 4), hexDigit(high, 0),
    hexDigit(low, 28), hexDigit(low, 24), hexDigit(low, 20), hexDigit(low, 16), hexDigit(low, 12), hexDigit(low, 8), hexDigit(low, 4), hexDigit(low, 0),
  );
}

const SIDE_CODE = { order: 1, settlement: 2, bank: 3 } as const;
const LINK_CODE: Record<MatchLink, number> = { ORDER_SETTLEMENT: 1, SETTLEMENT_PAYOUT: 2, PAYOUT_BANK: 3, ORDER_BANK: 4 };

/**
 * A 53-bit hash (cyrb53) of the link and each item's side and id, fed without building any text:
 * fast, well spread, and the same on every machine.
 */
function itemsDigest(link: MatchLink, items: readonly MatchItem[]): number {
  let h1 = Math.imul(0xdeadbeef ^ LINK_CODE[link], 2654435761);
  let h2 = Math.imul(0x41c6ce57 ^ LINK_CODE[link], 1597334677);
  for (const item of items) {
    const side = SIDE_CODE[item.side];
    h1 = Math.imul(h1 ^ side, 2654435761);
    h2 = Math.imul(h2 ^ side, 1597334677);
    const id = item.id;
    for (let i = 0; i < id.length; i++) {
      const ch = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    // The id's end, so ("12","3") and ("1","23") differ.
    h1 = Math.imul(h1 ^ 0x7c, 2654435761);
    h2 = Math.imul(h2 ^ 0x7c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export class ProposalSink {
  readonly proposals: MatchProposal[] = [];
  readonly byRule = new Map<MatchRule, RuleStats>();
  private readonly reasonLists = new ReasonLists();
  /** Shared with the unmatched list of the same run. */
  readonly bigints = new BigIntCache();
  /** Each proposal's key hash, for the collision check at the end (numbers: no million-string set). */
  private digests = new Float64Array(1024);

  constructor(
    private readonly table: RowTable,
    private readonly rules: ReconcileRules,
    private readonly rejected: RejectedPairs,
  ) {}

  /** What is left of a row on the side a link uses (0 when the row cannot take part). */
  available(row: number, link: MatchLink): number {
    const slot = slotFor(this.table.role[row]!, link);
    if (!slot) return 0;
    const left = this.table[slot][row]!;
    return Number.isNaN(left) ? 0 : left;
  }

  /** The row's remaining amount on that side, signed as items are (see README "Signs"). */
  signedAvailable(row: number, link: MatchLink): number {
    const slot = slotFor(this.table.role[row]!, link);
    return slot ? this.signed(row, this.available(row, link), slot) : 0;
  }

  /**
   * An item's sign: the row's flow amount (orders: paid; lines: their balance sign; withdrawals: what
   * left for the bank, +; bank rows: + in) with minus at the upstream end of the hop ("down" side of
   * the row: its money leaves) and plus at the downstream end ("up" side: money arrives).
   */
  signed(row: number, magnitude: number, slot: "up" | "down"): number {
    const amount = this.table.amount[row]!;
    const flowNegative = this.table.role[row] === Role.WITHDRAWAL ? amount > 0 : amount < 0;
    const positive = (slot === "up") !== flowNegative;
    return positive ? magnitude : -magnitude;
  }

  /** Records the group; returns undefined (and spends nothing) when it would hold a rejected pair. */
  commit(draft: Draft): MatchProposal | undefined {
    const table = this.table;
    const count = draft.rows.length;
    // Rows in index order (passes mostly hand them in that order already).
    let positions: number[] | undefined;
    for (let k = 1; k < count; k++) {
      if (draft.rows[k]! <= draft.rows[k - 1]!) {
        positions = Array.from({ length: count }, (_, position) => position).sort((a, b) => draft.rows[a]! - draft.rows[b]!);
        break;
      }
    }
    const rows = positions ? positions.map((position) => draft.rows[position]!) : draft.rows;
    const allocations = draft.allocations && positions ? positions.map((position) => draft.allocations![position]!) : draft.allocations;
    for (let k = 1; k < count; k++) if (rows[k] === rows[k - 1]) throw new Error(`reconcile: row ${table.id(rows[k]!)} twice in one group`);
    if (this.rejected.conflicts(rows)) return undefined;

    // First check everything (so a refused group spends nothing), then spend and write the items.
    let sum = 0;
    let ends = 0;
    for (let k = 0; k < count; k++) {
      const row = rows[k]!;
      const slot = slotFor(table.role[row]!, draft.link);
      if (!slot) throw new Error(`reconcile: ${table.side(row)} ${table.id(row)} cannot take part in ${draft.link}`);
      const left = (slot === "up" ? table.up : table.down)[row]!;
      const magnitude = allocations?.[k] ?? left;
      if (!(magnitude >= 0) || magnitude > left) throw new Error(`reconcile: ${table.side(row)} ${table.id(row)} over-allocated in ${draft.rule}`);
      ends |= slot === "up" ? 1 : 2;
      sum += this.signed(row, magnitude, slot);
    }
    for (const adjustment of draft.adjustments) sum += adjustment.amount;
    if (sum !== 0) throw new Error(`reconcile: ${draft.rule} group does not balance (off by ${sum})`);
    // A hop has two ends: a group with rows at only one of them explains nothing.
    if (ends !== 3) throw new Error(`reconcile: ${draft.rule} group has rows at one end of ${draft.link} only`);

    const items: MatchItem[] = new Array<MatchItem>(count);
    for (let k = 0; k < count; k++) {
      const row = rows[k]!;
      const slot = slotFor(table.role[row]!, draft.link)!;
      const remaining = slot === "up" ? table.up : table.down;
      const magnitude = allocations?.[k] ?? remaining[row]!;
      remaining[row] = remaining[row]! - magnitude;
      items[k] = { side: table.side(row), id: table.id(row), amountMinor: this.bigints.of(this.signed(row, magnitude, slot)), slot };
    }
    const mayAuto = draft.pass !== 4 && this.rules.autoConfirm.enabled;
    // The common case (an automatic group whose reasons are all shared) reuses one frozen list.
    let reasons: readonly Reason[];
    if (draft.pass !== 4 && this.rules.autoConfirm.enabled && draft.blockers.length === 0) {
      reasons = this.reasonLists.get(draft.reasons) ?? draft.reasons.slice();
    } else {
      const list = [...draft.reasons, ...draft.blockers];
      if (draft.pass === 4) list.push(sharedReason("SUGGESTION_ONLY"));
      else if (!this.rules.autoConfirm.enabled && draft.blockers.length === 0) list.push(sharedReason("AUTO_CONFIRM_DISABLED"));
      reasons = this.reasonLists.get(list) ?? list;
    }
    const autoConfirm = mayAuto && draft.blockers.length === 0;

    const proposal: MatchProposal = {
      key: this.keyFor(draft.link, items),
      pass: draft.pass,
      rule: draft.rule,
      link: draft.link,
      autoConfirm,
      confidence: Math.max(0, Math.min(100, Math.round(draft.confidence))),
      reasons,
      items,
      adjustments: draft.adjustments.map((draftAdjustment) => {
        const adjustment: Adjustment = { type: draftAdjustment.type, amountMinor: this.bigints.of(draftAdjustment.amount) };
        if (draftAdjustment.note) adjustment.note = draftAdjustment.note;
        if (draftAdjustment.aboutRow !== undefined) adjustment.about = { side: table.side(draftAdjustment.aboutRow), id: table.id(draftAdjustment.aboutRow) };
        return adjustment;
      }),
    };
    this.proposals.push(proposal);
    const stats = this.byRule.get(draft.rule) ?? { groups: 0, autoConfirmed: 0, items: 0 };
    stats.groups++;
    stats.items += items.length;
    if (autoConfirm) stats.autoConfirmed++;
    this.byRule.set(draft.rule, stats);
    return proposal;
  }

  private keyFor(link: MatchLink, items: readonly MatchItem[]): string {
    const digest = itemsDigest(link, items);
    const position = this.proposals.length;
    if (position === this.digests.length) {
      const grown = new Float64Array(this.digests.length * 2);
      grown.set(this.digests);
      this.digests = grown;
    }
    this.digests[position] = digest;
    return LINK_PREFIX[link] + hex53(digest);
  }

  /**
   * Makes keys unique. The same items cannot form two groups of one link, so equal keys mean a
   * 53-bit hash collision — astronomically rare, but then later groups get "-2", "-3"… in output order.
   */
  finishKeys(): void {
    const count = this.proposals.length;
    const sorted = this.digests.slice(0, count).sort();
    let collision = false;
    for (let k = 1; k < count && !collision; k++) collision = sorted[k] === sorted[k - 1];
    if (!collision) return;
    const seen = new Map<number, number>();
    this.proposals.forEach((proposal, position) => {
      const digest = this.digests[position]!;
      const times = seen.get(digest) ?? 0;
      if (times > 0) proposal.key = `${proposal.key}-${times + 1}`;
      seen.set(digest, times + 1);
    });
  }
}
