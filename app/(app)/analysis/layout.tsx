import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { WorkspaceTabs } from "@/components/reconcile/workspace-tabs";
import { requirePageContext } from "@/lib/auth/session";

// 数据分析's two tabs: the charts (/analysis) and the risk alerts (/analysis/alerts).
export default async function AnalysisLayout({ children }: { children: ReactNode }) {
  await requirePageContext();
  const t = await getTranslations("analysis");
  return (
    <div>
      <WorkspaceTabs
        ariaLabel={t("tabs.label")}
        tabs={[
          { href: "/analysis", label: t("tabs.charts"), exact: true },
          { href: "/analysis/alerts", label: t("tabs.alerts") },
        ]}
      />
      {children}
    </div>
  );
}
