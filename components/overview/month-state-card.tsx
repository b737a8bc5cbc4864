// The home page's month at a glance: its close status, the money (expected, received, still open)
// and what is still to do, each a link into the workspace filtered to the month. Renders what it is
// given (lib/match-review/month-summary.ts).
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatMinor } from "@/lib/money";
import { monthBounds } from "@/lib/ledger/business-day";
import type { MonthSummary } from "@/lib/match-review/month-summary";

const TONE = { OPEN: "neutral", SUBMITTED: "warning", LOCKED: "brand" } as const;

export async function MonthStateCard({ summary }: { summary: MonthSummary }) {
  const [t, tw, format, locale] = await Promise.all([getTranslations("overview.month"), getTranslations("workspace"), getFormatter(), getLocale()]);
  const money = (value: bigint) => formatMinor(value, "CNY", locale === "en" ? "en" : "zh-CN");
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "short" }) : "—");
  const { first, last } = monthBounds(summary.month);
  const closing = summary.closing;
  const todo = [
    { key: "proposals", label: t("proposals"), count: summary.proposals, href: `/reconcile/proposals?from=${first}&to=${last}` },
    { key: "approvals", label: t("approvals"), count: summary.pendingApprovals, href: `/reconcile/approvals?from=${first}&to=${last}` },
    { key: "orders", label: t("openOrders"), count: summary.orders.open.count, amount: summary.orders.open.remainingMinor, href: `/reconcile/unmatched?left=orders&lfrom=${first}&lto=${last}` },
    { key: "lines", label: t("openLines"), count: summary.lines.count, amount: summary.lines.remainingMinor, href: `/reconcile/unmatched?left=lines&lfrom=${first}&lto=${last}` },
    { key: "bank", label: t("openBank"), count: summary.bank.count, amount: summary.bank.remainingMinor, href: `/reconcile/unmatched?right=bank&rfrom=${first}&rto=${last}` },
  ];
  return (
    <section className="space-y-4" aria-labelledby="month-state-title" data-testid="month-state" data-month={summary.month}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200">
        <h2 id="month-state-title" className="num text-base font-semibold text-slate-900">
          {t("title", { month: summary.month })}
        </h2>
        <Badge tone={TONE[summary.status]}>{tw(`periodStatus.${summary.status}`)}</Badge>
        <span className="text-xs text-slate-500" data-testid="month-status-detail">
          {summary.status === "LOCKED" && closing
            ? tw("lockedBy", { name: closing.lockedBy ?? "—", when: when(closing.lockedAt) })
            : summary.status === "SUBMITTED" && closing
              ? tw("submittedBy", { name: closing.submittedBy ?? "—", when: when(closing.submittedAt) })
              : t("openHint")}
        </span>
        <Link href="/reconcile/periods" className="ml-auto text-sm text-brand-600 hover:underline">
          {t("periods")}
        </Link>
      </div>

      <div className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="money-expected">
          <p className="text-xs text-slate-500">{t("expected")}</p>
          <p className="num mt-1 text-xl font-semibold text-slate-900">{money(summary.orders.expectedMinor)}</p>
          <p className="num mt-1 text-xs text-slate-500">{t("expectedHint", { count: summary.orders.count })}</p>
        </div>
        <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="money-received">
          <p className="text-xs text-slate-500">{t("received")}</p>
          <p className="num mt-1 text-xl font-semibold text-slate-900">{money(summary.receivedBankMinor)}</p>
          <p className="num mt-1 text-xs text-slate-500">{t("receivedHint", { wallets: money(summary.receivedWalletsMinor) })}</p>
        </div>
        <Link href={todo[2]!.href} className="rounded-lg bg-white p-4 ring-1 ring-slate-200 hover:ring-brand-300" data-testid="money-open">
          <p className="text-xs text-slate-500">{t("open")}</p>
          <p className={`num mt-1 text-xl font-semibold ${summary.orders.open.remainingMinor > 0n ? "text-amber-700" : "text-slate-900"}`}>{money(summary.orders.open.remainingMinor)}</p>
          <p className="num mt-1 text-xs text-slate-500">{t("openMoneyHint", { count: summary.orders.open.count })}</p>
        </Link>
      </div>

      <div className="rounded-lg bg-white ring-1 ring-slate-200">
        <h3 className="border-b border-slate-100 px-4 py-2 text-sm font-semibold text-slate-800">{t("todo")}</h3>
        <ul className="divide-y divide-slate-100" data-testid="month-todo">
          {todo.map((item) => (
            <li key={item.key} data-todo={item.key}>
              <Link href={item.href} className="flex items-center justify-between gap-3 px-4 py-2 text-sm hover:bg-slate-50">
                <span className="text-slate-700">{item.label}</span>
                <span className="num flex items-baseline gap-3 text-right">
                  {item.amount !== undefined ? <span className="text-xs text-slate-500">{money(item.amount)}</span> : null}
                  <span className={`min-w-8 font-semibold ${item.count > 0 ? "text-slate-900" : "text-slate-400"}`}>{item.count}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
