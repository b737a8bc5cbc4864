import { getLocale, getTranslations } from "next-intl/server";
import { GroupListPage } from "../_shared/group-list-page";
import { ThresholdForm } from "@/components/reconcile/threshold-form";
import { minorToDecimalString } from "@/lib/money";
import { can } from "@/lib/auth/roles";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatMinor } from "@/lib/money";
import { getApprovalThresholds } from "@/lib/match-review/approval-thresholds";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePageContext();
  const [t, locale, thresholds] = await Promise.all([getTranslations("workspace"), getLocale(), getApprovalThresholds(db, ctx.orgId)]);
  const money = (value: bigint) => formatMinor(value, "CNY", locale === "en" ? "en" : "zh-CN");
  return (
    <GroupListPage mode="approvals" searchParams={await searchParams}>
      <section className="mb-4 rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-label={t("thresholds")}>
        <h2 className="mb-1 text-sm font-semibold text-slate-800">{t("thresholds")}</h2>
        <p className="mb-3 text-sm text-slate-600">{t("thresholdsText", { writeOff: money(thresholds.writeOffApprovalMinor), manualMatch: money(thresholds.manualMatchApprovalMinor) })} {t("thresholdsHint")}</p>
        {can(ctx.role, "reconcile.rules") ? <ThresholdForm writeOff={minorToDecimalString(thresholds.writeOffApprovalMinor)} manualMatch={minorToDecimalString(thresholds.manualMatchApprovalMinor)} /> : null}
      </section>
    </GroupListPage>
  );
}
