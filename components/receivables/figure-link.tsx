import Link from "next/link";
import type { ReactNode } from "react";

/** A figure of the overview: a link to the orders that make it up. */
export function FigureLink({ href, children, label, muted = false }: { href: string; children: ReactNode; label?: string; muted?: boolean }) {
  return (
    <Link href={href} aria-label={label} title={label} className={`num underline-offset-2 hover:text-brand-700 hover:underline ${muted ? "text-slate-400" : "text-slate-900"}`}>
      {children}
    </Link>
  );
}
