// 报表查询: the standard reports, each with what it answers, and the company's own reports.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/auth/session";
import { STANDARD_REPORT_IDS } from "@/lib/reports/standard-reports";

export default async function ReportsIndexPage() {
  await requirePageContext();
  const t = await getTranslations("reports");
  return (
    <div className="space-y-4">
      <PageHeader title={t("index.title")} intro={t("index.intro")} />
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="report-index">
        {[...STANDARD_REPORT_IDS, "custom" as const].map((id) => (
          <li key={id} className="rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-300">
            <Link href={`/reports/${id}`} className="font-medium text-brand-700 hover:underline">
              {t(`${id}.title`)}
            </Link>
            <p className="mt-1 text-sm text-slate-600">{t(`${id}.intro`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
