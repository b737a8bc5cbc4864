import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { WorkspaceTabs } from "@/components/reconcile/workspace-tabs";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { workspaceCounts } from "@/lib/match-review/workspace-summary";

export default async function ReconcileLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  const [t, counts] = await Promise.all([getTranslations("workspace"), workspaceCounts(db, ctx.orgId)]);
  return (
    <div>
      <WorkspaceTabs
        ariaLabel={t("tabs.overview")}
        tabs={[
          { href: "/reconcile", label: t("tabs.overview") },
          { href: "/reconcile/proposals", label: t("tabs.proposals"), count: counts.proposals },
          { href: "/reconcile/unmatched", label: t("tabs.unmatched") },
          { href: "/reconcile/approvals", label: t("tabs.approvals"), count: counts.pending },
          { href: "/reconcile/matched", label: t("tabs.matched") },
          { href: "/reconcile/periods", label: t("tabs.periods") },
        ]}
      />
      {children}
    </div>
  );
}
