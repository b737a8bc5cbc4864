// The unmatched page's views: the open rows (未匹配), the rows suggested as not for reconciliation,
// and the rows marked so (已排除). Links, so each view has its own URL and Back works.
import Link from "next/link";

export type UnmatchedView = "unmatched" | "suggested" | "excluded";

export function UnmatchedViews({ current, labels, label }: { current: UnmatchedView; labels: Record<UnmatchedView, string>; label: string }) {
  return (
    <nav aria-label={label} className="mb-3 flex flex-wrap gap-1 text-sm" data-testid="unmatched-views">
      {(Object.keys(labels) as UnmatchedView[]).map((view) => (
        <Link
          key={view}
          href={view === "unmatched" ? "/reconcile/unmatched" : `/reconcile/unmatched?view=${view}`}
          aria-current={view === current ? "page" : undefined}
          className={`rounded-md px-3 py-1 ring-1 ${view === current ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
        >
          {labels[view]}
        </Link>
      ))}
    </nav>
  );
}
