import { Suspense, type ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { MonthStateBanner } from "@/components/reconcile/month-state-banner";
import { WorkspaceTabs } from "@/components/reconcile/workspace-tabs";
import { requirePageContext } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { closingMonths } from "@/lib/match-review/month-states";
import { workspaceCounts } from "@/lib/match-review/workspace-summary";

export default async function ReconcileLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  const [t, format, counts, closing] = await Promise.all([getTranslations("workspace"), getFormatter(), workspaceCounts(db, ctx.orgId), closingMonths(db, ctx.orgId)]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "short" }) : "—");
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
      {/* Above every page's forms: the months in view that are closing or closed (it reads the URL's date filters). */}
      <Suspense fallback={null}>
        <MonthStateBanner
          months={closing.map((entry) => ({
            month: entry.month,
            status: entry.status,
            submittedBy: entry.submittedBy ?? "—",
            submittedAt: when(entry.submittedAt),
            lockedBy: entry.lockedBy ?? "—",
            lockedAt: when(entry.lockedAt),
          }))}
        />
      </Suspense>
      {children}
    </div>
  );
}
