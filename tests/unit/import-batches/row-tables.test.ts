import { describe, expect, it } from "vitest";
import { ROW_TABLES, toCopyLine } from "@/lib/import-batches/row-tables";

describe("toCopyLine", () => {
  it("quotes text, doubles quotes, leaves NULL unquoted and numbers bare", () => {
    expect(toCopyLine(["a,b", 'say "hi"', null, undefined, 12, -123456n, ""])).toBe('"a,b","say ""hi""",,,12,-123456,""\n');
  });

  it("keeps newlines inside a quoted value", () => {
    expect(toCopyLine(["line 1\nline 2"])).toBe('"line 1\nline 2"\n');
  });
});

describe("ROW_TABLES", () => {
  it("gives every column a value, in order", () => {
    const scope = { orgId: "o", batchId: "b", targetId: "t" };
    const bank = ROW_TABLES.bank.values(
      { sourceRow: 7, occurredOn: "2025-03-01", amountMinor: -1500n, currency: "CNY", naturalKey: "k", memo: "手续费" },
      scope,
    );
    expect(bank).toHaveLength(ROW_TABLES.bank.columns.length);
    expect(bank.slice(0, 7)).toEqual(["o", "t", "b", 7, "2025-03-01", undefined, -1500n]);
    for (const kind of ["orders", "settlement", "bank"] as const) {
      expect(new Set(ROW_TABLES[kind].columns).size).toBe(ROW_TABLES[kind].columns.length);
      expect(ROW_TABLES[kind].columns).toEqual(expect.arrayContaining(["orgId", "batchId", "sourceRow", "naturalKey", ROW_TABLES[kind].targetColumn]));
    }
  });
});
