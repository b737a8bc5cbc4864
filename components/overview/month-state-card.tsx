// The home page's month at a glance: its close status, then its money (资金) and what is still to do
// (待办), each figure a link into the page that lists it, filtered to the month. Renders what it is
// given (lib/overview/month-glance.ts).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { MonthGlance } from "@/lib/overview/month-glance";
import { GlanceMoneyCard } from "./glance-money-card";
import { GlanceTodoCard } from "./glance-todo-card";

const TONE = { OPEN: "neutral", SUBMITTED: "warning", LOCKED: "brand" } as const;

export async function MonthStateCard({ glance }: { glance: MonthGlance }) {
  const [t, tw, format] = await Promise.all([getTranslations("overview.month"), getTranslations("workspace"), getFormatter()]);
  const { summary } = glance;
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "short", timeStyle: "short" }) : "—");
  const closing = summary.closing;
  return (
    <section className="space-y-3" aria-labelledby="month-state-title" data-testid="month-state" data-month={summary.month}>
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

      <div className="grid gap-4 lg:grid-cols-2">
        <GlanceMoneyCard money={glance.money} summary={summary} />
        <GlanceTodoCard glance={glance} />
      </div>
    </section>
  );
}
