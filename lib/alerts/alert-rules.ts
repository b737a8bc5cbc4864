// A company's rules as the computation and the settings page read them: every type, enabled or not,
// with its thresholds (stored, else the defaults).
import type { Tx } from "@/lib/db/client";
import { ALERT_TYPES, type AlertType } from "./alert-types";
import { defaultThresholds, parseThresholds, type AlertThresholds } from "./alert-thresholds";

export type AlertRuleView<T extends AlertType = AlertType> = {
  type: T;
  enabled: boolean;
  thresholds: AlertThresholds[T];
  /** Whether the company set it (false: the defaults). */
  customized: boolean;
  updatedAt: Date | null;
  updatedById: string | null;
};

export async function loadAlertRules(tx: Tx, orgId: string): Promise<AlertRuleView[]> {
  const stored = await tx.alertRule.findMany({ where: { orgId } });
  const byType = new Map(stored.map((rule) => [rule.type, rule]));
  return ALERT_TYPES.map((type) => {
    const rule = byType.get(type);
    return rule
      ? { type, enabled: rule.enabled, thresholds: parseThresholds(type, rule.thresholds), customized: true, updatedAt: rule.updatedAt, updatedById: rule.updatedById }
      : { type, enabled: true, thresholds: defaultThresholds(type), customized: false, updatedAt: null, updatedById: null };
  });
}
