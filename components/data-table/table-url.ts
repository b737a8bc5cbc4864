"use client";
// The table's server-side state lives in the URL (search params), so a sorted, filtered, paged
// view can be reloaded and shared and the server pages over the whole list. A prefix keeps two
// tables on one page apart (the unmatched workspace's left and right panes: lsort, rsort…).
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export type TableParam = "sort" | "dir" | "page" | "size";

export function useTableUrl(prefix = "") {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const get = (name: TableParam) => search.get(`${prefix}${name}`) ?? undefined;
  const go = (changes: Partial<Record<TableParam, string | undefined>>) => {
    const next = new URLSearchParams(search.toString());
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(`${prefix}${name}`, value);
      else next.delete(`${prefix}${name}`);
    }
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return { get, go };
}
