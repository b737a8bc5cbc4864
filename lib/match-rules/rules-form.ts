// The matching-rules settings form as flat text fields, and back. Field names are the rules' own
// paths ("autoConfirm.maxRoundingMinor"), so an issue the rules schema raises lands next to the
// field that caused it. Amounts are typed in yuan and kept as integer minor units (parsed by
// lib/money, never through a float); rates are typed in percent and kept as basis points.
import { z } from "zod";
import { minorToDecimalString, parseAmountToMinor } from "@/lib/money";
import {
  ADJUSTMENT_TYPES,
  PASS_KINDS,
  defaultRules,
  reconcileRulesSchema,
  type AdjustmentType,
  type PassKind,
  type ReconcileRules,
} from "@/lib/match-engine";
import { formatBpsAsPercent, parsePercentToBps } from "@/lib/shared/percent-bps";

/** Platforms whose paying entities the form lists, in the order the settings show them. */
export const PAYER_PLATFORMS = ["TMALL", "TAOBAO", "JD", "PDD", "DOUYIN", "SHOPIFY", "AMAZON", "OTHER"] as const;
export type PayerPlatform = (typeof PAYER_PLATFORMS)[number];

/** Passes 1–3 always run (in the chosen order); pass 4 only proposes, so it may be switched off. */
export const OPTIONAL_PASSES: readonly PassKind[] = ["SUGGESTIONS"];

const INTEGER_FIELDS = ["dateWindowDays", "bookingLagDays", "subsetSum.maxCandidates"] as const;
const AMOUNT_FIELDS = ["toleranceMinor", "autoConfirm.maxRoundingMinor", "autoConfirm.maxTransferFeeMinor"] as const;
const PERCENT_FIELDS = ["tolerancePercentBps", "autoConfirm.maxServiceFeeBps", "autoConfirm.maxPromotionBps"] as const;

export type RulesFormValues = Record<string, string>;

/** The parts of the rules the form edits; the rest (wallet keywords, prefixes …) stays as stored. */
export type RulesFormPatch = Pick<
  ReconcileRules,
  "dateWindowDays" | "bookingLagDays" | "toleranceMinor" | "tolerancePercentBps" | "autoConfirm" | "passes" | "subsetSum" | "platformPayers"
>;

export function applyRulesPatch(current: ReconcileRules, patch: RulesFormPatch): ReconcileRules {
  return reconcileRulesSchema.parse({ ...current, ...patch });
}

/** Rules → the text each field shows. Checkboxes are "on" or absent, as a browser submits them. */
export function rulesToFormValues(rules: ReconcileRules): RulesFormValues {
  const values: RulesFormValues = {
    dateWindowDays: String(rules.dateWindowDays),
    bookingLagDays: String(rules.bookingLagDays),
    toleranceMinor: minorToDecimalString(rules.toleranceMinor),
    tolerancePercentBps: formatBpsAsPercent(rules.tolerancePercentBps),
    "autoConfirm.maxRoundingMinor": minorToDecimalString(rules.autoConfirm.maxRoundingMinor),
    "autoConfirm.maxTransferFeeMinor": minorToDecimalString(rules.autoConfirm.maxTransferFeeMinor),
    "autoConfirm.maxServiceFeeBps": formatBpsAsPercent(rules.autoConfirm.maxServiceFeeBps),
    "autoConfirm.maxPromotionBps": formatBpsAsPercent(rules.autoConfirm.maxPromotionBps),
    "subsetSum.maxCandidates": String(rules.subsetSum.maxCandidates),
    passes: rules.passes.join(","),
  };
  if (rules.autoConfirm.enabled) values["autoConfirm.enabled"] = "on";
  if (rules.autoConfirm.commissionWithinContract) values["autoConfirm.commissionWithinContract"] = "on";
  if (rules.autoConfirm.settlementDateGroups) values["autoConfirm.settlementDateGroups"] = "on";
  for (const type of rules.autoConfirm.types) values[`autoConfirm.types.${type}`] = "on";
  for (const platform of PAYER_PLATFORMS) values[`platformPayers.${platform}`] = (rules.platformPayers[platform] ?? []).join("\n");
  return values;
}

/** All four passes in the order to show them: the enabled ones first, as they run, then the rest. */
export function passOrderForForm(passes: readonly PassKind[]): { kind: PassKind; enabled: boolean }[] {
  return [
    ...passes.map((kind) => ({ kind, enabled: true })),
    ...PASS_KINDS.filter((kind) => !passes.includes(kind)).map((kind) => ({ kind, enabled: false })),
  ];
}

type Issue = { path: string; message: string };

function lines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

/**
 * Form text → the edited part of the rules, validated by the one rules schema (on top of the
 * defaults for the fields the form does not show). Type errors ("abc" in a day field) are reported
 * per field before the schema sees anything; the schema's own limits are reported per field after.
 */
export function formValuesToPatch(form: RulesFormValues): { ok: true; patch: RulesFormPatch } | { ok: false; issues: z.core.$ZodRawIssue[] } {
  const current = defaultRules();
  const issues: Issue[] = [];
  const numbers: Record<string, number | bigint> = {};

  for (const field of INTEGER_FIELDS) {
    const text = (form[field] ?? "").trim();
    if (!/^\d{1,6}$/.test(text)) issues.push({ path: field, message: "validation.wholeNumber" });
    else numbers[field] = Number(text);
  }
  for (const field of AMOUNT_FIELDS) {
    const text = (form[field] ?? "").trim();
    const parsed = parseAmountToMinor(text === "" ? "0" : text);
    if (!parsed.ok || parsed.value < 0n || parsed.value > BigInt(Number.MAX_SAFE_INTEGER)) {
      issues.push({ path: field, message: "matchingRules.validation.amount" });
    } else numbers[field] = parsed.value;
  }
  for (const field of PERCENT_FIELDS) {
    const text = (form[field] ?? "").trim();
    const bps = parsePercentToBps(text === "" ? "0" : text);
    if (bps === null) issues.push({ path: field, message: "validation.percent" });
    else numbers[field] = bps;
  }
  const passes = (form.passes ?? "").split(",").filter(Boolean);
  if (passes.some((pass) => !(PASS_KINDS as readonly string[]).includes(pass))) issues.push({ path: "passes", message: "validation.invalid_value" });
  else if (PASS_KINDS.some((kind) => !OPTIONAL_PASSES.includes(kind) && !passes.includes(kind))) {
    issues.push({ path: "passes", message: "matchingRules.validation.passesRequired" });
  }
  if (issues.length > 0) return { ok: false, issues: issues.map((issue) => ({ code: "custom", input: form, path: issue.path.split("."), message: issue.message })) };

  const checked = (field: string) => form[field] === "on" || form[field] === "true";
  const platformPayers: Partial<Record<PayerPlatform, string[]>> = {};
  for (const platform of PAYER_PLATFORMS) {
    const names = lines(form[`platformPayers.${platform}`] ?? "");
    if (names.length > 0) platformPayers[platform] = names;
  }

  const candidate = {
    ...current,
    dateWindowDays: numbers.dateWindowDays,
    bookingLagDays: numbers.bookingLagDays,
    toleranceMinor: numbers.toleranceMinor,
    tolerancePercentBps: numbers.tolerancePercentBps,
    autoConfirm: {
      ...current.autoConfirm,
      enabled: checked("autoConfirm.enabled"),
      commissionWithinContract: checked("autoConfirm.commissionWithinContract"),
      settlementDateGroups: checked("autoConfirm.settlementDateGroups"),
      maxRoundingMinor: numbers["autoConfirm.maxRoundingMinor"],
      maxTransferFeeMinor: numbers["autoConfirm.maxTransferFeeMinor"],
      maxServiceFeeBps: numbers["autoConfirm.maxServiceFeeBps"],
      maxPromotionBps: numbers["autoConfirm.maxPromotionBps"],
      types: ADJUSTMENT_TYPES.filter((type: AdjustmentType) => checked(`autoConfirm.types.${type}`)),
    },
    passes,
    subsetSum: { ...current.subsetSum, maxCandidates: numbers["subsetSum.maxCandidates"] },
    platformPayers,
  };

  const parsed = reconcileRulesSchema.safeParse(candidate);
  if (parsed.success) {
    const { dateWindowDays, bookingLagDays, toleranceMinor, tolerancePercentBps, autoConfirm, subsetSum } = parsed.data;
    return {
      ok: true,
      patch: { dateWindowDays, bookingLagDays, toleranceMinor, tolerancePercentBps, autoConfirm, passes: parsed.data.passes, subsetSum, platformPayers: parsed.data.platformPayers },
    };
  }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const field = path.join(".");
      // The schema's limits in words the person can act on; its own English text never reaches them.
      if (issue.code === "too_small" && typeof issue.minimum !== "bigint" && issue.origin === "number") {
        return { code: "custom", input: candidate, path, message: "matchingRules.validation.min", params: { min: Number(issue.minimum) } };
      }
      if (issue.code === "too_big" && typeof issue.maximum !== "bigint" && issue.origin === "number") {
        return { code: "custom", input: candidate, path, message: "matchingRules.validation.max", params: { max: Number(issue.maximum) } };
      }
      const amount = (AMOUNT_FIELDS as readonly string[]).includes(field);
      return { code: "custom", input: candidate, path, message: amount ? "matchingRules.validation.amount" : "validation.invalid_value" };
    }),
  };
}

/** The server action's schema: the rules version the person edited, and the edited rules. */
export const rulesFormSchema = z.record(z.string(), z.string()).transform((form, ctx) => {
  const expectedVersion = /^\d{1,9}$/.test(form.version ?? "") ? Number(form.version) : null;
  const result = formValuesToPatch(form);
  if (result.ok) return { expectedVersion, patch: result.patch };
  for (const issue of result.issues) ctx.addIssue(issue);
  return z.NEVER;
});
