import { describe, expect, it } from "vitest";
import { monthInRange, monthsInView, workspaceRanges } from "@/lib/match-review/months-in-view";

const query = (params: Record<string, string>) => new URLSearchParams(params);
const months = [{ month: "2025-10" }, { month: "2025-09" }, { month: "2025-08" }];

describe("the months a workspace page has in view", () => {
  it("are every month without a date filter", () => {
    expect(monthsInView(months, workspaceRanges("/reconcile", query({})))).toEqual(months);
    expect(monthsInView(months, workspaceRanges("/reconcile/proposals", query({ store: "x" })))).toEqual(months);
  });

  it("are the months the filter's days touch, either end open", () => {
    expect(monthsInView(months, workspaceRanges("/reconcile/matched", query({ from: "2025-09-15", to: "2025-09-20" })))).toEqual([{ month: "2025-09" }]);
    expect(monthsInView(months, workspaceRanges("/reconcile/matched", query({ from: "2025-09-30" })))).toEqual([{ month: "2025-10" }, { month: "2025-09" }]);
    expect(monthInRange("2025-08", { to: "2025-08-01" })).toBe(true);
    expect(monthInRange("2025-08", { from: "2025-09-01" })).toBe(false);
  });

  it("on the unmatched page are the union of both panes", () => {
    const ranges = workspaceRanges("/reconcile/unmatched", query({ lfrom: "2025-08-01", lto: "2025-08-31", rfrom: "2025-10-01", rto: "2025-10-31" }));
    expect(monthsInView(months, ranges)).toEqual([{ month: "2025-10" }, { month: "2025-08" }]);
    // One pane unfiltered shows every month.
    expect(monthsInView(months, workspaceRanges("/reconcile/unmatched", query({ lfrom: "2025-08-01" })))).toHaveLength(3);
  });
});
