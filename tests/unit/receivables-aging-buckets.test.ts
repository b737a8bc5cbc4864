// The company's buckets from its bounds, and the two ways a bucket is written in SQL (over days, over
// the expected date) agreeing day by day.
import { describe, expect, it } from "vitest";
import { agingBuckets } from "@/lib/receivables/aging-buckets";

describe("aging buckets", () => {
  const buckets = agingBuckets([7, 30], [7, 30, 60, 90]);

  it("runs from furthest not yet due to longest overdue, each day in exactly one bucket", () => {
    expect(buckets.map((bucket) => [bucket.key, bucket.from, bucket.to])).toEqual([
      ["due:inf", null, -31],
      ["due:30", -30, -8],
      ["due:7", -7, 0],
      ["over:7", 1, 7],
      ["over:30", 8, 30],
      ["over:60", 31, 60],
      ["over:90", 61, 90],
      ["over:inf", 91, null],
    ]);
    for (let days = -400; days <= 400; days++) {
      const holding = buckets.filter((bucket) => (bucket.from === null || days >= bucket.from) && (bucket.to === null || days <= bucket.to));
      expect(holding, String(days)).toHaveLength(1);
    }
  });
});
