import { describe, expect, it } from "vitest";
import { NaturalKeyAssigner, fingerprint } from "@/lib/import/normalize/natural-key";
import { expectImported, importText } from "./helpers";

describe("natural keys", () => {
  it("fingerprints ignore field order and undefined fields, and tell bigints from numbers", () => {
    expect(fingerprint({ a: 1n, b: "x" })).toBe(fingerprint({ b: "x", a: 1n, c: undefined }));
    expect(fingerprint({ a: 1n })).not.toBe(fingerprint({ a: 2n }));
  });

  it("counts repeats within one file", () => {
    const keys = new NaturalKeyAssigner("bank");
    const same = { occurredOn: "2024-01-01", amountMinor: -1200n };
    const first = keys.assign(same, undefined);
    expect(keys.assign(same, undefined)).toBe(`${first}#2`);
    expect(keys.assign(same, undefined)).toBe(`${first}#3`);
    expect(keys.assign({ ...same, amountMinor: -1300n }, undefined)).not.toContain("#");
    expect(keys.assign({}, "ID-1")).toBe("bank:ID-1");
    expect(keys.assign({}, "ID-1")).toBe("bank:ID-1#2");
  });

  it("two identical coffees on one day are both kept, and re-importing gives the same keys", async () => {
    const text = ["记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要", "2024-01-01,CNY,-12.00,,消费,咖啡店,", "2024-01-01,CNY,-12.00,,消费,咖啡店,"].join("\n");
    const first = expectImported(await importText("cmb.csv", text), "bank");
    const again = expectImported(await importText("cmb.csv", text), "bank");
    expect(first.rows).toHaveLength(2);
    expect(first.rows[1]?.naturalKey).toBe(`${first.rows[0]?.naturalKey}#2`);
    expect(again.rows.map((row) => row.naturalKey)).toEqual(first.rows.map((row) => row.naturalKey));
  });
});
