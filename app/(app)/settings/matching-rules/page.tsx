import { getFormatter, getTranslations } from "next-intl/server";
import { ApprovalThresholdsSection } from "@/components/reconcile/approval-thresholds-section";
import { MatchingRulesForm } from "@/components/settings/matching-rules-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { defaultRules } from "@/lib/match-engine";
import { passOrderForForm, rulesToFormValues } from "@/lib/match-rules/rules-form";
import { getApprovalThresholds } from "@/lib/match-review/approval-thresholds";
import { getRuleSetView } from "@/lib/match-rules/rules-service";

export default async function MatchingRulesPage() {
  const ctx = await requirePageContext();
  const [t, format, view, thresholds] = await Promise.all([
    getTranslations("matchingRules"),
    getFormatter(),
    getRuleSetView(db, ctx.orgId),
    getApprovalThresholds(db, ctx.orgId),
  ]);
  const canEdit = can(ctx.role, "reconcile.rules");

  return (
    <div>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="mb-6 flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-1 rounded-lg bg-white px-5 py-3 text-sm shadow-xs ring-1 ring-slate-200" data-testid="rules-version">
        <span>
          <span className="text-slate-500">{t("currentVersion")}</span>{" "}
          <span className="font-semibold text-slate-900">{view.version === 0 ? t("defaultVersion") : t("versionNumber", { version: view.version })}</span>{" "}
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-600">{view.rulesVersion}</code>
        </span>
        <span className="text-slate-600">
          {view.updatedAt
            ? t("lastChanged", {
                who: view.updatedBy?.name ?? t("unknownUser"),
                when: format.dateTime(view.updatedAt, { dateStyle: "medium", timeStyle: "short" }),
              })
            : t("neverChanged")}
          {view.updatedBy ? <span className="ml-1.5 text-slate-400">{view.updatedBy.email}</span> : null}
        </span>
        <span className="text-xs text-slate-500">{t("runsRecordVersion")}</span>
      </div>
      {canEdit ? null : (
        <div className="mb-6 max-w-3xl">
          <Alert tone="info">{t("readOnly")}</Alert>
        </div>
      )}
      <MatchingRulesForm
        version={view.version}
        canEdit={canEdit}
        initial={rulesToFormValues(view.rules)}
        passOrder={passOrderForForm(view.rules.passes)}
        defaults={rulesToFormValues(defaultRules())}
      />
      <div className="mt-6 max-w-4xl">
        <ApprovalThresholdsSection thresholds={thresholds} canEdit={canEdit} />
      </div>
    </div>
  );
}
