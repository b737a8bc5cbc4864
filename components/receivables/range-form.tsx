// The overview's view: which orders (by order date: 本月 / 上月 / 全部, or from–to) on which as-of
// day. A GET form, so the view is in the URL and every figure's link carries it on.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

const INPUT = "rounded-md border-0 bg-white px-2.5 py-1.5 text-sm ring-1 ring-slate-300";

type Quick = { key: "thisMonth" | "lastMonth" | "all"; href: string; active: boolean };

export async function RangeForm({ from, to, asOf, quick }: { from?: string; to?: string; asOf: string; quick: Quick[] }) {
  const t = await getTranslations("receivables.range");
  return (
    <form method="get" action="/receivables" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="receivables-range">
      <div className="text-sm">
        <span className="mb-1 block text-xs text-slate-600">{t("orderDate")}</span>
        <span className="flex flex-wrap gap-1" role="group" aria-label={t("orderDate")}>
          {quick.map((link) => (
            <Link
              key={link.key}
              href={link.href}
              aria-current={link.active ? "true" : undefined}
              className={`rounded-md px-2.5 py-1.5 text-sm ring-1 ${link.active ? "bg-brand-50 font-medium text-brand-700 ring-brand-300" : "text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {t(link.key)}
            </Link>
          ))}
        </span>
      </div>
      <label className="text-sm">
        <span className="mb-1 block text-xs text-slate-600">{t("from")}</span>
        <input name="from" type="date" defaultValue={from ?? ""} className={INPUT} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block text-xs text-slate-600">{t("to")}</span>
        <input name="to" type="date" defaultValue={to ?? ""} className={INPUT} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block text-xs text-slate-600">{t("asOf")}</span>
        <input name="asOf" type="date" defaultValue={asOf} className={INPUT} />
      </label>
      <button type="submit" className={buttonClass("primary")}>
        {t("apply")}
      </button>
    </form>
  );
}
