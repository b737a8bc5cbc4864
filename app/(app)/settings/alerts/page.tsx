// 预警规则: every alert rule with its switch and thresholds (the company's, else the defaults).
// Everyone may read them (they explain the 风险预警 list); OWNER and ADMIN change them.
import { getTranslations } from "next-intl/server";
import { AlertRuleForm } from "@/components/alerts/alert-rule-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadAlertRules } from "@/lib/alerts/alert-rules";
import { defaultThresholds } from "@/lib/alerts/alert-thresholds";
import { alertTypeName, type CheckingTranslator } from "@/lib/alerts/alert-words";
import { thresholdFields, thresholdsToForm } from "@/lib/alerts/threshold-form";
import { fieldUnit } from "@/lib/shared/field-unit";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatLocalDateTime } from "@/lib/shared/local-time";

export default async function AlertRulesPage() {
  const ctx = await requirePageContext();
  const [t, rules, org] = await Promise.all([getTranslations(), loadAlertRules(db, ctx.orgId), db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timezone: true } })]);
  const words = t as unknown as CheckingTranslator;
  const canEdit = can(ctx.role, "alerts.rules");
  return (
    <div className="max-w-5xl">
      <PageHeader title={t("alerts.rules.title")} intro={t("alerts.rules.intro")} />
      {canEdit ? null : (
        <div className="mb-6">
          <Alert tone="info">{t("alerts.rules.readOnly")}</Alert>
        </div>
      )}
      <div className="space-y-4">
        {rules.map((rule) => {
          const shown = thresholdsToForm(rule.type, rule.thresholds);
          const defaults = thresholdsToForm(rule.type, defaultThresholds(rule.type));
          const fields = thresholdFields(rule.type).map((name) => ({
            name,
            label: words.has(`alerts.thresholds.${rule.type}.${name}`) ? words(`alerts.thresholds.${rule.type}.${name}`) : name,
            unit: fieldUnit(name),
            value: shown[name] ?? "",
            defaultValue: defaults[name] ?? "",
          }));
          const typeName = alertTypeName(words, rule.type);
          return (
            <Card key={rule.type} title={typeName}>
              <AlertRuleForm
                type={rule.type}
                typeName={typeName}
                enabled={rule.enabled}
                fields={fields}
                customized={rule.customized}
                updated={rule.updatedAt ? formatLocalDateTime(rule.updatedAt, org.timezone).slice(0, 16) : null}
                canEdit={canEdit}
              />
            </Card>
          );
        })}
      </div>
    </div>
  );
}
