// Properties that hold for any input, checked over random months (see random-world.ts):
// determinism (byte-identical output, whatever the input order), every group balanced to the cent,
// no row allocated beyond its amount (and every unallocated fen accounted for as unmatched),
// rejected pairs never proposed again, confirmed groups never touched by a new run.
import { describe, expect, it } from "vitest";
import { SPENT_SIDES, SPENT_SLOTS, SpentAllocationsBuilder, type ConfirmedMatch, type MatchItem, type MatchLink, type ReconcileInput, type ReconcileResult, type RejectedPair } from "@/lib/match-engine";
import { expectBalanced, hashResult, run } from "./helpers";
import { Random, randomWorld } from "./random-world";

const SEEDS = Array.from({ length: 40 }, (_, k) => k + 1);

type Role = "ORDER" | "LINE" | "WITHDRAWAL" | "BANK";
const SLOT: Record<Role, Partial<Record<MatchLink, "up" | "down">>> = {
  ORDER: { ORDER_SETTLEMENT: "down", ORDER_BANK: "down" },
  LINE: { ORDER_SETTLEMENT: "up", SETTLEMENT_PAYOUT: "down" },
  WITHDRAWAL: { SETTLEMENT_PAYOUT: "up", PAYOUT_BANK: "down" },
  BANK: { SETTLEMENT_PAYOUT: "up", PAYOUT_BANK: "up", ORDER_BANK: "up" },
};

/** Each row's role and amount, worked out here independently of the engine. */
function rowFacts(data: ReconcileInput): Map<string, { role: Role; amount: bigint }> {
  const facts = new Map<string, { role: Role; amount: bigint }>();
  const bankAccounts = new Set(data.accounts.filter((account) => account.type === "BANK").map((account) => account.id));
  for (const order of data.orders) facts.set(`order:${order.id}`, { role: "ORDER", amount: order.paidMinor });
  for (const line of data.settlementLines) facts.set(`settlement:${line.id}`, { role: line.lineType === "WITHDRAWAL" ? "WITHDRAWAL" : "LINE", amount: line.amountMinor });
  for (const row of data.bankTransactions) {
    const role: Role = bankAccounts.has(row.accountId) ? "BANK" : row.amountMinor < 0n && (row.memo ?? "").includes("提现") ? "WITHDRAWAL" : "LINE";
    facts.set(`bank:${row.id}`, { role, amount: row.amountMinor });
  }
  return facts;
}

const abs = (value: bigint) => (value < 0n ? -value : value);

/** (row, side) → magnitude allocated by these groups; throws if a row appears where it cannot. */
function allocations(data: ReconcileInput, groups: readonly { link?: MatchLink; items: readonly MatchItem[] }[]): Map<string, bigint> {
  const facts = rowFacts(data);
  const spent = new Map<string, bigint>();
  for (const group of groups) {
    for (const item of group.items) {
      const fact = facts.get(`${item.side}:${item.id}`);
      if (!fact) throw new Error(`unknown row ${item.side}:${item.id}`);
      const slot = SLOT[fact.role][group.link!];
      if (!slot) throw new Error(`${fact.role} ${item.id} cannot be in ${group.link}`);
      const key = `${item.side}:${item.id}:${slot}`;
      spent.set(key, (spent.get(key) ?? 0n) + abs(item.amountMinor));
    }
  }
  return spent;
}

function expectWithinAmounts(data: ReconcileInput, result: ReconcileResult, confirmed: readonly ConfirmedMatch[] = []): void {
  const facts = rowFacts(data);
  const spent = allocations(data, [...confirmed, ...result.proposals]);
  for (const [key, magnitude] of spent) {
    const [side, id] = key.split(":");
    expect(magnitude <= abs(facts.get(`${side}:${id}`)!.amount), key).toBe(true);
  }
  // What no group took is what the unmatched list says is left.
  for (const side of ["orders", "settlement", "bank"] as const) {
    for (const item of result.unmatched[side]) {
      const slot = item.direction === "upstream" ? "up" : "down";
      const taken = spent.get(`${item.side}:${item.id}:${slot}`) ?? 0n;
      expect(item.remainingMinor + taken, `${item.side}:${item.id}:${slot}`).toBe(abs(facts.get(`${item.side}:${item.id}`)!.amount));
    }
  }
}

const shuffled = (data: ReconcileInput, seed: number): ReconcileInput => {
  const random = new Random(seed * 7919);
  return {
    stores: random.shuffle(data.stores),
    accounts: random.shuffle(data.accounts),
    orders: random.shuffle(data.orders),
    settlementLines: random.shuffle(data.settlementLines),
    bankTransactions: random.shuffle(data.bankTransactions),
  };
};

describe("invariants over random months", () => {
  it.each(SEEDS)("seed %i: same input in any order → byte-identical output", (seed) => {
    const data = randomWorld(seed);
    const first = run(data);
    expect(first.proposals.length).toBeGreaterThan(0);
    expect(hashResult(run(data))).toBe(hashResult(first));
    expect(hashResult(run(shuffled(data, seed)))).toBe(hashResult(first));
  });

  it.each(SEEDS)("seed %i: groups balance, allocations stay within amounts, the rest is unmatched", (seed) => {
    const data = randomWorld(seed);
    const result = run(data);
    expectBalanced(result);
    expectWithinAmounts(data, result);
    expect(new Set(result.proposals.map((proposal) => proposal.key)).size).toBe(result.proposals.length);
    expect(result.proposals.filter((proposal) => proposal.pass === 4).every((proposal) => !proposal.autoConfirm)).toBe(true);
  });

  it.each(SEEDS)("seed %i: a rejected pair is never proposed again", (seed) => {
    const data = randomWorld(seed);
    const random = new Random(seed);
    const rejected: RejectedPair[] = [];
    for (const proposal of run(data).proposals) {
      if (proposal.items.length < 2 || !random.chance(0.4)) continue;
      const [a, b] = random.shuffle(proposal.items);
      rejected.push({ a: { side: a!.side, id: a!.id }, b: { side: b!.side, id: b!.id } });
    }
    expect(rejected.length).toBeGreaterThan(0);
    const again = run({ ...data, rejected });
    for (const proposal of again.proposals) {
      const members = new Set(proposal.items.map((item) => `${item.side}:${item.id}`));
      for (const pair of rejected) expect(members.has(`${pair.a.side}:${pair.a.id}`) && members.has(`${pair.b.side}:${pair.b.id}`), proposal.key).toBe(false);
    }
    expectWithinAmounts(data, again);
  });

  it.each(SEEDS)("seed %i: confirmed groups are never touched by a new run", (seed) => {
    const data = randomWorld(seed);
    const random = new Random(seed + 1000);
    const confirmed: ConfirmedMatch[] = run(data)
      .proposals.filter(() => random.chance(0.5))
      .map((proposal) => ({ key: proposal.key, link: proposal.link, items: proposal.items, adjustments: proposal.adjustments }));
    expect(confirmed.length).toBeGreaterThan(0);
    const again = run({ ...data, confirmed });
    const confirmedKeys = new Set(confirmed.map((match) => match.key));
    expect(again.proposals.some((proposal) => confirmedKeys.has(proposal.key))).toBe(false);
    expect(again.stats.confirmedOverAllocated).toBe(0);
    // Together with the confirmed groups, nothing is allocated twice.
    expectWithinAmounts(data, again, confirmed);
    // Confirming is stable: with everything confirmed, a new run proposes exactly what was left.
    const everything = run(data).proposals.map((proposal) => ({ key: proposal.key, items: proposal.items }));
    const rest = run({ ...data, confirmed: everything });
    expect(rest.proposals).toEqual([]);
  });

  it.each(SEEDS)("seed %i: booked items given in columns spend exactly what the groups would", (seed) => {
    const data = randomWorld(seed);
    const random = new Random(seed + 2000);
    const booked = run(data).proposals.filter(() => random.chance(0.5));
    const columns = new SpentAllocationsBuilder();
    for (const proposal of booked) {
      for (const item of proposal.items) columns.push(SPENT_SIDES.indexOf(item.side), Number(item.id), SPENT_SLOTS.indexOf(item.slot!), Number(item.amountMinor));
    }
    const asGroups = run({ ...data, confirmed: booked.map((proposal) => ({ key: proposal.key, link: proposal.link, items: proposal.items })) });
    const asColumns = run({ ...data, spent: columns.build() });
    expect(hashResult(asColumns)).toBe(hashResult(asGroups));
    expect(asColumns.stats.confirmedOverAllocated).toBe(0);
    // Items that ask for more than is left (inconsistent input: here every item twice) are clamped
    // and counted; nothing left goes below zero, and the groups they leave no room for are not made.
    for (const proposal of booked) for (const item of proposal.items) columns.push(SPENT_SIDES.indexOf(item.side), Number(item.id), SPENT_SLOTS.indexOf(item.slot!), Number(item.amountMinor));
    const twice = run({ ...data, spent: columns.build() });
    expect(twice.stats.confirmedOverAllocated).toBeGreaterThan(0);
    for (const side of ["orders", "settlement", "bank"] as const) for (const rest of twice.unmatched[side]) expect(rest.remainingMinor).toBeGreaterThanOrEqual(0n);
    const bookedKeys = new Set(booked.map((proposal) => proposal.key));
    expect(twice.proposals.some((proposal) => bookedKeys.has(proposal.key))).toBe(false);
    // The loader's order (a parallel scan varies it) changes nothing, not even the count.
    const reversed = new SpentAllocationsBuilder();
    const all = columns.build();
    for (let item = all.count - 1; item >= 0; item--) reversed.push(all.side[item]!, all.rowId[item]!, all.slot[item]!, all.amountMinor[item]!);
    const twiceReversed = run({ ...data, spent: reversed.build() });
    expect(hashResult(twiceReversed)).toBe(hashResult(twice));
    expect(twiceReversed.stats).toEqual(twice.stats);
  });
});
