// An alert's sentence in the reader's language: `alerts.message.<TYPE>` filled with its facts, and
// `alerts.howToClear.<TYPE>` saying what clears it. Facts follow one naming rule so every type is
// formatted alike (lib/shared/field-unit.ts): money (digits of minor units) is shown in yuan, a rate
// in basis points in percent; anything else goes in as it is.
import { formatMinor } from "@/lib/money";
import { formatBpsAsPercent } from "@/lib/shared/percent-bps";
import { fieldUnit } from "@/lib/shared/field-unit";
import type { AlertFacts } from "./alert-finding";
import type { AlertType } from "./alert-types";

export type AlertTranslator = (key: string, values?: Record<string, string | number>) => string;

export function formatAlertFacts(facts: AlertFacts, currency: string, locale: "zh-CN" | "en"): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(facts)) {
    const unit = fieldUnit(key);
    if (unit === "money" && /^-?\d+$/.test(String(value))) values[key] = formatMinor(BigInt(value), currency, locale);
    else if (unit === "percent" && Number.isInteger(Number(value))) values[key] = `${formatBpsAsPercent(Number(value))}%`;
    else values[key] = value;
  }
  return values;
}

export function alertMessage(t: AlertTranslator, alert: { type: AlertType; facts: AlertFacts; currency: string }, locale: "zh-CN" | "en"): string {
  return t(`alerts.message.${alert.type}`, formatAlertFacts(alert.facts, alert.currency, locale));
}

export function alertHowToClear(t: AlertTranslator, type: AlertType): string {
  return t(`alerts.howToClear.${type}`);
}
