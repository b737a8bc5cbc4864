import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { WorkspaceTabs } from "@/components/reconcile/workspace-tabs";
import { requirePageContext } from "@/lib/auth/session";
import { STANDARD_REPORT_IDS } from "@/lib/reports/standard-reports";

export default async function ReportsLayout({ children }: { children: ReactNode }) {
  await requirePageContext();
  const t = await getTranslations("reports");
  return (
    <div>
      <WorkspaceTabs
        ariaLabel={t("tabs.label")}
        tabs={[
          { href: "/reports", label: t("tabs.index"), exact: true },
          ...STANDARD_REPORT_IDS.map((id) => ({ href: `/reports/${id}`, label: t(`${id}.title`) })),
          { href: "/reports/custom", label: t("tabs.custom") },
        ]}
      />
      {children}
    </div>
  );
}
