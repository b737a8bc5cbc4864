"use client";
// The order drawer's frame: a panel on the right over the list (full screen on a phone), opened by
// the URL (?order=…) so it can be linked and reloaded, closed by its button, the backdrop or Esc —
// each goes back to the list's URL without `order`. Not modal: the list stays readable beside it.
// 风险预警 opens its alerts in the same frame (?alert=…), titled by words rather than a number.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";

type Props = { title: string; subtitle?: ReactNode; closeHref: string; children: ReactNode; /** An order number reads best monospaced; words do not. */ titleIsWords?: boolean };

export function DrawerFrame({ title, subtitle, closeHref, children, titleIsWords = false }: Props) {
  const t = useTranslations("receivables.drawer");
  const router = useRouter();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      // A dialog opened from the drawer handles its own Esc.
      if (event.key !== "Escape" || event.defaultPrevented || document.querySelector("dialog[open]")) return;
      router.push(closeHref, { scroll: false });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [closeHref, router]);
  return (
    <>
      <Link href={closeHref} scroll={false} tabIndex={-1} aria-hidden className="fixed inset-0 z-30 hidden bg-slate-900/20 sm:block" />
      <aside
        ref={panel}
        tabIndex={-1}
        role="dialog"
        aria-label={title}
        data-testid="receivable-drawer"
        className="fixed inset-0 z-40 flex flex-col bg-white shadow-2xl outline-none sm:inset-y-0 sm:right-0 sm:left-auto sm:w-[min(46rem,92vw)] sm:border-l sm:border-slate-200"
      >
        <header className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <div className="min-w-0">
            <h2 className={`truncate text-base font-semibold text-slate-900 ${titleIsWords ? "" : "font-mono"}`} title={title}>
              {title}
            </h2>
            {subtitle ? <div className="mt-0.5 text-xs text-slate-600">{subtitle}</div> : null}
          </div>
          <Link href={closeHref} scroll={false} className="shrink-0 rounded-md px-2 py-1 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50" data-testid="close-drawer">
            {t("close")}
          </Link>
        </header>
        <div className="min-h-0 flex-1 space-y-5 overflow-y-auto px-4 py-4" data-testid="drawer-body">
          {children}
        </div>
      </aside>
    </>
  );
}
