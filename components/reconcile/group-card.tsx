"use client";
// One match group as a person checks it: rule and confidence, why, each row with where it came from
// (file and row as in Excel), and how the difference is explained.
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { formatMinor } from "@/lib/money";
import { ADJUSTMENT_LABELS, formatReason } from "@/lib/match-engine/reason-messages";
import type { AdjustmentType } from "@/lib/match-engine/types";
import type { GroupView } from "@/lib/match-review/list-groups";

export function useMoney() {
  const locale = useLocale() === "en" ? "en" : "zh-CN";
  return { locale, money: (value: bigint, currency = "CNY") => formatMinor(value, currency, locale) } as const;
}

export function GroupCard({ group, selected, focused, onToggle, actions, makerName }: { group: GroupView; selected?: boolean; focused?: boolean; onToggle?: () => void; actions?: ReactNode; makerName?: string }) {
  const t = useTranslations("workspace");
  const { locale, money } = useMoney();
  const ruleLabel = t.has(`rules.${group.rule}`) ? t(`rules.${group.rule}`) : group.rule;
  return (
    <article
      data-testid="group-card"
      data-group-id={group.id}
      data-selected={selected ? "true" : undefined}
      className={`rounded-lg bg-white p-4 ring-1 ${focused ? "ring-2 ring-brand-500" : selected ? "ring-brand-300" : "ring-slate-200"} ${selected ? "bg-brand-50/40" : ""}`}
    >
      <header className="mb-3 flex flex-wrap items-center gap-3">
        {onToggle ? <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`${ruleLabel} ${money(group.amountMinor)}`} className="size-4 rounded border-slate-300" /> : null}
        <span className="font-medium text-slate-900">{ruleLabel}</span>
        <span className="text-xs text-slate-500">{t(`links.${group.link}`)}</span>
        <Badge tone={group.confidence >= 90 ? "brand" : group.confidence >= 60 ? "neutral" : "warning"}>
          {t("columns.confidence")} {group.confidence}
        </Badge>
        {group.status !== "PROPOSED" ? <Badge tone={group.status === "PENDING_APPROVAL" ? "warning" : "muted"}>{t(`statuses.${group.status}`)}</Badge> : null}
        <span className="num ml-auto text-sm font-semibold text-slate-900">{money(group.amountMinor)}</span>
        {group.day ? <span className="num text-xs text-slate-500">{group.day}</span> : null}
      </header>
      {group.reasons.length > 0 ? (
        <ul className="mb-3 flex flex-wrap gap-1.5 text-xs text-slate-600">
          {group.reasons.map((reason, index) => (
            <li key={index} className="rounded bg-slate-100 px-1.5 py-0.5">
              {formatReason(reason, locale)}
            </li>
          ))}
        </ul>
      ) : null}
      <table className="w-full text-xs">
        <tbody className="divide-y divide-slate-100">
          {group.rows.map((row) => (
            <tr key={`${row.side}:${row.id}:${row.slot}`}>
              <td className="w-14 py-1 text-slate-500">{t(`sides.${row.side}`)}</td>
              <td className="py-1 font-mono text-slate-800">{row.ref ?? `#${row.id}`}</td>
              <td className="num py-1 text-slate-500">{row.day}</td>
              <td className="py-1 text-slate-500">{row.owner}</td>
              <td className="py-1 text-slate-400">{row.file ? t("sourceRow", { file: row.file, row: row.sourceRow ?? "" }) : null}</td>
              <td className={`num py-1 text-right ${row.amountMinor < 0n ? "text-slate-500" : "text-slate-900"}`}>{money(row.amountMinor)}</td>
            </tr>
          ))}
          {group.adjustments.map((adjustment, index) => (
            <tr key={`adj-${index}`} className="bg-amber-50/50">
              <td className="py-1 text-amber-800">{t("columns.difference")}</td>
              <td className="py-1 text-amber-900" colSpan={4}>
                {ADJUSTMENT_LABELS[adjustment.type as AdjustmentType]?.[locale] ?? adjustment.type}
                {adjustment.note ? <span className="text-amber-700"> · {adjustment.note}</span> : null}
              </td>
              <td className="num py-1 text-right text-amber-900">{money(adjustment.amountMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {group.note || makerName ? (
        <p className="mt-2 text-xs text-slate-500">
          {makerName ? t("maker", { name: makerName }) : null}
          {group.note ? ` · ${group.note}` : null}
        </p>
      ) : null}
      {actions ? <footer className="mt-3 flex flex-wrap gap-2">{actions}</footer> : null}
    </article>
  );
}
