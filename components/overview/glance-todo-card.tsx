// The home page's 待办: what is left of the month (open proposals, matches and write-offs waiting for
// approval, unmatched orders, bill/wallet lines and bank rows, each with what is left of them), then
// what is due whatever the month (follow-ups due by today, open risk alerts). Each count opens the
// page that lists exactly those rows with the filter applied. Renders what it is given
// (lib/overview/month-glance.ts).
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ordersHref } from "@/components/receivables/receivable-links";
import { monthBounds } from "@/lib/ledger/business-day";
import { formatMinor } from "@/lib/money";
import type { MonthGlance } from "@/lib/overview/month-glance";

type Item = { key: string; label: string; count: number; amount?: bigint; href: string; alarm?: boolean };

export async function GlanceTodoCard({ glance }: { glance: MonthGlance }) {
  const [t, tm, locale] = await Promise.all([getTranslations("overview.glance"), getTranslations("overview.month"), getLocale()]);
  const yuan = (value: bigint) => formatMinor(value, "CNY", locale === "en" ? "en" : "zh-CN");
  const { summary, money } = glance;
  const { first, last } = monthBounds(summary.month);
  const month: Item[] = [
    { key: "proposals", label: tm("proposals"), count: summary.proposals, href: `/reconcile/proposals?from=${first}&to=${last}` },
    { key: "approvals", label: t("approvals"), count: summary.pendingApprovals, href: `/reconcile/approvals?from=${first}&to=${last}` },
    { key: "orders", label: tm("openOrders"), count: summary.orders.open.count, amount: summary.orders.open.remainingMinor, href: `/reconcile/unmatched?left=orders&lfrom=${first}&lto=${last}` },
    { key: "lines", label: tm("openLines"), count: summary.lines.count, amount: summary.lines.remainingMinor, href: `/reconcile/unmatched?left=lines&lfrom=${first}&lto=${last}` },
    { key: "bank", label: tm("openBank"), count: summary.bank.count, amount: summary.bank.remainingMinor, href: `/reconcile/unmatched?right=bank&rfrom=${first}&rto=${last}` },
  ];
  const anyMonth: Item[] = [
    { key: "followUps", label: t("followUps"), count: glance.followUpsDue, href: ordersHref({ nextBy: money.asOf, sort: "nextActionOn", dir: "asc" }) },
    { key: "alerts", label: t("alerts"), count: glance.openAlerts, href: "/analysis/alerts?status=open", alarm: glance.openAlerts > 0 },
  ];
  const list = (items: Item[]) =>
    items.map((item) => (
      <li key={item.key} data-todo={item.key}>
        <Link href={item.href} className="flex items-center justify-between gap-3 px-4 py-1.5 text-sm hover:bg-slate-50">
          <span className="min-w-0 truncate text-slate-700">{item.label}</span>
          <span className="num flex shrink-0 items-baseline gap-3 text-right">
            {item.amount !== undefined && item.count > 0 ? <span className="text-xs text-slate-500">{yuan(item.amount)}</span> : null}
            <span className={`min-w-8 font-semibold ${item.count === 0 ? "text-slate-400" : item.alarm ? "text-red-700" : "text-slate-900"}`} data-testid={`todo-${item.key}-count`}>
              {item.count}
            </span>
          </span>
        </Link>
      </li>
    ));
  return (
    <section className="min-w-0 rounded-lg bg-white ring-1 ring-slate-200" aria-labelledby="glance-todo-title">
      <h3 id="glance-todo-title" className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-800">
        {t("todo")}
      </h3>
      <ul className="divide-y divide-slate-100" data-testid="month-todo">
        <li className="num bg-slate-50 px-4 py-1 text-xs text-slate-500">{t("monthTodo", { month: summary.month })}</li>
        {list(month)}
        <li className="num bg-slate-50 px-4 py-1 text-xs text-slate-500">{t("anyMonth", { asOf: money.asOf })}</li>
        {list(anyMonth)}
      </ul>
    </section>
  );
}
