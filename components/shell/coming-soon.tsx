import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";

export type ModuleId = "import" | "reconcile" | "receivables" | "reports" | "analysis";

/** An honest placeholder for a module that is not built yet: what it will do, and no fake data. */
export async function ComingSoon({ module }: { module: ModuleId }) {
  const t = await getTranslations("comingSoon");
  const items = t(`${module}.items`).split("|");
  return (
    <div>
      <PageHeader title={t(`${module}.title`)} actions={<Badge tone="warning">{t("badge")}</Badge>} />
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
        <p className="text-sm text-slate-600">{t("notYet")}</p>
        <p className="mt-4 text-sm font-medium text-slate-800">{t("willHave")}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
