// One card per status: how many orders and how much is still to arrive, each a link to those orders.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatMinor } from "@/lib/money";
import { RECEIVABLE_STATUSES } from "@/lib/receivables/receivable-status";
import type { StatusCount } from "@/lib/receivables/receivables-summary";
import { ordersHref, type ListLink } from "./receivable-links";
import { STATUS_TONES } from "./status-badge";

export async function StatusCards({ statuses, view }: { statuses: StatusCount[]; view: ListLink }) {
  const [t, locale] = await Promise.all([getTranslations("receivables"), getLocale()]);
  const byStatus = new Map(statuses.map((entry) => [entry.status, entry]));
  return (
    <section aria-label={t("overview.statusCards")} className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7" data-testid="status-cards">
      {RECEIVABLE_STATUSES.map((status) => {
        const entry = byStatus.get(status);
        return (
          <Link key={status} href={ordersHref({ ...view, status })} className="min-w-0 rounded-lg bg-white p-3 ring-1 ring-slate-200 hover:ring-brand-300" data-testid={`status-card-${status}`}>
            <span className="flex items-center gap-1.5 text-xs text-slate-600">
              <span aria-hidden className={`size-2 shrink-0 rounded-full ${STATUS_TONES[status].dot}`} />
              <span className="truncate" title={t(`statuses.${status}`)}>
                {t(`statuses.${status}`)}
              </span>
            </span>
            <span className="num mt-1 block text-xl font-semibold text-slate-900">{t("overview.orders", { count: entry?.orders ?? 0 })}</span>
            <span className="num block truncate text-xs text-slate-500">{t("overview.outstandingOf", { amount: formatMinor(entry?.outstandingMinor ?? 0n, "CNY", locale === "en" ? "en" : "zh-CN") })}</span>
          </Link>
        );
      })}
    </section>
  );
}
