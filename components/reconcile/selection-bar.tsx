"use client";
// The bar under the unmatched panes: what is picked on each side, the running difference, and what
// can be done with the pick — clear, match, or mark not for reconciliation. It is sticky, not fixed:
// it stays in view while the page scrolls and comes to rest after the panes, so it never covers
// their last rows, totals or pager (at 390 px it wraps to several lines). While it is on the page,
// the document's scroll padding is its height: a row brought into view (keyboard j/k, Tab) stops
// above the bar instead of under it.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { excludeRowsAction } from "@/lib/actions/reconcile/exclusions";
import { Button } from "@/components/ui/button";
import { callAction } from "./call-action";
import { ExcludeDialog } from "./exclude-dialog";
import { totals, type Picked } from "./selection";
import { useMoney } from "./use-money";

export function SelectionBar({
  picked,
  canMatch,
  pending,
  onClear,
  onMatch,
  onMessage,
}: {
  picked: Picked[];
  canMatch: boolean;
  pending: boolean;
  onClear: () => void;
  onMatch: () => void;
  onMessage: (message: { tone: "success" | "error"; text: string }) => void;
}) {
  const t = useTranslations("workspace");
  const tx = useTranslations("exclusions");
  const router = useRouter();
  const { money } = useMoney();
  const sums = totals(picked);
  const [excluding, setExcluding] = useState(false);
  const [error, setError] = useState<string>();
  const [marking, startMarking] = useTransition();
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => (root.style.scrollPaddingBottom = `${element.offsetHeight + 8}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = "";
    };
  }, []);

  const mark = (reason: string, note: string) =>
    startMarking(async () => {
      // A row picked on both panes (a bill line) is one row to mark.
      const rows = [...new Map(picked.map((pick) => [`${pick.row.side}:${pick.row.id}`, { side: pick.row.side, id: pick.row.id }])).values()];
      const state = await callAction(excludeRowsAction, { payload: JSON.stringify(rows), reason, ...(note ? { note } : {}) });
      if (state.status === "ok") {
        setExcluding(false);
        setError(undefined);
        onClear();
        onMessage({ tone: "success", text: tx("marked", { count: state.data.marked }) });
        router.refresh();
      } else if (state.status === "error") setError(state.message);
    });

  return (
    <div ref={bar} className="sticky bottom-0 z-20 -mx-4 border-t border-slate-200 bg-white/95 backdrop-blur md:-mx-6">
      <div className="num flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm md:px-6" data-testid="selection-bar">
        <span className="text-slate-600">
          {t("leftTotal")} ({picked.filter((pick) => pick.pane === "left").length}) <strong className="text-slate-900">{money(sums.left)}</strong>
        </span>
        <span className="text-slate-600">
          {t("rightTotal")} ({picked.filter((pick) => pick.pane === "right").length}) <strong className="text-slate-900">{money(sums.right)}</strong>
        </span>
        <span className="text-slate-600">
          {t("difference")} <strong className={sums.difference === 0n ? "text-emerald-700" : "text-amber-700"} data-testid="difference">{money(sums.difference)}</strong>
        </span>
        <span className="ml-auto flex flex-wrap gap-2">
          <Button variant="ghost" disabled={picked.length === 0} onClick={onClear} title="Esc">
            {t("clear")}
          </Button>
          {canMatch ? (
            <>
              <Button variant="secondary" disabled={picked.length === 0 || marking} onClick={() => setExcluding(true)}>
                {tx("mark")}
              </Button>
              <Button disabled={picked.length === 0 || pending} onClick={onMatch} title="M">
                {t("match")}
              </Button>
            </>
          ) : null}
        </span>
      </div>
      {excluding ? <ExcludeDialog count={new Set(picked.map((pick) => `${pick.row.side}:${pick.row.id}`)).size} pending={marking} error={error} onClose={() => setExcluding(false)} onSubmit={mark} /> : null}
    </div>
  );
}
