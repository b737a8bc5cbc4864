// Changing one alert rule (预警规则) of a company: on or off, and its thresholds as the settings
// form types them (yuan, percent, days; threshold-form.ts turns them into what is stored). Only
// OWNER and ADMIN (`alerts.rules`). The change, its audit row (before and after, whole) and the
// company's AlertComputation marked stale — so the worker's next sweep recomputes with the new
// rule — commit together.
import { actorOf, writeAuditLog } from "@/lib/audit/write-audit-log";
import { can } from "@/lib/auth/roles";
import { atomically, type DbOrTx } from "@/lib/db/atomically";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { AlertActor } from "./alert-lifecycle";
import { loadAlertRules, type AlertRuleView } from "./alert-rules";
import { ALERT_THRESHOLD_SCHEMAS, type AlertThresholds } from "./alert-thresholds";
import { isAlertType, type AlertType } from "./alert-types";
import { thresholdsFromForm } from "./threshold-form";

export type AlertRuleChange<T extends AlertType = AlertType> = { type: T; enabled: boolean; thresholds: AlertThresholds[T] };

/** The settings form's fields (type, enabled "on", one text per threshold) → the change, or the fields' problems. */
export function readRuleForm(input: Record<string, string | undefined>): { ok: true; change: AlertRuleChange } | { ok: false; problems: Record<string, string> } {
  const type = input.type;
  if (!isAlertType(type)) return { ok: false, problems: { type: "alerts.validation.type" } };
  const read = thresholdsFromForm(type, input);
  if (!read.ok) return { ok: false, problems: Object.fromEntries(Object.entries(read.problems).map(([field, problem]) => [field, `alerts.validation.${problem}`])) };
  return { ok: true, change: { type, enabled: input.enabled === "on" || input.enabled === "true", thresholds: read.thresholds } };
}

function auditView(rule: Pick<AlertRuleView, "type" | "enabled" | "thresholds" | "customized">) {
  return { type: rule.type, enabled: rule.enabled, thresholds: rule.thresholds, customized: rule.customized };
}

export async function updateAlertRule(db: DbOrTx, actor: AlertActor, change: AlertRuleChange): Promise<AlertRuleView> {
  if (!can(actor.role, "alerts.rules")) throw new AppError("FORBIDDEN");
  if (!isAlertType(change.type)) throw new AppError("INVALID", { messageKey: "alertRuleUnknown", field: "type" });
  // The thresholds as the schema keeps them: bounds checked, defaults filled, unknown fields dropped.
  const parsed = thresholdsFromStored(change);
  return atomically(db, async (tx) => {
    const before = (await loadAlertRules(tx, actor.orgId)).find((rule) => rule.type === change.type)!;
    const thresholds = parsed as unknown as Prisma.InputJsonValue;
    await tx.alertRule.upsert({
      where: { orgId_type: { orgId: actor.orgId, type: change.type } },
      create: { orgId: actor.orgId, type: change.type, enabled: change.enabled, thresholds, updatedById: actor.userId },
      update: { enabled: change.enabled, thresholds, updatedById: actor.userId },
    });
    // The next sweep recomputes; a company never computed has nothing stale to mark (its first
    // computation reads the rule as it is then).
    await tx.alertComputation.updateMany({ where: { orgId: actor.orgId }, data: { stale: true } });
    const after = (await loadAlertRules(tx, actor.orgId)).find((rule) => rule.type === change.type)!;
    await writeAuditLog(tx, actorOf(actor), { action: "alertRule.update", entityType: "AlertRule", entityId: change.type, before: auditView(before), after: auditView(after) });
    return after;
  });
}

function thresholdsFromStored(change: AlertRuleChange): AlertThresholds[AlertType] {
  const checked = ALERT_THRESHOLD_SCHEMAS[change.type].safeParse(change.thresholds ?? {});
  if (!checked.success) throw new AppError("INVALID", { messageKey: "alertThresholdsInvalid" });
  return checked.data as AlertThresholds[AlertType];
}
