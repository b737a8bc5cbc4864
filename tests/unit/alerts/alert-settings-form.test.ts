// The pure pieces of 风险预警's pages: thresholds typed in yuan / percent / days and stored in minor
// units / basis points, the rule form read field by field, which lifecycle moves are allowed, and
// where a named row can be seen.
import { describe, expect, it } from "vitest";
import { canMove, refusedMoveKey } from "@/lib/alerts/alert-lifecycle";
import { alertRefHref } from "@/lib/alerts/alert-ref-link";
import { readRuleForm } from "@/lib/alerts/alert-rules-service";
import { alertFilterSchema } from "@/lib/alerts/list-alerts";
import { thresholdFields, thresholdsFromForm, thresholdsToForm } from "@/lib/alerts/threshold-form";
import { fieldUnit } from "@/lib/shared/field-unit";

const STORE = "0195a7c0-0000-7000-8000-00000000000a";
const ACCOUNT = "0195a7c0-0000-7000-8000-00000000000b";

describe("threshold form", () => {
  it("reads each field's unit from its name", () => {
    expect(["minAmountMinor", "toleranceBps", "learnedFactorPct", "days", "windowDays"].map(fieldUnit)).toEqual(["money", "percent", "factor", "days", "days"]);
    expect(thresholdFields("FEE_RATE_HIGH")).toEqual(["toleranceBps", "learnedFactorPct", "minFeeMinor"]);
    expect(thresholdFields("DUPLICATE_ROW")).toEqual([]);
  });

  it("stores yuan as minor units and percent as basis points, without floats", () => {
    const read = thresholdsFromForm("FEE_RATE_HIGH", { toleranceBps: "0.75", learnedFactorPct: "200", minFeeMinor: "1,234.56" });
    expect(read).toEqual({ ok: true, thresholds: { toleranceBps: 75, learnedFactorPct: 200, minFeeMinor: 123456 } });
    // 0.1 + 0.2 in floats is 0.30000000000000004; in yuan text it is 30 fen exactly.
    expect(thresholdsFromForm("BALANCE_BREAK", { toleranceMinor: "0.30" })).toEqual({ ok: true, thresholds: { toleranceMinor: 30 } });
  });

  it("gives an empty field its default, and shows stored values back in the units typed", () => {
    expect(thresholdsFromForm("OVERDUE_RECEIVABLE", { days: "", minAmountMinor: "" })).toEqual({ ok: true, thresholds: { days: 30, minAmountMinor: 0 } });
    expect(thresholdsToForm("FEE_RATE_HIGH", { toleranceBps: 75, learnedFactorPct: 150, minFeeMinor: 123456 })).toEqual({ toleranceBps: "0.75", learnedFactorPct: "150", minFeeMinor: "1234.56" });
    expect(thresholdsToForm("UNUSUAL_CHANGE", { windowDays: 14, factorPct: 300, minAmountMinor: 500000 })).toEqual({ windowDays: "14", factorPct: "300", minAmountMinor: "5000.00" });
  });

  it("names what is wrong with each field: not an amount, not a percent, not whole, out of range", () => {
    expect(thresholdsFromForm("UNUSUAL_CHANGE", { windowDays: "1.5", factorPct: "50", minAmountMinor: "-3" })).toEqual({
      ok: false,
      problems: { windowDays: "wholeNumber", factorPct: "range", minAmountMinor: "money" },
    });
    expect(thresholdsFromForm("FEE_RATE_HIGH", { toleranceBps: "abc" })).toEqual({ ok: false, problems: { toleranceBps: "percent" } });
    expect(thresholdsFromForm("OVERDUE_RECEIVABLE", { days: "3651" })).toEqual({ ok: false, problems: { days: "range" } });
  });

  it("reads the whole rule form: type, switch, thresholds, or the messages of its fields", () => {
    expect(readRuleForm({ type: "WITHDRAWAL_IN_TRANSIT", enabled: "on", days: "5" })).toEqual({ ok: true, change: { type: "WITHDRAWAL_IN_TRANSIT", enabled: true, thresholds: { days: 5 } } });
    expect(readRuleForm({ type: "WITHDRAWAL_IN_TRANSIT", days: "5" })).toMatchObject({ ok: true, change: { enabled: false } });
    expect(readRuleForm({ type: "NOPE" })).toEqual({ ok: false, problems: { type: "alerts.validation.type" } });
    expect(readRuleForm({ type: "BALANCE_BREAK", toleranceMinor: "1.234" })).toEqual({ ok: false, problems: { toleranceMinor: "alerts.validation.money" } });
  });
});

describe("alert lifecycle moves", () => {
  it("handles open alerts and only reopens closed ones", () => {
    expect((["NEW", "IN_PROGRESS", "RESOLVED", "IGNORED"] as const).map((status) => [canMove("assign", status), canMove("resolve", status), canMove("ignore", status), canMove("reopen", status)])).toEqual([
      [true, true, true, false],
      [true, true, true, false],
      [false, false, false, true],
      [false, false, false, true],
    ]);
    expect(refusedMoveKey("resolve", "RESOLVED")).toBe("alertAlreadyResolved");
    expect(refusedMoveKey("assign", "IGNORED")).toBe("alertAlreadyIgnored");
    expect(refusedMoveKey("reopen", "NEW")).toBe("alertNotClosed");
  });
});

describe("alert list filter", () => {
  it("shows the open alerts unless told otherwise, and drops values it cannot use", () => {
    expect(alertFilterSchema.parse({})).toMatchObject({ status: "open", page: 1 });
    expect(alertFilterSchema.parse({ status: "bogus", type: "NOPE", severity: "HIGH", from: "2025-02-30", to: "2025-03-31", store: "x" })).toMatchObject({
      status: "open",
      type: undefined,
      severity: "HIGH",
      from: undefined,
      to: "2025-03-31",
      store: undefined,
    });
    expect(alertFilterSchema.parse({ status: "all", assignee: "none", sort: "amount", dir: "asc" })).toMatchObject({ status: "all", assignee: "none", sort: "amount", dir: "asc" });
  });
});

describe("where a named row can be seen", () => {
  it("opens an order in 回款管理 and searches a bill line or bank row in the workspace", () => {
    const alert = { storeId: STORE, fundAccountId: ACCOUNT };
    expect(alertRefHref({ side: "ORDER", ref: "T-1001" }, alert)).toBe(`/receivables/orders?order=${STORE}%3AT-1001`);
    expect(alertRefHref({ side: "SETTLEMENT", ref: "B 7" }, alert)).toBe(`/reconcile/unmatched?left=lines&lowner=${STORE}&lq=B+7`);
    expect(alertRefHref({ side: "BANK", ref: "SN9" }, alert)).toBe(`/reconcile/unmatched?right=bank&rowner=${ACCOUNT}&rq=SN9`);
    expect(alertRefHref({ side: "BANK", ref: null }, alert)).toBeNull();
    expect(alertRefHref({ side: "ORDER", ref: "T-1" }, { storeId: null, fundAccountId: ACCOUNT })).toBeNull();
  });
});
