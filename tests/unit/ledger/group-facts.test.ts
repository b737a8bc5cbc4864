import { describe, expect, it } from "vitest";
import { groupFacts, type RowFacts } from "@/lib/ledger/group-facts";

const rows: Record<string, RowFacts> = {
  "order:1": { day: "2025-03-01", storeId: "b-store" },
  "settlement:2": { day: "2025-03-06", storeId: "a-store" },
  "bank:3": { day: "2025-03-04", accountId: "bank" },
  "order:4": { storeId: "b-store" },
};
const rowOf = (item: { side: string; id: string }) => rows[`${item.side}:${item.id}`];

describe("groupFacts", () => {
  it("sums what arrived upstream as a magnitude, the adjustments, and counts every item", () => {
    const facts = groupFacts(
      [
        { side: "order", id: "1", slot: "down", amountMinor: -10_000n },
        { side: "settlement", id: "2", slot: "up", amountMinor: 9_940n },
        { side: "bank", id: "3", slot: "UP", amountMinor: 0n },
      ],
      [{ amountMinor: 60n }],
      rowOf,
    );
    expect(facts).toEqual({ amountMinor: 9_940n, differenceMinor: 60n, rowCount: 3, day: "2025-03-06", storeIds: ["a-store", "b-store"], fundAccountIds: ["bank"] });
  });

  it("takes a withdrawal's negative up side as money that arrived, and keeps undated or unknown rows out of the day", () => {
    const facts = groupFacts(
      [
        { side: "settlement", id: "9", slot: "up", amountMinor: -500n },
        { side: "order", id: "4", slot: "down", amountMinor: 500n },
      ],
      [],
      rowOf,
    );
    expect(facts).toEqual({ amountMinor: 500n, differenceMinor: 0n, rowCount: 2, day: null, storeIds: ["b-store"], fundAccountIds: [] });
  });
});
