// A statement's printed running balances, followed in one pass with constant memory. A printed
// balance is the balance after its row. Exports list oldest first (each balance = the one before +
// this row's amount) or newest first (the next row's balance = this one − this row's amount); both
// chains are followed and the one the file keeps is chosen.
//
// Besides where a chain breaks, each chain notes the first row whose sign contradicts it: the
// balance moved by exactly the amount, but the other way. That is a misread direction (a card
// statement's positive spending taken as money in, a 借/贷 mark read backwards), never a gap in
// the statement, and the import refuses the file rather than store a wrong row.
import type { BankTransactionRow } from "../types";

export type BalanceCheck = { openingMinor: bigint; closingMinor: bigint; brokenAtRow: number | null };

type ChainRow = Pick<BankTransactionRow, "amountMinor" | "balanceMinor" | "sourceRow">;

class BalanceChain {
  private running: bigint | null = null;
  private pending = 0n;
  private edge: bigint | null = null;
  /** Newest first: the row read just before, when it printed a balance (its sign is checked by the next). */
  private previous: ChainRow | null = null;
  brokenAtRow: number | null = null;
  signReversedAtRow: number | null = null;
  seen = false;

  constructor(private readonly newestFirst: boolean) {}

  add(row: ChainRow) {
    if (this.newestFirst) return this.addNewestFirst(row);
    if (this.running !== null) this.running += row.amountMinor;
    else this.pending += row.amountMinor;
    if (row.balanceMinor === undefined) return;
    if (this.running === null) this.edge = row.balanceMinor - this.pending;
    else if (this.running !== row.balanceMinor) {
      this.brokenAtRow ??= row.sourceRow;
      if (row.amountMinor !== 0n && this.running - 2n * row.amountMinor === row.balanceMinor) this.signReversedAtRow ??= row.sourceRow;
    }
    this.running = row.balanceMinor;
    this.seen = true;
  }

  private addNewestFirst(row: ChainRow) {
    if (row.balanceMinor === undefined) {
      if (this.running !== null) this.running -= row.amountMinor;
      else this.pending += row.amountMinor;
      this.previous = null;
      return;
    }
    if (this.running === null) this.edge = row.balanceMinor + this.pending;
    else if (this.running !== row.balanceMinor) {
      this.brokenAtRow ??= row.sourceRow;
      const before = this.previous;
      if (before && before.amountMinor !== 0n && this.running + 2n * before.amountMinor === row.balanceMinor) this.signReversedAtRow ??= before.sourceRow;
    }
    this.running = row.balanceMinor - row.amountMinor;
    this.previous = row;
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

/** Both orders followed at once; `chosen()` is the one the file keeps. Rows of one currency only. */
export class BalanceChains {
  private readonly oldestFirst = new BalanceChain(false);
  private readonly newestFirst = new BalanceChain(true);
  private firstDay: string | null = null;
  private lastDay: string | null = null;

  add(row: ChainRow & Pick<BankTransactionRow, "occurredOn">) {
    this.firstDay ??= row.occurredOn;
    this.lastDay = row.occurredOn;
    this.oldestFirst.add(row);
    this.newestFirst.add(row);
  }

  /** The chain the file keeps; when both break, the order its dates run in. */
  chosen(): BalanceChain {
    const { oldestFirst, newestFirst } = this;
    if (oldestFirst.brokenAtRow === null) return oldestFirst;
    if (newestFirst.brokenAtRow === null) return newestFirst;
    const datesDescend = this.firstDay !== null && this.lastDay !== null && this.firstDay > this.lastDay;
    return datesDescend ? newestFirst : oldestFirst;
  }
}
