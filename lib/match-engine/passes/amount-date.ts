// Pass 3 — one ↔ one by amount and date: what is still open after the keyed and grouped passes is
// paired only where the pairing is unique both ways — the source has exactly one receipt within the
// tolerance and the date window, and that receipt fits no other source. Sources are withdrawals
// (→ any receipt not from another platform's payer) and single orders of platforms that pay the bank
// directly (→ whole receipts from that platform's payer only).
import { explainTransfer } from "../engine/explain-difference";
import { SECONDS_PER_DAY } from "../engine/local-date";
import { toleranceFor } from "../engine/money";
import { draftOrdersToBank } from "../engine/orders-to-bank";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";
import type { Reason } from "../types";

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
  const claims = new Map<number, number>();
  for (const found of candidatesOf) for (const receipt of found) claims.set(receipt, (claims.get(receipt) ?? 0) + 1);

  sources.forEach((source, position) => {
    const found = candidatesOf[position]!;
    if (found.length !== 1) {
      if (found.length > 1 && source.kind === "withdrawal") context.notes.add(source.key, "downstream", reason("AMBIGUOUS_CANDIDATES", { count: found.length }));
      return;
    }
    const receipt = found[0]!;
    if (claims.get(receipt) !== 1) {
      context.notes.add(receipt, "upstream", reason("AMBIGUOUS_CANDIDATES", { count: claims.get(receipt) ?? 0 }));
      return;
    }
    if (source.kind === "withdrawal") pairWithdrawal(context, source, receipt);
    else pairOrder(context, source, receipt);
  });
}

function commonReasons(context: RunContext, source: Source, receipt: number): Reason[] {
  const { table, payers } = context;
  const days = table.day[receipt]! - source.day;
  const reasons = [reason("AMOUNT_AND_DATE_UNIQUE", { amountMinor: table.up[receipt]! })];
  if (days !== 0) reasons.push(reason("DATE_DIFF_DAYS", { days }));
  const counterparty = table.bankRow(receipt).counterparty;
  if (payers.paysFor(counterparty, source.ledger)) {
    const ledger = table.ledgers[source.ledger]!;
    reasons.push(reason("COUNTERPARTY_IS_PLATFORM", { counterparty: counterparty ?? "", platform: ledger.platform ?? ledger.accountType ?? "" }));
  }
  return reasons;
}

function pairWithdrawal(context: RunContext, source: Source, receipt: number): void {
  const { table, rules, sink } = context;
  const explanation = explainTransfer(rules, table.down[source.key]!, table.up[receipt]!);
  sink.commit({
    pass: 3,
    rule: "AMOUNT_DATE",
    link: "PAYOUT_BANK",
    rows: [source.key, receipt],
    adjustments: explanation.adjustments,
    reasons: [...commonReasons(context, source, receipt), ...explanation.reasons],
    blockers: explanation.blockers,
    confidence: explanation.blockers.length === 0 ? 90 : 75,
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
