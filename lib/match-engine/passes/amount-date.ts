// Pass 3 — one ↔ one by amount and date: what is still open after the keyed and grouped passes is
// paired only where the pairing is unique both ways — the source has exactly one receipt within the
// tolerance and the date window, and that receipt fits no other source. Sources are withdrawals
// (→ any receipt not from another platform's payer) and single orders of platforms that pay the bank
// directly (→ whole receipts from that platform's payer only). A withdrawal with several equal
// receipts keeps only those its booking time and payer allow (break-receipt-ties.ts); if several
// remain and no other source wants them, it is proposed with one, naming the others, for a person.
import { explainTransfer } from "../engine/explain-difference";
import { SECONDS_PER_DAY } from "../engine/local-date";
import { toleranceFor } from "../engine/money";
import { draftOrdersToBank } from "../engine/orders-to-bank";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";
import type { Reason } from "../types";
import { MAX_TIED_RECEIPTS, narrowReceipts, preferredOfTied, type NarrowedReceipts } from "./break-receipt-ties";

/** Beyond this many fitting receipts a source is plainly ambiguous; stop counting. */
const MAX_FITS = 64;

interface Source {
  /** A withdrawal row, or an order group. */
  kind: "withdrawal" | "order";
  key: number;
  ledger: number;
  amount: number;
  day: number;
  currency: number;
}

export function matchAmountAndDate(context: RunContext): void {
  const { table, rules, payers } = context;
  const receipts: number[] = [];
  for (let row = table.bankStart; row < table.size; row++) {
    if (table.role[row] === Role.BANK && table.up[row]! > 0 && table.amount[row]! > 0) receipts.push(row);
  }
  if (receipts.length === 0) return;
  receipts.sort((a, b) => table.up[a]! - table.up[b]! || a - b);

  const sources: Source[] = [];
  for (let row = table.settlementStart; row < table.size; row++) {
    if (table.role[row] !== Role.WITHDRAWAL || !(table.down[row]! > 0) || table.amount[row]! >= 0) continue;
    sources.push({ kind: "withdrawal", key: row, ledger: table.ledgerOf[row]!, amount: table.down[row]!, day: table.day[row]!, currency: table.currencyOf[row]! });
  }
  for (const store of context.directPayoutStores()) {
    store.groups.forEach((group, position) => {
      const first = context.index.firstRow[group]!;
      if (!(table.down[first]! > 0)) return;
      const day = Math.floor(store.instants[position]! / SECONDS_PER_DAY);
      sources.push({ kind: "order", key: group, ledger: store.ledger, amount: store.nets[position]!, day, currency: table.currencyOf[first]! });
    });
  }

  const fits = (source: Source, receipt: number): boolean => {
    if (table.currencyOf[receipt] !== source.currency) return false;
    if (Math.abs(table.day[receipt]! - source.day) > rules.dateWindowDays) return false;
    const counterparty = table.bankRow(receipt).counterparty;
    // What is left of a payout that pass 2 split among its orders is not one order's payout.
    if (source.kind === "order") return table.up[receipt] === Math.abs(table.amount[receipt]!) && payers.paysFor(counterparty, source.ledger);
    return !payers.isKnownPayer(counterparty) || payers.paysFor(counterparty, source.ledger);
  };
  const candidatesOf = sources.map((source) => {
    const tolerance = toleranceFor(source.amount, Number(rules.toleranceMinor), rules.tolerancePercentBps);
    const found: number[] = [];
    // Every fitting receipt is counted (so claims stay honest); a pile of equal amounts is capped.
    for (let k = lowerBound(table, receipts, source.amount - tolerance); k < receipts.length && table.up[receipts[k]!]! <= source.amount + tolerance; k++) {
      if (fits(source, receipts[k]!)) found.push(receipts[k]!);
      if (found.length >= MAX_FITS) break;
    }
    return found;
  });
  // Equal receipts of one withdrawal: set aside those that cannot be it (a pile at the cap is left whole).
  const narrowed: NarrowedReceipts[] = sources.map((source, position) => {
    const found = candidatesOf[position]!;
    return source.kind === "withdrawal" && found.length < MAX_FITS ? narrowReceipts(context, source.key, found) : { receipts: found, reasons: [] };
  });
  const claims = new Map<number, number>();
  for (const { receipts: found } of narrowed) for (const receipt of found) claims.set(receipt, (claims.get(receipt) ?? 0) + 1);

  sources.forEach((source, position) => {
    const { receipts: found, reasons: tieReasons } = narrowed[position]!;
    if (found.length > 1) {
      if (source.kind !== "withdrawal") return;
      // Still several: a proposal for a person when no other source wants any of them.
      if (found.length <= MAX_TIED_RECEIPTS && found.every((receipt) => claims.get(receipt) === 1)) {
        const { receipt, blocker } = preferredOfTied(context, source.key, found);
        pairWithdrawal(context, source, receipt, tieReasons, [blocker]);
      } else {
        context.notes.add(source.key, "downstream", reason("AMBIGUOUS_CANDIDATES", { count: found.length }));
      }
      return;
    }
    if (found.length === 0) return;
    const receipt = found[0]!;
    if (claims.get(receipt) !== 1) {
      context.notes.add(receipt, "upstream", reason("AMBIGUOUS_CANDIDATES", { count: claims.get(receipt) ?? 0 }));
      return;
    }
    if (source.kind === "withdrawal") pairWithdrawal(context, source, receipt, tieReasons, []);
    else pairOrder(context, source, receipt);
  });
}

function commonReasons(context: RunContext, source: Source, receipt: number, unique = true): Reason[] {
  const { table, payers } = context;
  const days = table.day[receipt]! - source.day;
  // A pair chosen among equal receipts says why in its own reasons instead of "the only one".
  const reasons = unique ? [reason("AMOUNT_AND_DATE_UNIQUE", { amountMinor: table.up[receipt]! })] : [];
  if (days !== 0) reasons.push(reason("DATE_DIFF_DAYS", { days }));
  const counterparty = table.bankRow(receipt).counterparty;
  if (payers.paysFor(counterparty, source.ledger)) {
    const ledger = table.ledgers[source.ledger]!;
    reasons.push(reason("COUNTERPARTY_IS_PLATFORM", { counterparty: counterparty ?? "", platform: ledger.platform ?? ledger.accountType ?? "" }));
  }
  return reasons;
}

function pairWithdrawal(context: RunContext, source: Source, receipt: number, tieReasons: readonly Reason[], tieBlockers: readonly Reason[]): void {
  const { table, rules, sink } = context;
  const explanation = explainTransfer(rules, table.down[source.key]!, table.up[receipt]!);
  const blockers = [...tieBlockers, ...explanation.blockers];
  sink.commit({
    pass: 3,
    rule: "AMOUNT_DATE",
    link: "PAYOUT_BANK",
    rows: [source.key, receipt],
    adjustments: explanation.adjustments,
    reasons: [...commonReasons(context, source, receipt, tieReasons.length === 0), ...tieReasons, ...explanation.reasons],
    blockers,
    confidence: blockers.length === 0 ? (tieReasons.length === 0 ? 90 : 85) : tieBlockers.length > 0 ? 50 : 75,
  });
}

function pairOrder(context: RunContext, source: Source, receipt: number): void {
  const draft = draftOrdersToBank(context, [source.key], [receipt], true);
  context.sink.commit({
    pass: 3,
    rule: "AMOUNT_DATE",
    link: "ORDER_BANK",
    rows: draft.rows,
    adjustments: draft.adjustments,
    reasons: [...commonReasons(context, source, receipt), ...draft.notes],
    blockers: draft.blockers,
    confidence: draft.blockers.length === 0 ? 85 : 70,
  });
}

function lowerBound(table: RunContext["table"], receipts: readonly number[], amount: number): number {
  let low = 0;
  let high = receipts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (table.up[receipts[middle]!]! < amount) low = middle + 1;
    else high = middle;
  }
  return low;
}
