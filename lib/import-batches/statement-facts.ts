// What a bank or wallet file says about itself, gathered while the preview reads it: the first and
// last booking day, money in and out, the row count, and — when the statement prints running
// balances — whether opening + movements = closing, with the first row where a printed balance
// breaks the chain. Memory stays constant: a million-row statement is checked in one pass.
import type { BankTransactionRow } from "@/lib/import/types";

export type BalanceCheck = { openingMinor: bigint; closingMinor: bigint; brokenAtRow: number | null };

export type StatementFacts = {
  count: number;
  firstDay: string | null;
  lastDay: string | null;
  currency: string | null;
  /** True when rows of more than one currency were read: the totals are then of `currency` only. */
  mixedCurrencies: boolean;
  inMinor: bigint;
  outMinor: bigint;
  balance: BalanceCheck | null;
};

/**
 * A printed balance is the balance after its row. Exports list oldest first (each balance = the one
 * before + this row's amount) or newest first (the next row's balance = this one − this row's
 * amount); both chains are followed and the one the file keeps is reported.
 */
class BalanceChain {
  private running: bigint | null = null;
  private pending = 0n;
  private edge: bigint | null = null;
  brokenAtRow: number | null = null;
  seen = false;

  constructor(private readonly newestFirst: boolean) {}

  add(row: Pick<BankTransactionRow, "amountMinor" | "balanceMinor" | "sourceRow">) {
    if (this.newestFirst) return this.addNewestFirst(row);
    if (this.running !== null) this.running += row.amountMinor;
    else this.pending += row.amountMinor;
    if (row.balanceMinor === undefined) return;
    if (this.running === null) this.edge = row.balanceMinor - this.pending;
    else if (this.running !== row.balanceMinor) this.brokenAtRow ??= row.sourceRow;
    this.running = row.balanceMinor;
    this.seen = true;
  }

  private addNewestFirst(row: Pick<BankTransactionRow, "amountMinor" | "balanceMinor" | "sourceRow">) {
    if (row.balanceMinor === undefined) {
      if (this.running !== null) this.running -= row.amountMinor;
      else this.pending += row.amountMinor;
      return;
    }
    if (this.running === null) this.edge = row.balanceMinor + this.pending;
    else if (this.running !== row.balanceMinor) this.brokenAtRow ??= row.sourceRow;
    this.running = row.balanceMinor - row.amountMinor;
    this.seen = true;
  }

  /** Opening and closing as the chain found them; the movements between them are the file's. */
  result(): BalanceCheck | null {
    if (!this.seen || this.running === null || this.edge === null) return null;
    return this.newestFirst
      ? { openingMinor: this.running, closingMinor: this.edge, brokenAtRow: this.brokenAtRow }
      : { openingMinor: this.edge, closingMinor: this.running, brokenAtRow: this.brokenAtRow };
  }
}

export class StatementFactsCollector {
  private facts: Omit<StatementFacts, "balance"> = {
    count: 0,
    firstDay: null,
    lastDay: null,
    currency: null,
    mixedCurrencies: false,
    inMinor: 0n,
    outMinor: 0n,
  };
  private oldestFirst = new BalanceChain(false);
  private newestFirst = new BalanceChain(true);
  private firstRowDay: string | null = null;
  private lastRowDay: string | null = null;

  add(row: BankTransactionRow) {
    const facts = this.facts;
    facts.currency ??= row.currency;
    if (row.currency !== facts.currency) {
      facts.mixedCurrencies = true;
      return;
    }
    facts.count += 1;
    if (!facts.firstDay || row.occurredOn < facts.firstDay) facts.firstDay = row.occurredOn;
    if (!facts.lastDay || row.occurredOn > facts.lastDay) facts.lastDay = row.occurredOn;
    this.firstRowDay ??= row.occurredOn;
    this.lastRowDay = row.occurredOn;
    if (row.amountMinor >= 0n) facts.inMinor += row.amountMinor;
    else facts.outMinor -= row.amountMinor;
    this.oldestFirst.add(row);
    this.newestFirst.add(row);
  }

  result(): StatementFacts {
    return { ...this.facts, balance: this.chosenChain().result() };
  }

  /** The chain the file keeps; when both break, the order its dates run in. */
  private chosenChain(): BalanceChain {
    const oldest = this.oldestFirst;
    const newest = this.newestFirst;
    if (oldest.brokenAtRow === null) return oldest;
    if (newest.brokenAtRow === null) return newest;
    const datesDescend = this.firstRowDay !== null && this.lastRowDay !== null && this.firstRowDay > this.lastRowDay;
    return datesDescend ? newest : oldest;
  }
}
