// How the shared table writes values: accountants' formats, decided by the column's type.
import { describe, expect, it } from "vitest";
import { alignOf, formatCell, isSummed, sumColumn, type DataColumn } from "@/components/data-table/columns";
import { formatReason } from "@/lib/match-engine/reason-messages";
import { pageSizeOf } from "@/lib/table-preferences/page-sizes";

describe("formatCell", () => {
  it("writes money in yuan with ¥ and thousands separators, from minor units", () => {
    expect(formatCell("money", 123_456_789n, "zh-CN")).toBe("¥1,234,567.89");
    expect(formatCell("money", -50n, "en")).toBe("-¥0.50");
  });
  it("writes rates as percent, never basis points", () => {
    expect(formatCell("percent", 0.6, "zh-CN")).toBe("0.6%");
    expect(formatCell("percent", 12.345, "en")).toBe("12.35%");
  });
  it("groups integers and leaves empty cells empty", () => {
    expect(formatCell("integer", 12_345, "zh-CN")).toBe("12,345");
    expect(formatCell("text", null, "zh-CN")).toBe("");
  });
  it("aligns and sums numbers only", () => {
    expect([alignOf("money"), alignOf("percent"), alignOf("text"), alignOf("date")]).toEqual(["right", "right", "left", "left"]);
    expect([isSummed("money"), isSummed("integer"), isSummed("percent"), isSummed("date")]).toEqual([true, true, false, false]);
  });
  it("adds up a selection's money exactly", () => {
    const column: DataColumn<{ amount: bigint }> = { id: "amount", header: "金额", type: "money", value: (row) => row.amount };
    expect(sumColumn(column, [{ amount: 10n }, { amount: 9_007_199_254_740_993n }])).toBe(9_007_199_254_741_003n);
  });
});

describe("pageSizeOf", () => {
  it("takes the URL's size when offered, else the remembered one, else 50", () => {
    expect(pageSizeOf("500", 100)).toBe(500);
    expect(pageSizeOf("37", 100)).toBe(100);
    expect(pageSizeOf(undefined, null)).toBe(50);
  });
});

describe("reasons", () => {
  it("print contracted rates as percent", () => {
    expect(formatReason({ code: "COMMISSION_WITHIN_CONTRACT", params: { contractBps: "60" } }, "zh-CN")).toBe("佣金未超过合同费率 0.6%");
    expect(formatReason({ code: "COMMISSION_WITHIN_CONTRACT", params: { contractBps: "500" } }, "en")).toBe("The commission is within the contracted rate of 5%");
  });
});
