import { describe, expect, it } from "vitest";
import { groupFilterProblems, hasProblems, isCalendarDay, pageProblem, receivableFilterProblems, unmatchedFilterProblems } from "@/lib/match-review/filter-problems";

const STORE = "0198f0aa-0000-7000-8000-000000000001";
const ACCOUNT = "0198f0aa-0000-7000-8000-000000000002";
const known = { stores: new Set([STORE]), accounts: new Set([ACCOUNT]), rules: new Set(["ORDER_NO", "MANUAL"]) };

describe("list filters the list cannot honour", () => {
  it("accepts what it can read, and empty fields as 'not set'", () => {
    expect(groupFilterProblems({ store: STORE, account: ACCOUNT, rule: "MANUAL", minConfidence: "80", min: "100", max: "1,000.5", from: "2025-03-01", to: "2025-03-31", page: "2" }, known)).toEqual({});
    expect(groupFilterProblems({ store: "", min: " ", from: "", page: "" }, known)).toEqual({});
  });

  it.each([
    [{ min: "abc" }, "min", "amountNotANumber"],
    [{ max: "1e9" }, "max", "amountNotANumber"],
    [{ min: "1.234" }, "min", "amountDecimals"],
    [{ min: "-5" }, "min", "amountNegative"],
    [{ max: "12345678901234567890" }, "max", "amountTooLarge"],
    [{ min: "500", max: "100" }, "max", "minAboveMax"],
    [{ from: "2025-02-30" }, "from", "date"],
    [{ to: "2025-13-01" }, "to", "date"],
    [{ from: "yesterday" }, "from", "date"],
    [{ from: "2025-04-01", to: "2025-03-01" }, "to", "fromAfterTo"],
    [{ store: "0198f0aa-0000-7000-8000-0000000000ff" }, "store", "unknownStore"],
    [{ account: "not-an-id" }, "account", "unknownAccount"],
    [{ rule: "GUESS" }, "rule", "unknownRule"],
    [{ minConfidence: "101" }, "minConfidence", "confidence"],
    [{ minConfidence: "abc" }, "minConfidence", "confidence"],
    [{ page: "0" }, "page", "pageInvalid"],
    [{ page: "two" }, "page", "pageInvalid"],
  ] as const)("%j is refused on %s as %s", (values, field, key) => {
    const problems = groupFilterProblems(values, known);
    expect(problems[field]?.key).toBe(key);
    expect(hasProblems(problems)).toBe(true);
  });

  it("checks a pane's store or account against the ones it offers", () => {
    expect(unmatchedFilterProblems({ owner: STORE }, new Set([STORE]))).toEqual({});
    expect(unmatchedFilterProblems({ owner: ACCOUNT }, new Set([STORE])).owner?.key).toBe("unknownOwner");
    expect(unmatchedFilterProblems({ q: "x".repeat(101) }, new Set()).q?.key).toBe("searchTooLong");
  });

  it("names a page past the last one", () => {
    expect(pageProblem(3, 3)).toBeUndefined();
    expect(pageProblem(1, 0)).toBeUndefined();
    expect(pageProblem(9, 3)).toEqual({ key: "pageBeyond", values: { page: 9, pages: 3 } });
  });

  it("knows the calendar", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2025-02-29")).toBe(false);
    expect(isCalendarDay("2025-04-31")).toBe(false);
    expect(isCalendarDay("2025-4-1")).toBe(false);
  });

  describe("the 回款管理 order list", () => {
    const MEMBER = "0198f0aa-0000-7000-8000-000000000003";
    const receivables = {
      stores: new Set([STORE]),
      buckets: new Set(["due:7", "over:7", "over:inf"]),
      members: new Set([MEMBER]),
      platforms: new Set(["TMALL", "JD"]),
      statuses: new Set(["NOT_DUE", "OVERDUE"]),
      follow: new Set(["OPEN", "RESOLVED"]),
    };

    it("accepts the company's own choices, nobody as owner, and an as-of day", () => {
      expect(receivableFilterProblems({ store: STORE, bucket: "over:7", owner: MEMBER, platform: "JD", status: "OVERDUE", follow: "OPEN", q: "3442", asOf: "2025-04-10", from: "2025-03-01", to: "2025-03-31" }, receivables)).toEqual({});
      expect(receivableFilterProblems({ owner: "none" }, receivables)).toEqual({});
    });

    it.each([
      [{ store: "0198f0aa-0000-7000-8000-00000000ffff" }, "store", "unknownStore"],
      [{ bucket: "over:999" }, "bucket", "unknownBucket"],
      [{ owner: "0198f0aa-0000-7000-8000-00000000ffff" }, "owner", "unknownMember"],
      [{ platform: "EBAY" }, "platform", "unknownPlatform"],
      [{ status: "PAID" }, "status", "unknownStatus"],
      [{ follow: "DONE" }, "follow", "unknownFollow"],
      [{ q: "9".repeat(65) }, "q", "orderNoTooLong"],
      [{ asOf: "2025-02-30" }, "asOf", "date"],
      [{ min: "abc" }, "min", "amountNotANumber"],
    ])("refuses %j under %s", (values, field, key) => {
      expect(receivableFilterProblems(values, receivables)[field]?.key).toBe(key);
    });
  });
});
