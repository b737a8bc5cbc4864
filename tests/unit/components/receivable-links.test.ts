import { describe, expect, it } from "vitest";
import { bucketLabel } from "@/lib/receivables/bucket-label";
import { daysText } from "@/components/receivables/days-text";
import { orderParam, ordersHref, readOrderParam, withParams } from "@/components/receivables/receivable-links";
import { agingBuckets } from "@/lib/receivables/aging-buckets";

const STORE = "0198f0aa-0000-7000-8000-000000000001";
const echo = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ""}`;

describe("links between the 回款管理 pages", () => {
  it("carries a figure's filters to the order list, leaving out what is not set", () => {
    expect(ordersHref({ store: STORE, bucket: "over:30", from: "2025-03-01", to: undefined, asOf: "2025-04-10" })).toBe(`/receivables/orders?store=${STORE}&bucket=over%3A30&from=2025-03-01&asOf=2025-04-10`);
    expect(ordersHref({})).toBe("/receivables/orders");
  });

  it("reads back the drawer's order, order numbers with colons included, and nothing else", () => {
    expect(readOrderParam(orderParam(STORE, "A:1"))).toEqual({ storeId: STORE, orderNo: "A:1" });
    expect(readOrderParam(`${STORE}:`)).toBeNull();
    expect(readOrderParam("not-a-store:123")).toBeNull();
    expect(readOrderParam(undefined)).toBeNull();
  });

  it("changes one parameter and keeps the rest", () => {
    expect(withParams({ store: STORE, order: "x", page: undefined }, { order: undefined })).toBe(`/receivables/orders?store=${STORE}`);
  });
});

describe("words of the aging", () => {
  it("names every default bucket", () => {
    expect(agingBuckets([7, 30], [7, 30, 60, 90]).map((bucket) => bucketLabel(echo, bucket))).toEqual([
      'dueBeyond{"low":30}',
      'dueWithin{"low":8,"high":30}',
      'dueWithin{"low":0,"high":7}',
      'overWithin{"low":1,"high":7}',
      'overWithin{"low":8,"high":30}',
      'overWithin{"low":31,"high":60}',
      'overWithin{"low":61,"high":90}',
      'overBeyond{"low":90}',
    ]);
  });

  it("says days late, days to go, or today", () => {
    expect(daysText(12, echo)).toBe('days.overdue{"days":12}');
    expect(daysText(-3, echo)).toBe('days.toGo{"days":3}');
    expect(daysText(0, echo)).toBe("days.today");
    expect(daysText(null, echo)).toBe("");
  });
});
