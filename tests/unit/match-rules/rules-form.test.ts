import { describe, expect, it } from "vitest";
import { defaultRules } from "@/lib/match-engine";
import { applyRulesPatch, formValuesToPatch, passOrderForForm, rulesToFormValues } from "@/lib/match-rules/rules-form";

describe("matching rules form", () => {
  it("shows amounts in yuan and rates in percent, and reads them back exactly", () => {
    const form = rulesToFormValues(defaultRules());
    expect(form).toMatchObject({
      toleranceMinor: "1.00",
      tolerancePercentBps: "0.1",
      "autoConfirm.maxRoundingMinor": "0.05",
      "autoConfirm.maxPromotionBps": "20",
      passes: "EXACT_KEYS,MANY_TO_ONE,AMOUNT_DATE,SUGGESTIONS",
    });
    const parsed = formValuesToPatch(form);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const roundTrip = applyRulesPatch(defaultRules(), parsed.patch);
    // The types come back in the canonical ADJUSTMENT_TYPES order: a set, not a list.
    expect([...roundTrip.autoConfirm.types].sort()).toEqual([...defaultRules().autoConfirm.types].sort());
    expect({ ...roundTrip, autoConfirm: { ...roundTrip.autoConfirm, types: [] } }).toEqual({
      ...defaultRules(),
      autoConfirm: { ...defaultRules().autoConfirm, types: [] },
    });
  });

  it("parses decimal yuan to integer minor units without floats", () => {
    const parsed = formValuesToPatch({ ...rulesToFormValues(defaultRules()), toleranceMinor: "0.29", "autoConfirm.maxTransferFeeMinor": "１２．３" });
    expect(parsed.ok && parsed.patch.toleranceMinor).toBe(29n);
    expect(parsed.ok && parsed.patch.autoConfirm.maxTransferFeeMinor).toBe(1230n);
  });

  it("rejects negative amounts and fractions of a fen", () => {
    for (const bad of ["-1", "0.001", "abc"]) {
      const parsed = formValuesToPatch({ ...rulesToFormValues(defaultRules()), toleranceMinor: bad });
      expect(parsed.ok, bad).toBe(false);
    }
  });

  it("lists switched-off passes after the running ones", () => {
    expect(passOrderForForm(["AMOUNT_DATE", "EXACT_KEYS", "MANY_TO_ONE"])).toEqual([
      { kind: "AMOUNT_DATE", enabled: true },
      { kind: "EXACT_KEYS", enabled: true },
      { kind: "MANY_TO_ONE", enabled: true },
      { kind: "SUGGESTIONS", enabled: false },
    ]);
  });
});
