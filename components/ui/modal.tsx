"use client";
import { useEffect, useRef, type ReactNode } from "react";

/** A dialog over the page; Escape or the backdrop closes it, focus starts inside it. */
export function Modal({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = panel.current?.querySelector<HTMLElement>("input, select, textarea, button[data-autofocus]");
    (first ?? panel.current)?.focus();
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 pt-16" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onClose();
          }
        }}
        className={`w-full ${wide ? "max-w-4xl" : "max-w-lg"} rounded-lg bg-white p-5 shadow-xl ring-1 ring-slate-200 outline-none`}
      >
        <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
        {children}
      </div>
    </div>
  );
}
