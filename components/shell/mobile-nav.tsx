"use client";
// Below the md breakpoint the sidebar is hidden: a menu button in the header opens the same
// navigation as a drawer. It closes on a link, on Esc and on a tap outside.
import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { SidebarNav, type NavSection } from "./sidebar-nav";

export function MobileNav({ sections, ariaLabel, openLabel, closeLabel, brand }: { sections: NavSection[]; ariaLabel: string; openLabel: string; closeLabel: string; brand: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [openedAt, setOpenedAt] = useState(pathname);
  // A link was followed: the drawer has done its job (state adjusted during render, not in an effect).
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="md:hidden">
      <button
        type="button"
        aria-label={openLabel}
        aria-expanded={open}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(true);
        }}
        className="flex size-9 items-center justify-center rounded-md text-xl text-slate-600 ring-1 ring-slate-200 hover:bg-slate-50"
      >
        ☰
      </button>
      {open ? (
        <div className="fixed inset-0 z-40 flex" role="dialog" aria-modal="true" aria-label={ariaLabel}>
          <div className="flex w-64 max-w-[80vw] flex-col overflow-y-auto bg-shell px-3 py-5">
            <div className="mb-6 flex items-center justify-between gap-2 px-3">
              {brand}
              <button type="button" aria-label={closeLabel} onClick={() => setOpen(false)} className="text-xl text-slate-300 hover:text-white">
                ×
              </button>
            </div>
            <SidebarNav sections={sections} ariaLabel={ariaLabel} />
          </div>
          <button type="button" aria-label={closeLabel} tabIndex={-1} className="flex-1 bg-slate-900/40" onClick={() => setOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}
