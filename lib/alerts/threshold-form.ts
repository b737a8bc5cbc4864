// A rule's thresholds as the settings form shows and takes them: money in yuan ("1000.00"), rates
// in percent ("0.5"), factors in whole percent ("150"), days as whole days; stored as the schemas of
// alert-thresholds.ts keep them (minor units, basis points). The unit of a field is read from its
// name's ending, the same rule alert-message.ts uses for facts, so a threshold a detector helper
// adds needs no code here.
import { fieldUnit } from "@/lib/shared/field-unit";
import { minorToDecimalString, readYuanInput } from "@/lib/money";
import { formatBpsAsPercent, parsePercentToBps } from "@/lib/shared/percent-bps";
import { ALERT_THRESHOLD_SCHEMAS, type AlertThresholds } from "./alert-thresholds";
import type { AlertType } from "./alert-types";


/** The fields of a type's thresholds, in the order its schema lists them. */
export function thresholdFields(type: AlertType): string[] {
  return Object.keys(ALERT_THRESHOLD_SCHEMAS[type].shape);
}

/** Stored thresholds → the texts the form's inputs show. */
export function thresholdsToForm<T extends AlertType>(type: T, thresholds: AlertThresholds[T]): Record<string, string> {
  const values = thresholds as Record<string, number>;
  return Object.fromEntries(
    thresholdFields(type).map((field) => {
      const value = values[field] ?? 0;
      const unit = fieldUnit(field);
      return [field, unit === "money" ? minorToDecimalString(BigInt(value)) : unit === "percent" ? formatBpsAsPercent(value) : String(value)];
    }),
  );
}

/** Which message says what is wrong with a field (under `alerts.validation`). */
export type ThresholdProblem = "money" | "percent" | "wholeNumber" | "range";

export type ThresholdFormResult<T extends AlertType> = { ok: true; thresholds: AlertThresholds[T] } | { ok: false; problems: Record<string, ThresholdProblem> };

const WHOLE = /^\s*\d{1,9}\s*$/;

/**
 * The form's texts → stored thresholds, checked by the type's schema (its bounds). An empty field
 * takes the default; each field that cannot be read names its problem.
 */
export function thresholdsFromForm<T extends AlertType>(type: T, input: Record<string, string | undefined>): ThresholdFormResult<T> {
  const stored: Record<string, number> = {};
  const problems: Record<string, ThresholdProblem> = {};
  for (const field of thresholdFields(type)) {
    const text = (input[field] ?? "").trim();
    if (text === "") continue;
    const unit = fieldUnit(field);
    if (unit === "money") {
      const read = readYuanInput(text);
      if (!read.ok || read.value > BigInt(Number.MAX_SAFE_INTEGER)) problems[field] = "money";
      else stored[field] = Number(read.value);
    } else if (unit === "percent") {
      const bps = parsePercentToBps(text);
      if (bps === null) problems[field] = "percent";
      else stored[field] = bps;
    } else if (!WHOLE.test(text)) problems[field] = "wholeNumber";
    else stored[field] = Number(text);
  }
  const checked = ALERT_THRESHOLD_SCHEMAS[type].safeParse(stored);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field && !problems[field]) problems[field] = "range";
    }
  }
  if (Object.keys(problems).length > 0 || !checked.success) return { ok: false, problems };
  return { ok: true, thresholds: checked.data as AlertThresholds[T] };
}
