// One read shared by several charts of the same request: the two fee charts fold the same pass over
// the bill lines. Kept per ReportScope object (the page, the export and the bench make one per
// request), so nothing outlives the request and two requests never share a result.
import type { ReportScope } from "@/lib/reports/standard-report";

const memo = new WeakMap<ReportScope, Map<string, Promise<unknown>>>();

/** `read()` once per scope and key; later calls with the same scope and key get the same promise. */
export function oncePerScope<T>(scope: ReportScope, key: string, read: () => Promise<T>): Promise<T> {
  let reads = memo.get(scope);
  if (!reads) memo.set(scope, (reads = new Map()));
  let pending = reads.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    reads.set(key, pending);
    // A failed read is not kept: the next caller asks again.
    pending.catch(() => reads.delete(key));
  }
  return pending;
}
