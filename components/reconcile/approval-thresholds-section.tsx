// The maker–checker thresholds, shown where approvals happen and in the settings; OWNER and ADMIN
// edit them (the server checks that too).
import { getLocale, getTranslations } from "next-intl/server";
import type { ApprovalThresholds } from "@/lib/match-review/approval-thresholds";
import { formatMinor, minorToDecimalString } from "@/lib/money";
import { formatBpsAsPercent } from "@/lib/shared/percent-bps";
import { ThresholdForm } from "./threshold-form";

export async function ApprovalThresholdsSection({ thresholds, canEdit }: { thresholds: ApprovalThresholds; canEdit: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("workspace"), getLocale()]);
  const money = (value: bigint) => formatMinor(value, "CNY", locale === "en" ? "en" : "zh-CN");
  const percent = formatBpsAsPercent(thresholds.writeOffApprovalBps);
  return (
    <section className="mb-4 rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-label={t("thresholds")}>
      <h2 className="mb-1 text-sm font-semibold text-slate-800">{t("thresholds")}</h2>
      <p className="mb-3 text-sm text-slate-600">
        {t("thresholdsText", { writeOff: money(thresholds.writeOffApprovalMinor), writeOffPercent: `${percent}%`, manualMatch: money(thresholds.manualMatchApprovalMinor) })} {t("thresholdsHint")}
      </p>
      {canEdit ? (
        <ThresholdForm
          writeOff={minorToDecimalString(thresholds.writeOffApprovalMinor)}
          writeOffPercent={percent}
          manualMatch={minorToDecimalString(thresholds.manualMatchApprovalMinor)}
        />
      ) : null}
    </section>
  );
}
