// What a bank or wallet file says about itself, gathered while the preview reads it: the first and
// last booking day, money in and out, the row count, and — when the statement prints running
// balances — whether opening + movements = closing, with the first row where a printed balance
// breaks the chain. Memory stays constant: a million-row statement is checked in one pass.
import { BalanceChains, type BalanceCheck } from "@/lib/import/balances/balance-chains";
import type { BankTransactionRow } from "@/lib/import/types";

export type { BalanceCheck };

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
  private chains = new BalanceChains();

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
    if (row.amountMinor >= 0n) facts.inMinor += row.amountMinor;
    else facts.outMinor -= row.amountMinor;
    this.chains.add(row);
  }

  result(): StatementFacts {
    return { ...this.facts, balance: this.chains.chosen().result() };
  }
}
