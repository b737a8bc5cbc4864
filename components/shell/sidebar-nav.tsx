"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** `badge`: a count beside the label (open alerts), with the words a screen reader says for it. */
export type NavItem = { href: string; label: string; icon: string; badge?: { count: number; label: string } };
export type NavSection = { label?: string; items: NavItem[] };

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarNav({ sections, ariaLabel }: { sections: NavSection[]; ariaLabel: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={ariaLabel} className="space-y-6">
      {sections.map((section, index) => (
        <div key={section.label ?? index}>
          {section.label ? (
            <p className="mb-1 px-3 text-xs font-semibold tracking-wide text-slate-400 uppercase">{section.label}</p>
          ) : null}
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const active = isActive(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={`flex items-center gap-2.5 rounded-md px-3 py-2 text-sm transition ${
                      active ? "bg-white/10 font-medium text-white" : "text-slate-300 hover:bg-white/5 hover:text-white"
                    }`}
                  >
                    <span aria-hidden className="w-4 text-center text-base leading-none">
                      {item.icon}
                    </span>
                    {item.label}
                    {item.badge && item.badge.count > 0 ? (
                      <span className="ml-auto rounded-full bg-red-500 px-1.5 py-px text-[11px] leading-4 font-semibold text-white tabular-nums" title={item.badge.label} aria-label={item.badge.label} data-testid="nav-badge">
                        {item.badge.count > 99 ? "99+" : item.badge.count}
                      </span>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
