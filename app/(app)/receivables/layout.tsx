import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { WorkspaceTabs } from "@/components/reconcile/workspace-tabs";
import { requirePageContext } from "@/lib/auth/session";

export default async function ReceivablesLayout({ children }: { children: ReactNode }) {
  await requirePageContext();
  const t = await getTranslations("receivables.tabs");
  return (
    <div>
      <WorkspaceTabs
        ariaLabel={t("label")}
        tabs={[
          { href: "/receivables", label: t("overview"), exact: true },
          { href: "/receivables/orders", label: t("orders") },
          { href: "/receivables/report", label: t("report") },
        ]}
      />
      {children}
    </div>
  );
}
