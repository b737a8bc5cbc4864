// Links between the 回款管理 pages: every figure of the overview opens the order list with the
// filters that make up that figure (store, status or bucket, order-date range, as-of day), and a
// row of the list opens its drawer. Pure, so server and client pages build the same URLs.

export type ListLink = Partial<Record<"store" | "platform" | "status" | "bucket" | "due" | "from" | "to" | "asOf" | "owner" | "follow" | "nextBy" | "q" | "sort" | "dir" | "order", string>>;

export function ordersHref(filters: ListLink): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `/receivables/orders?${query}` : "/receivables/orders";
}

/** The drawer's URL parameter: one order of one store. */
export function orderParam(storeId: string, orderNo: string): string {
  return `${storeId}:${orderNo}`;
}

/** Reads `order=<storeId>:<orderNo>`; anything else is no order. */
export function readOrderParam(value: string | undefined): { storeId: string; orderNo: string } | null {
  if (!value) return null;
  const at = value.indexOf(":");
  const storeId = value.slice(0, at);
  const orderNo = value.slice(at + 1).trim();
  if (at < 0 || !/^[0-9a-f-]{36}$/i.test(storeId) || orderNo.length === 0 || orderNo.length > 128) return null;
  return { storeId, orderNo };
}

/** The current URL's parameters with some changed (undefined removes one). */
export function withParams(current: URLSearchParams | Record<string, string | undefined>, changes: Record<string, string | undefined>, path = "/receivables/orders"): string {
  const next = new URLSearchParams();
  const entries = current instanceof URLSearchParams ? [...current.entries()] : Object.entries(current).filter((entry): entry is [string, string] => entry[1] !== undefined);
  for (const [name, value] of entries) next.set(name, value);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) next.delete(name);
    else next.set(name, value);
  }
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
