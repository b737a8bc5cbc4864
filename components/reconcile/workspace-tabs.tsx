"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** `exact`: active only on its own path (a module's overview, whose path begins every other tab's). */
export type WorkspaceTab = { href: string; label: string; count?: number; exact?: boolean };

export function WorkspaceTabs({ tabs, ariaLabel }: { tabs: WorkspaceTab[]; ariaLabel: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={ariaLabel} className="mb-6 flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        const active = tab.exact || tab.href === "/reconcile" ? pathname === tab.href : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm ${active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {tab.label}
            {tab.count ? <span className="num rounded-full bg-slate-100 px-1.5 text-xs text-slate-600">{tab.count}</span> : null}
          </Link>
        );
      })}
    </nav>
  );
}
