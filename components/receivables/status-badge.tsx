// A status as a coloured badge: green when the money is in, amber while it is on its way or late,
// red where someone must look (a difference), grey when there is nothing to collect.
import type { ReceivableStatus } from "@/lib/receivables/receivable-status";

export const STATUS_TONES: Record<ReceivableStatus, { badge: string; dot: string }> = {
  NOT_DUE: { badge: "bg-slate-100 text-slate-700", dot: "bg-slate-400" },
  OVERDUE: { badge: "bg-red-50 text-red-700", dot: "bg-red-500" },
  SETTLED: { badge: "bg-sky-50 text-sky-700", dot: "bg-sky-500" },
  RECEIVED: { badge: "bg-emerald-50 text-emerald-700", dot: "bg-emerald-500" },
  PARTIAL: { badge: "bg-amber-50 text-amber-800", dot: "bg-amber-500" },
  REFUNDED: { badge: "bg-slate-100 text-slate-500", dot: "bg-slate-300" },
  DIFFERENCE: { badge: "bg-orange-50 text-orange-800", dot: "bg-orange-500" },
};

export function StatusBadge({ status, label }: { status: ReceivableStatus; label: string }) {
  return <span className={`inline-flex items-center rounded px-1.5 py-px text-xs font-medium whitespace-nowrap ${STATUS_TONES[status].badge}`}>{label}</span>;
}
