// The home page's 资金: the month's orders — expected, received, outstanding and overdue on the as-of
// day, as 回款管理 counts them — each opening 回款管理 on the month (overdue highlighted when any),
// and the month's money in on the bank and wallets under 已回款. Renders what it is given
// (lib/overview/glance-money.ts, lib/match-review/month-summary.ts).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ordersHref } from "@/components/receivables/receivable-links";
import { formatMinor } from "@/lib/money";
import type { MonthSummary } from "@/lib/match-review/month-summary";
import type { GlanceMoney } from "@/lib/overview/glance-money";

export async function GlanceMoneyCard({ money, summary }: { money: GlanceMoney; summary: MonthSummary }) {
  const [t, locale] = await Promise.all([getTranslations("overview.glance"), getLocale()]);
  const yuan = (value: bigint) => formatMinor(value, "CNY", locale === "en" ? "en" : "zh-CN");
  const range = { from: money.from, to: money.to };
  const overdue = money.overdueMinor > 0n;
  const figures = [
    { key: "expected", label: t("expected"), value: money.expectedMinor, hint: t("expectedHint", { count: money.orders }), href: `/receivables?from=${money.from}&to=${money.to}` },
    { key: "received", label: t("received"), value: money.receivedMinor, hint: t("receivedHint", { bank: yuan(summary.receivedBankMinor), wallets: yuan(summary.receivedWalletsMinor) }), href: `/receivables?from=${money.from}&to=${money.to}` },
    { key: "outstanding", label: t("outstanding"), value: money.outstandingMinor, hint: t("outstandingHint"), href: ordersHref({ ...range, due: "open" }) },
    { key: "overdue", label: t("overdue"), value: money.overdueMinor, hint: t("overdueHint", { count: money.overdueOrders }), href: ordersHref({ ...range, due: "overdue" }), alarm: overdue },
  ];
  return (
    <section className="min-w-0 rounded-lg bg-white ring-1 ring-slate-200" aria-labelledby="glance-money-title" data-testid="glance-money">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 border-b border-slate-100 px-4 py-2">
        <h3 id="glance-money-title" className="text-sm font-semibold text-slate-800">
          {t("money")}
        </h3>
        <span className="num text-xs text-slate-500">{t("moneyScope", { month: summary.month, asOf: money.asOf })}</span>
      </div>
      <div className="grid grid-cols-2 divide-slate-100">
        {figures.map((figure, index) => (
          <Link
            key={figure.key}
            href={figure.href}
            data-testid={`money-${figure.key}`}
            className={`min-w-0 px-4 py-3 hover:bg-slate-50 ${index % 2 === 1 ? "border-l border-slate-100" : ""} ${index >= 2 ? "border-t border-slate-100" : ""} ${figure.alarm ? "bg-red-50/60" : ""}`}
          >
            <span className="block text-xs text-slate-500">{figure.label}</span>
            <span className={`num mt-0.5 block truncate text-lg font-semibold ${figure.alarm ? "text-red-700" : "text-slate-900"}`}>{yuan(figure.value)}</span>
            <span className={`num mt-0.5 block text-xs ${figure.alarm ? "text-red-700" : "text-slate-500"}`}>{figure.hint}</span>
          </Link>
        ))}
      </div>
    </section>
  );
}
