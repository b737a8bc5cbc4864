import { describe, expect, it } from "vitest";
import type { BankTransactionRow } from "@/lib/import/types";
import { StatementFactsCollector } from "@/lib/import-batches/statement-facts";

const row = (sourceRow: number, occurredOn: string, amount: number, balance?: number, currency = "CNY"): BankTransactionRow => ({
  sourceRow,
  occurredOn,
  amountMinor: BigInt(amount),
  balanceMinor: balance === undefined ? undefined : BigInt(balance),
  currency,
  naturalKey: `k${sourceRow}`,
});

function collect(rows: BankTransactionRow[]) {
  const collector = new StatementFactsCollector();
  for (const r of rows) collector.add(r);
  return collector.result();
}

describe("StatementFactsCollector", () => {
  it("dates, totals in and out, and the balance chain of an oldest-first statement", () => {
    const facts = collect([row(2, "2025-03-01", 10000, 110000), row(3, "2025-03-05", -2500, 107500), row(4, "2025-03-31", 500, 108000)]);
    expect(facts).toMatchObject({ count: 3, firstDay: "2025-03-01", lastDay: "2025-03-31", inMinor: 10500n, outMinor: 2500n });
    expect(facts.balance).toEqual({ openingMinor: 100000n, closingMinor: 108000n, brokenAtRow: null });
  });

  it("follows a newest-first statement (as the BOC export lists)", () => {
    const facts = collect([row(3, "2025-08-22", -7189, 324028), row(4, "2025-08-22", -32600, 331217), row(5, "2025-08-20", 1000, 363817)]);
    expect(facts.balance).toEqual({ openingMinor: 362817n, closingMinor: 324028n, brokenAtRow: null });
  });

  it("names the first row whose printed balance breaks the chain", () => {
    const facts = collect([row(2, "2025-03-01", 10000, 110000), row(3, "2025-03-02", -2500, 107500), row(4, "2025-03-03", 500, 999999), row(5, "2025-03-04", 1, 1000000)]);
    expect(facts.balance?.brokenAtRow).toBe(4);
  });

  it("has no balance check when the statement prints no balances", () => {
    expect(collect([row(2, "2025-03-01", 100), row(3, "2025-03-02", -50)]).balance).toBeNull();
  });

  it("counts rows between printed balances into the chain", () => {
    const facts = collect([row(2, "2025-03-01", 100), row(3, "2025-03-01", 200, 1300), row(4, "2025-03-02", -50), row(5, "2025-03-02", -50, 1200)]);
    expect(facts.balance).toEqual({ openingMinor: 1000n, closingMinor: 1200n, brokenAtRow: null });
  });

  it("keeps the totals to one currency and says when others were present", () => {
    const facts = collect([row(2, "2025-03-01", 100), row(3, "2025-03-01", 999, undefined, "USD")]);
    expect(facts).toMatchObject({ currency: "CNY", mixedCurrencies: true, inMinor: 100n, count: 1 });
  });
});
