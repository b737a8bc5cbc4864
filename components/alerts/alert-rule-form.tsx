"use client";
// One alert rule on the settings page: on/off and its thresholds in the units people think in
// (yuan, percent, days). Editable with `alerts.rules`; everyone else sees the same form disabled.
// Saving marks the company's alerts for recomputation (the worker's next sweep).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IDLE, submittedValue } from "@/lib/actions/action-state";
import { updateAlertRuleAction } from "@/lib/actions/alerts/rules";
import type { FieldUnit } from "@/lib/shared/field-unit";
import type { AlertType } from "@/lib/alerts/alert-types";

export type RuleField = { name: string; label: string; unit: FieldUnit; value: string; defaultValue: string };

export function AlertRuleForm({ type, typeName, enabled, fields, customized, updated, canEdit }: { type: AlertType; typeName: string; enabled: boolean; fields: RuleField[]; customized: boolean; updated: string | null; canEdit: boolean }) {
  const t = useTranslations("alerts.rules");
  const [state, action, pending] = useActionState(updateAlertRuleAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const enabledNow = state.status === "error" ? state.values.enabled === "on" : state.status === "ok" ? state.data.enabled : enabled;
  return (
    <form action={action} className="space-y-3" data-testid={`alert-rule-${type}`}>
      <input type="hidden" name="type" value={type} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="enabled" defaultChecked={enabledNow} disabled={!canEdit} className="size-4 rounded border-slate-300" data-testid="alert-rule-enabled" />
          {t("enabled")}
        </label>
        <span className="text-xs text-slate-500">
          {customized ? t("customized") : t("defaults")}
          {updated ? ` · ${t("updated", { at: updated })}` : ""}
        </span>
      </div>
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noThresholds")}</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {fields.map((field) => (
            <label key={field.name} className="block text-sm">
              <span className="mb-1 block text-xs text-slate-600">{field.label}</span>
              <span className="flex items-center gap-1.5">
                <input
                  name={field.name}
                  inputMode={field.unit === "money" || field.unit === "percent" ? "decimal" : "numeric"}
                  defaultValue={submittedValue(state, field.name, field.value)}
                  placeholder={field.defaultValue}
                  disabled={!canEdit}
                  aria-invalid={errors[field.name] ? true : undefined}
                  className={`w-32 rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset disabled:bg-slate-50 disabled:text-slate-500 ${errors[field.name] ? "ring-red-400" : "ring-slate-300"}`}
                  data-testid={`alert-threshold-${field.name}`}
                />
                <span className="text-xs text-slate-500">{t(`units.${field.unit}`)}</span>
              </span>
              {errors[field.name] ? <span className="mt-1 block text-xs text-red-600">{errors[field.name]}</span> : null}
            </label>
          ))}
        </div>
      )}
      {state.status === "error" && Object.keys(errors).length === 0 ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "ok" ? <Alert tone="success">{t("saved", { type: typeName })}</Alert> : null}
      {canEdit ? (
        <Button type="submit" disabled={pending} data-testid="alert-rule-save">
          {t("save")}
        </Button>
      ) : null}
    </form>
  );
}
