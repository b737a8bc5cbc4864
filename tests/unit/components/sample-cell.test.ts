import { describe, expect, it } from "vitest";
import { sampleCellText } from "@/components/import/sample-cell";

describe("import preview cells", () => {
  it("keeps every letter of text cells: only date and time columns lose their T", () => {
    expect(sampleCellText({ memo: "拼多多提现 TX20250304001" }, "memo", "zh-CN")).toBe("拼多多提现 TX20250304001");
    expect(sampleCellText({ counterparty: "银联ATM取款" }, "counterparty", "zh-CN")).toBe("银联ATM取款");
    expect(sampleCellText({ orderNo: "T2025T01" }, "orderNo", "zh-CN")).toBe("T2025T01");
    expect(sampleCellText({ occurredAt: "2025-03-04T10:05:09" }, "occurredAt", "zh-CN")).toBe("2025-03-04 10:05:09");
    expect(sampleCellText({ createdAt: "2025-03-04T00:00:00" }, "createdAt", "en")).toBe("2025-03-04 00:00:00");
    expect(sampleCellText({ occurredOn: "2025-03-04" }, "occurredAt", "zh-CN")).toBe("2025-03-04");
  });

  it("shows money in the row's currency and nothing for an empty cell", () => {
    expect(sampleCellText({ amountMinor: "-123456", currency: "CNY" }, "amountMinor", "zh-CN")).toMatch(/1,234\.56/);
    expect(sampleCellText({}, "memo", "zh-CN")).toBe("");
  });
});
