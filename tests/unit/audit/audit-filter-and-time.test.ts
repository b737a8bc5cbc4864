// The audit page's clock and filters: local time of the company, and filters that refuse what they
// cannot use with a message instead of quietly showing everything.
import { describe, expect, it } from "vitest";
import { isDay, parseAuditFilter } from "@/lib/audit/audit-filter";
import { formatLocalDateTime, localDayEnd, localDayStart } from "@/lib/shared/local-time";

describe("local time", () => {
  it("writes an instant in the company's zone as yyyy-MM-dd HH:mm:ss", () => {
    expect(formatLocalDateTime(new Date("2025-11-03T06:05:09Z"), "Asia/Shanghai")).toBe("2025-11-03 14:05:09");
    expect(formatLocalDateTime(new Date("2025-11-30T16:00:00Z"), "Asia/Shanghai")).toBe("2025-12-01 00:00:00");
    expect(formatLocalDateTime(new Date("2025-07-01T12:00:00Z"), "America/New_York")).toBe("2025-07-01 08:00:00");
  });
  it("turns a local day into the instants it starts and ends", () => {
    expect(localDayStart("2025-11-03", "Asia/Shanghai").toISOString()).toBe("2025-11-02T16:00:00.000Z");
    expect(localDayEnd("2025-11-30", "Asia/Shanghai").toISOString()).toBe("2025-11-30T16:00:00.000Z");
    expect(localDayStart("2025-03-09", "America/New_York").toISOString()).toBe("2025-03-09T05:00:00.000Z");
    expect(localDayStart("2025-03-10", "America/New_York").toISOString()).toBe("2025-03-10T04:00:00.000Z");
  });
});

describe("audit filter", () => {
  it("refuses a start date after the end date", () => {
    const { filter, problems } = parseAuditFilter({ from: "2025-11-30", to: "2025-11-01" });
    expect(problems).toEqual([{ field: "from", messageKey: "fromAfterTo" }]);
    expect(filter.from).toBe("2025-11-30");
  });
  it("refuses days that do not exist and values no list offers", () => {
    expect(isDay("2025-02-29")).toBe(false);
    expect(isDay("2024-02-29")).toBe(true);
    const { problems } = parseAuditFilter({ from: "2025-02-30", to: "tomorrow", actor: "x'; drop", action: "store.update;", target: "x".repeat(101) });
    expect(problems.map((p) => `${p.field}:${p.messageKey}`).sort()).toEqual(["action:badAction", "actor:badActor", "from:badDate", "target:targetTooLong", "to:badDate"]);
  });
  it("keeps what it can use, and pages within bounds", () => {
    const { filter, problems } = parseAuditFilter({ action: "store.", actor: "system", target: " 天猫 ", page: "-3", size: "100" });
    expect(problems).toEqual([]);
    expect(filter).toEqual({ action: "store.", actor: "system", target: "天猫", page: 1, pageSize: 100 });
    expect(parseAuditFilter({ size: "7" }, 500).filter.pageSize).toBe(500);
  });
});
