// Pins each ledger fact of lib/ledger: which groups count, what a row has left, which day and month
// a row or group belongs to. The SQL spellings are checked against the TypeScript ones on real rows
// in tests/integration/ledger-facts.test.ts.
import { describe, expect, it } from "vitest";
import { MatchStatus } from "@/lib/db/generated/enums";
import { groupMonth, monthBounds, monthOf, orderBusinessDay, orderBusinessDaySql, rowBusinessDaySql } from "@/lib/ledger/business-day";
import { COUNTING_STATUSES, countingStatusSql, isCounting, notCountingStatusSql } from "@/lib/ledger/counting-groups";
import { rowRemaining, rowRemainingSql } from "@/lib/ledger/row-remaining";

describe("groups that count", () => {
  it("are the booked ones and the manual ones waiting for their reviewer, nothing else", () => {
    expect([...COUNTING_STATUSES].sort()).toEqual(["CONFIRMED", "PENDING_APPROVAL"]);
    const counting = Object.values(MatchStatus).filter((status) => isCounting(status));
    expect(counting.sort()).toEqual(["CONFIRMED", "PENDING_APPROVAL"]);
  });

  it("are spelled in SQL as lists that together name every status once", () => {
    expect(countingStatusSql("g.status")).toBe("g.status IN ('CONFIRMED', 'PENDING_APPROVAL')");
    // Listed rather than negated, so the (orgId, status) index finds the few groups that do not count.
    expect(notCountingStatusSql("g.status")).toBe("g.status IN ('PROPOSED', 'REJECTED', 'REVERSED')");
  });
});

describe("what a row has left", () => {
  it("is the magnitude of its amount less what was taken, whatever the amount's sign", () => {
    expect(rowRemaining(10_000n, 0n)).toBe(10_000n);
    expect(rowRemaining(10_000n, 3_000n)).toBe(7_000n);
    expect(rowRemaining(-9_500n, 9_500n)).toBe(0n);
    expect(rowRemaining(-500n, 200n)).toBe(300n);
  });

  it("treats nothing taken (NULL) as zero in SQL", () => {
    expect(rowRemainingSql(`t."amountMinor"`, "a.taken")).toBe(`(ABS(t."amountMinor") - COALESCE(a.taken, 0))::bigint`);
  });
});

describe("which day an order belongs to", () => {
  it("is the day it was paid, else ordered, else confirmed", () => {
    expect(orderBusinessDay({ paidOn: "2025-03-02", orderedOn: "2025-03-01", confirmedOn: "2025-03-09" })).toBe("2025-03-02");
    expect(orderBusinessDay({ orderedOn: "2025-01-31", confirmedOn: "2025-02-03" })).toBe("2025-01-31");
    expect(orderBusinessDay({ confirmedOn: "2025-02-03" })).toBe("2025-02-03");
    expect(orderBusinessDay({})).toBeUndefined();
  });

  it("is spelled in SQL in the same order of precedence", () => {
    expect(orderBusinessDaySql("o")).toBe(`COALESCE(o."paidAt", o."orderedAt", o."confirmedAt")`);
    expect(rowBusinessDaySql("ORDER", "o")).toBe(orderBusinessDaySql("o"));
    expect(rowBusinessDaySql("SETTLEMENT", "s")).toBe(`s."occurredOn"`);
    expect(rowBusinessDaySql("BANK", "b")).toBe(`b."occurredOn"`);
  });
});

describe("which month a group belongs to", () => {
  it("is the month of its latest dated row", () => {
    expect(monthOf("2025-03-31")).toBe("2025-03");
    expect(groupMonth(["2025-01-31", null, "2025-02-01", undefined])).toBe("2025-02");
    expect(groupMonth([null, undefined])).toBeUndefined();
  });
});

describe("a month's bounds", () => {
  it("gives its first and last day and the next month's first, across a year end and a leap February", () => {
    expect(monthBounds("2025-12")).toEqual({ first: "2025-12-01", last: "2025-12-31", next: "2026-01-01" });
    expect(monthBounds("2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29", next: "2024-03-01" });
  });
});
