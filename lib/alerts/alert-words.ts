// An alert in words for any reader (page, export, CLI): its rule's name, its sentence and how to
// clear it. The sentences (`alerts.message.<TYPE>`, `alerts.howToClear.<TYPE>`) come with each
// rule's detector; until a type has its own, the rule's name stands in rather than a raw key.
import { alertHowToClear, alertMessage, type AlertTranslator } from "./alert-message";
import type { AlertFacts } from "./alert-finding";
import type { AlertType } from "./alert-types";

export type CheckingTranslator = AlertTranslator & { has: (key: string) => boolean };

export function alertTypeName(t: CheckingTranslator, type: AlertType): string {
  return t.has(`alerts.types.${type}`) ? t(`alerts.types.${type}`) : type;
}

export function alertSentence(t: CheckingTranslator, alert: { type: AlertType; facts: AlertFacts; currency: string }, locale: "zh-CN" | "en"): string {
  if (!t.has(`alerts.message.${alert.type}`)) return alertTypeName(t, alert.type);
  try {
    return alertMessage(t, alert, locale);
  } catch {
    // Facts written before the message gained a value it needs: the name still reads.
    return alertTypeName(t, alert.type);
  }
}

export function alertClearing(t: CheckingTranslator, type: AlertType): string | null {
  return t.has(`alerts.howToClear.${type}`) ? alertHowToClear(t, type) : null;
}
