// Amazon settlement report V2 flat file (tab-separated, real fixture layout with synthetic rows).
import { describe, expect, it } from "vitest";
import { expectImported, fixturePath, importPath, rowAt } from "./helpers";

describe("Amazon settlement report V2", () => {
  it("turns the summary row into the payout and every amount row into a typed line", async () => {
    const result = expectImported(await importPath(fixturePath("amazon-settlement/settlement-sample.txt")), "settlement");
    expect(result.delimiter).toBe("\t");
    // Line 2: 28471003921, …, deposit-date 2026-07-02 00:00:00 UTC, total-amount 582.89, USD.
    expect(rowAt(result.rows, 2)).toMatchObject({
      lineType: "WITHDRAWAL",
      payoutId: "28471003921",
      amountMinor: -58289n,
      currency: "USD",
      occurredOn: "2026-07-02",
      naturalKey: "amazon:settlement:28471003921",
    });
    // Line 3: Order, 114-8829371-4410258, ItemPrice / Principal, 129.99, posted 2026-06-17 08:14:22 UTC.
    expect(rowAt(result.rows, 3)).toMatchObject({
      lineType: "SALE",
      orderNo: "114-8829371-4410258",
      payoutId: "28471003921",
      amountMinor: 12999n,
      occurredOn: "2026-06-17",
      occurredAt: "2026-06-17T08:14:22",
    });
    expect(rowAt(result.rows, 5)).toMatchObject({ lineType: "COMMISSION", amountMinor: -1950n });
    expect(rowAt(result.rows, 6)).toMatchObject({ lineType: "SERVICE_FEE", amountMinor: -475n });
    expect(rowAt(result.rows, 14)).toMatchObject({ lineType: "REFUND", orderNo: "112-5561209-7742044", amountMinor: -12999n });
    expect(rowAt(result.rows, 16)).toMatchObject({ lineType: "COMMISSION", amountMinor: 1950n });
    expect(rowAt(result.rows, 19)).toMatchObject({ lineType: "SERVICE_FEE", amountMinor: -6428n, occurredOn: "2026-06-30" });
    expect(rowAt(result.rows, 23)).toMatchObject({ lineType: "ADJUSTMENT", amountMinor: 1875n, reference: "ADJ-99201884" });
  });

  it("has lines that add up to the settlement total", async () => {
    const result = expectImported(await importPath(fixturePath("amazon-settlement/settlement-sample.txt")), "settlement");
    const lines = result.rows.filter((row) => row.lineType !== "WITHDRAWAL");
    expect(lines.reduce((sum, row) => sum + row.amountMinor, 0n)).toBe(58289n);
    expect(result.rows.reduce((sum, row) => sum + row.amountMinor, 0n)).toBe(0n);
  });
});
