import { describe, expect, it } from "vitest";
import { cursorRows } from "@/lib/export-sources/cursor-rows";
import { db } from "./fixtures";

describe("cursorRows", () => {
  it("streams a parameterised query in batches, in its order, inside one transaction", async () => {
    const batches = await db.$transaction(async (tx) => {
      const seen: { n: number; big: bigint }[][] = [];
      for await (const batch of cursorRows<{ n: number; big: bigint }>(tx, `SELECT n::int AS n, (n * $2::bigint) AS big FROM generate_series(1, $1::int) n ORDER BY n DESC`, [5, 10_000_000_000n], 2)) seen.push(batch);
      return seen;
    });
    expect(batches.map((batch) => batch.map((row) => row.n))).toEqual([[5, 4], [3, 2], [1]]);
    expect(batches[0]![0]!.big).toBe(50_000_000_000n);
  });
});
