import type { ReactNode } from "react";

/** What a list says when it has nothing to show. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-lg bg-white p-6 text-sm text-slate-500 ring-1 ring-slate-200">{children}</p>;
}
