import { describe, expect, it } from "vitest";
import { parseDateTime } from "@/lib/import";
import { excelSerialToDateTime, parseTimeOfDay } from "@/lib/import/normalize/parse-date-time";

describe("parseDateTime keeps the wall-clock value as written", () => {
  it.each([
    ["2025-01-02 10:00:00", { date: "2025-01-02", time: "10:00:00" }],
    ["2025-01-02", { date: "2025-01-02" }],
    ["2025/1/2", { date: "2025-01-02" }],
    ["2022/9/19 17:44", { date: "2022-09-19", time: "17:44:00" }],
    ["2025.01.02", { date: "2025-01-02" }],
    ["20250102", { date: "2025-01-02" }],
    ["20250102 185319", { date: "2025-01-02", time: "18:53:19" }],
    ["2023-04-22     \t", { date: "2023-04-22" }],
    ["2012年12月29日 00:00:00", { date: "2012-12-29", time: "00:00:00" }],
    ["2024年3月1日", { date: "2024-03-01" }],
    ["２０２５－０１－０２", { date: "2025-01-02" }],
    // Offsets are dropped, not applied: the date written is the business date.
    ["2026-10-03 23:12:31 +0200", { date: "2026-10-03", time: "23:12:31" }],
    ["2025-01-02T23:30:00-08:00", { date: "2025-01-02", time: "23:30:00" }],
    ["2025-01-02T00:30:00Z", { date: "2025-01-02", time: "00:30:00" }],
    ["2025-01-02T00:30:00.123+08:00", { date: "2025-01-02", time: "00:30:00" }],
    ["2026-06-17 08:14:22 UTC", { date: "2026-06-17", time: "08:14:22" }],
    ["2026-06-17 00:00:00 PST", { date: "2026-06-17", time: "00:00:00" }],
    // Excel serial dates (days since 1899-12-30), as a re-saved sheet may hold them.
    ["45658", { date: "2025-01-01" }],
    ["45658.5", { date: "2025-01-01", time: "12:00:00" }],
    ["2024-02-29", { date: "2024-02-29" }],
  ])("%j", (text, expected) => {
    expect(parseDateTime(text)).toEqual(expected);
  });

  it.each(["", "abc", "2024-13-01", "2023-02-29", "2024-01-32", "2024-01-01 25:00:00", "1234", "12/31/2024", "合计"])("rejects %j", (text) => {
    expect(parseDateTime(text)).toBeNull();
  });

  it("converts serials with leap years and times exactly", () => {
    expect(excelSerialToDateTime(60.5)).toEqual({ date: "1900-02-28", time: "12:00:00" });
    expect(excelSerialToDateTime(46185.75)).toEqual({ date: "2026-06-12", time: "18:00:00" });
  });

  it.each([
    ["18:53:19", "18:53:19"],
    ["9:05", "09:05:00"],
    ["185319", "18:53:19"],
    ["24:00:00", null],
  ])("parseTimeOfDay(%j) → %s", (text, expected) => {
    expect(parseTimeOfDay(text)).toBe(expected);
  });
});
