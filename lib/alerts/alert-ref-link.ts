// Where a row an alert names can be seen in the app: an order in 回款管理's order drawer (every
// order has one there), a bill line or bank row in the 未匹配 workspace searched by its reference
// (it shows there while something of it is still open). No reference, or no store or account on
// the alert to search under: no link, the file and row number still say where it is.
import type { AlertRef } from "./alert-refs";

export function alertRefHref(ref: Pick<AlertRef, "side" | "ref">, alert: { storeId: string | null; fundAccountId: string | null }): string | null {
  if (!ref.ref) return null;
  if (ref.side === "ORDER") return alert.storeId ? `/receivables/orders?${new URLSearchParams({ order: `${alert.storeId}:${ref.ref}` }).toString()}` : null;
  if (ref.side === "SETTLEMENT") return alert.storeId ? `/reconcile/unmatched?${new URLSearchParams({ left: "lines", lowner: alert.storeId, lq: ref.ref }).toString()}` : null;
  return alert.fundAccountId ? `/reconcile/unmatched?${new URLSearchParams({ right: "bank", rowner: alert.fundAccountId, rq: ref.ref }).toString()}` : null;
}
