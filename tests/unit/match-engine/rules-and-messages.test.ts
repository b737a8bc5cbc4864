// Rules are data (validated, defaulted, amounts from JSON); every reason code can be said in both
// languages with exactly the params it carries.
import { describe, expect, it } from "vitest";
import { ADJUSTMENT_LABELS, defaultRules, formatReason, parseRules, REASON_CODES, REASON_MESSAGES, REASON_PARAMS } from "@/lib/match-engine";

describe("rules", () => {
  it("fills defaults: ±3 days, ¥0.05 rounding, commission within contract, all four passes", () => {
    const rules = defaultRules("v1");
    expect(rules).toMatchObject({
      version: "v1",
      dateWindowDays: 3,
      toleranceMinor: 100n,
      autoConfirm: { maxRoundingMinor: 5n, commissionWithinContract: true, settlementDateGroups: false },
      passes: ["EXACT_KEYS", "MANY_TO_ONE", "AMOUNT_DATE", "SUGGESTIONS"],
      subsetSum: { maxCandidates: 20 },
      orderNoPrefixes: ["T200P"],
    });
    expect(rules.platformPayers.PDD).toEqual(["上海寻梦信息技术有限公司"]);
  });

  it("reads amounts stored as JSON strings or numbers", () => {
    const rules = parseRules({ version: "v2", toleranceMinor: "250", autoConfirm: { maxRoundingMinor: 2, maxTransferFeeMinor: "100" } });
    expect([rules.toleranceMinor, rules.autoConfirm.maxRoundingMinor, rules.autoConfirm.maxTransferFeeMinor]).toEqual([250n, 2n, 100n]);
  });

  it.each([
    [{ version: "" }, "version"],
    [{ version: "x", dateWindowDays: -1 }, "dateWindowDays"],
    [{ version: "x", toleranceMinor: "1.5" }, "toleranceMinor"],
    [{ version: "x", passes: ["EXACT_KEYS", "EXACT_KEYS"] }, "passes"],
    [{ version: "x", passes: ["GUESS"] }, "passes"],
    [{ version: "x", subsetSum: { maxCandidates: 40 } }, "subsetSum"],
    [{ version: "x", autoConfirm: { types: ["TIP"] } }, "autoConfirm"],
  ])("refuses %j (bad %s)", (input, field) => {
    expect(() => parseRules(input)).toThrow(field);
  });

  it("hands out fresh default lists, so one run's rules cannot change another's", () => {
    const first = defaultRules();
    first.passes.pop();
    first.platformPayers.JD!.push("x");
    expect(defaultRules().passes).toHaveLength(4);
    expect(defaultRules().platformPayers.JD).toHaveLength(1);
  });
});

describe("reason messages", () => {
  it.each(REASON_CODES)("%s has zh-CN and en texts naming exactly its params", (code) => {
    const params = [...REASON_PARAMS[code]].sort();
    for (const locale of ["zh-CN", "en"] as const) {
      const template = REASON_MESSAGES[code][locale];
      const named = [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
      expect(named, `${code} ${locale}`).toEqual(params);
    }
  });

  it("formats amounts as money and adjustment types as words", () => {
    const reason = { code: "SUM_WITHIN_TOLERANCE" as const, params: { expectedMinor: "123456", actualMinor: "123400", differenceMinor: "-56", toleranceMinor: "100" } };
    expect(formatReason(reason, "zh-CN")).toBe("应收 ¥1,234.56，实收 ¥1,234.00，差额 -¥0.56 在容差 ¥1.00 内");
    expect(formatReason(reason, "en")).toBe("Expected ¥1,234.56, received ¥1,234.00: the difference -¥0.56 is within the tolerance ¥1.00");
    expect(formatReason({ code: "DIFFERENCE_TYPE_NOT_AUTO", params: { type: "FEE", amountMinor: "50" } }, "zh-CN")).toBe("手续费 差额 ¥0.50 需人工确认");
    expect(Object.keys(ADJUSTMENT_LABELS)).toHaveLength(10);
  });
});
