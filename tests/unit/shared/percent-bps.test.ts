import { describe, expect, it } from "vitest";
import { formatBpsAsPercent, parsePercentToBps } from "@/lib/shared/percent-bps";

describe("parsePercentToBps", () => {
  it.each([
    ["5", 500],
    ["0.6", 60],
    ["0.55", 55],
    ["0.55 %", 55],
    ["12.5％", 1250],
    ["0", 0],
    ["100", 10_000],
    [" 3.10 ", 310],
    ["0．6", 60],
  ])("%j → %d bps", (text, bps) => {
    expect(parsePercentToBps(text)).toBe(bps);
  });

  it.each(["", "abc", "-1", "0.555", "100.01", "1e2", "5,5"])("rejects %j", (text) => {
    expect(parsePercentToBps(text)).toBeNull();
  });
});

describe("formatBpsAsPercent", () => {
  it.each([
    [500, "5"],
    [60, "0.6"],
    [55, "0.55"],
    [0, "0"],
    [1250, "12.5"],
  ])("%d → %s", (bps, text) => {
    expect(formatBpsAsPercent(bps)).toBe(text);
    expect(parsePercentToBps(text)).toBe(bps);
  });
});
