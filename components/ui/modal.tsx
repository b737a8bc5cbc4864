"use client";
// The one dialog of the app (forms, confirmations, candidate lists). A native <dialog> opened with
// showModal(): the browser puts it above everything and makes the page behind it inert, so a
// screen reader and the mouse stay inside. On top of that, by hand, what browsers leave open:
// - Tab and Shift+Tab wrap inside the dialog (the browser would move on to its own toolbar);
// - Esc always closes it through `onClose`, the parent's state, so React and the page agree;
// - the first field (or the element marked data-autofocus) has focus on open, and focus goes
//   back to what opened the dialog when it closes.
import { useEffect, useRef, type ReactNode } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
const FIRST_FIELD = "[data-autofocus], input:not([disabled]):not([type='hidden']), select:not([disabled]), textarea:not([disabled])";

function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
}

export function Modal({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The latest onClose without reopening the dialog each render (parents pass inline functions).
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    const first = element.querySelector<HTMLElement>(FIRST_FIELD) ?? focusableIn(element)[0];
    (first ?? element).focus();
    return () => {
      if (element.open) element.close();
      // Back to the button or row that opened it, if it is still on the page.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-label={title}
      // Esc: the browser's "cancel" would close the element behind React's back.
      onCancel={(event) => {
        event.preventDefault();
        close.current();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          close.current();
          return;
        }
        if (event.key !== "Tab" || !dialog.current) return;
        const focusable = focusableIn(dialog.current);
        if (focusable.length === 0) {
          event.preventDefault();
          return;
        }
        const first = focusable[0]!;
        const last = focusable[focusable.length - 1]!;
        const active = document.activeElement;
        if (event.shiftKey && (active === first || active === dialog.current)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && active === last) {
          event.preventDefault();
          first.focus();
        }
      }}
      // A press on the backdrop lands on the <dialog> itself, outside its panel.
      onMouseDown={(event) => {
        if (event.target !== event.currentTarget) return;
        const box = event.currentTarget.getBoundingClientRect();
        const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) close.current();
      }}
      className={`mx-auto mt-16 mb-4 w-[calc(100%-2rem)] ${wide ? "max-w-4xl" : "max-w-lg"} max-h-[calc(100dvh-5rem)] overflow-y-auto rounded-lg bg-white p-5 text-slate-900 shadow-xl ring-1 ring-slate-200 outline-none backdrop:bg-slate-900/40`}
    >
      <h2 className="mb-4 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </dialog>
  );
}
