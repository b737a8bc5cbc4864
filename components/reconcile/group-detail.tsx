"use client";
// A match group opened in its table: each row with where it came from (file and row as in Excel),
// its amount as accountants read it (an order a positive receivable, a receipt positive money in),
// how the difference is explained, who made it, and its notes.
import { useTranslations } from "next-intl";
import { ADJUSTMENT_LABELS, formatReason } from "@/lib/match-engine/reason-messages";
import type { AdjustmentType } from "@/lib/match-engine/types";
import type { GroupRow, GroupView } from "@/lib/match-review/list-groups";
import { useMoney } from "./use-money";

/**
 * The engine signs items as money flows through the group (README "Signs": the upstream end enters
 * negative). On screen a row shows its own amount: flip the upstream end back. Only display.
 */
export function rowAmountAsRead(row: Pick<GroupRow, "slot" | "amountMinor">): bigint {
  return row.slot === "down" ? -row.amountMinor : row.amountMinor;
}

function groupReasonText(group: Pick<GroupView, "reasons">, locale: "zh-CN" | "en"): string {
  return group.reasons.map((reason) => formatReason(reason, locale)).join("；");
}

export function GroupDetail({ group, makerName, notes, actions }: { group: GroupView; makerName?: string; notes: { id: string; body: string; author: string; at: string }[]; actions?: React.ReactNode }) {
  const t = useTranslations("workspace");
  const { locale, money } = useMoney();
  return (
    <div className="space-y-2" data-testid="group-detail">
      <table className="num w-full max-w-5xl text-xs">
        <tbody className="divide-y divide-slate-200">
          {group.rows.map((row) => (
            <tr key={`${row.side}:${row.id}:${row.slot}`}>
              <td className="w-16 py-0.5 pr-3 text-slate-500">{t(`sides.${row.side}`)}</td>
              <td className="max-w-72 truncate py-0.5 pr-3 font-mono text-slate-800" title={row.ref ?? undefined}>
                {row.ref ?? t("noReference")}
              </td>
              <td className="py-0.5 pr-3 text-slate-500">{row.day}</td>
              <td className="py-0.5 pr-3 text-slate-500">{row.owner}</td>
              <td className="max-w-64 truncate py-0.5 pr-3 text-slate-400" title={row.file ? t("sourceRow", { file: row.file, row: row.sourceRow ?? "" }) : undefined}>
                {row.file ? t("sourceRow", { file: row.file, row: row.sourceRow ?? "" }) : null}
              </td>
              <td className="py-0.5 pr-3 text-right text-slate-900">{money(rowAmountAsRead(row))}</td>
            </tr>
          ))}
          {group.adjustments.map((adjustment, index) => (
            <tr key={`adj-${index}`} className="bg-amber-50/60">
              <td className="py-0.5 pr-3 text-amber-800">{t("columns.difference")}</td>
              <td className="py-0.5 pr-3 text-amber-900" colSpan={4}>
                {ADJUSTMENT_LABELS[adjustment.type as AdjustmentType]?.[locale] ?? adjustment.type}
                {adjustment.note ? <span className="text-amber-700"> · {adjustment.note}</span> : null}
              </td>
              <td className="py-0.5 pr-3 text-right text-amber-900">{money(adjustment.amountMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {group.reasons.length > 0 ? <p className="text-xs text-slate-600">{groupReasonText(group, locale)}</p> : null}
      {group.note || makerName ? (
        <p className="text-xs text-slate-500">
          {makerName ? t("maker", { name: makerName }) : null}
          {group.note ? ` · ${group.note}` : null}
        </p>
      ) : null}
      {notes.length > 0 ? (
        <ul className="space-y-0.5 text-xs text-slate-600" aria-label={t("notes")}>
          {notes.map((note) => (
            <li key={note.id}>
              <span className="text-slate-400">
                {note.at} {note.author}：
              </span>
              {note.body}
            </li>
          ))}
        </ul>
      ) : null}
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
