// The aging table on the as-of day: stores down, the company's buckets across (not yet due by days
// to go, then overdue by days late), outstanding amount with the number of orders under it, 合计
// row and column. Each cell opens exactly its orders (store + bucket + the view's range and day).
import { getLocale, getTranslations } from "next-intl/server";
import { formatMinor } from "@/lib/money";
import type { AgingBucket } from "@/lib/receivables/aging-buckets";
import type { AgingCell, StoreSummary } from "@/lib/receivables/receivables-summary";
import { bucketLabel } from "@/lib/receivables/bucket-label";
import { FigureLink } from "./figure-link";
import { ordersHref, type ListLink } from "./receivable-links";

const TH = "bg-slate-50 px-2 py-1.5 text-xs font-medium whitespace-nowrap text-slate-600";

export async function AgingTable({ buckets, cells, stores, view }: { buckets: AgingBucket[]; cells: AgingCell[]; stores: StoreSummary[]; view: ListLink }) {
  const [t, locale] = await Promise.all([getTranslations("receivables.aging"), getLocale()]);
  const tBuckets = await getTranslations("receivables.buckets");
  const money = (value: bigint, currency = "CNY") => formatMinor(value, currency, locale === "en" ? "en" : "zh-CN");
  const at = new Map(cells.map((cell) => [`${cell.storeId}|${cell.bucket}`, cell]));
  const add = (list: AgingCell[]) => list.reduce((sum, cell) => ({ orders: sum.orders + cell.orders, amountMinor: sum.amountMinor + cell.amountMinor }), { orders: 0, amountMinor: 0n });
  const label = (bucket: AgingBucket) => bucketLabel(tBuckets, bucket);
  const figure = (sum: { orders: number; amountMinor: bigint }, href: string, title: string, testId?: string, currency?: string) =>
    sum.orders === 0 ? (
      <span className="text-slate-300">—</span>
    ) : (
      <FigureLink href={href} label={title}>
        <span className="block" data-testid={testId}>
          {money(sum.amountMinor, currency)}
        </span>
        <span className="block text-xs text-slate-500" data-testid={testId ? "aging-orders" : undefined} data-orders={sum.orders}>
          {t("orders", { count: sum.orders })}
        </span>
      </FigureLink>
    );
  // A row's or the table's 合计: every order still to collect (all buckets), most overdue first.
  const late = (link: ListLink): ListLink => ({ ...link, due: "open", sort: "days", dir: "desc" });
  return (
    <section className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-800">{t("title")}</h2>
        <p className="text-xs text-slate-500">{t("hint", { asOf: view.asOf ?? "" })}</p>
      </div>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className="num w-full min-w-[60rem] text-sm" data-testid="aging-table">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className={`${TH} text-left`}>
                {t("store")}
              </th>
              {buckets.map((bucket) => (
                <th key={bucket.key} scope="col" className={`${TH} text-right ${bucket.kind === "over" ? "text-red-700" : ""}`} data-bucket={bucket.key}>
                  {label(bucket)}
                </th>
              ))}
              <th scope="col" className={`${TH} text-right`}>
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {stores.map((store) => (
              <tr key={store.storeId} data-testid="aging-row" data-store-id={store.storeId}>
                <th scope="row" className="px-2 py-1 text-left font-medium whitespace-nowrap text-slate-800">
                  {store.storeName}
                </th>
                {buckets.map((bucket) => {
                  const cell = at.get(`${store.storeId}|${bucket.key}`);
                  return (
                    <td key={bucket.key} className="px-2 py-1 text-right align-top whitespace-nowrap" data-bucket={bucket.key} data-testid="aging-cell">
                      {figure(cell ?? { orders: 0, amountMinor: 0n }, ordersHref({ ...view, store: store.storeId, bucket: bucket.key }), `${store.storeName} · ${label(bucket)}`, "aging-amount", store.currency)}
                    </td>
                  );
                })}
                <td className="bg-slate-50 px-2 py-1 text-right align-top font-medium whitespace-nowrap">
                  {figure(add(cells.filter((cell) => cell.storeId === store.storeId)), ordersHref(late({ ...view, store: store.storeId })), `${store.storeName} · ${t("total")}`, undefined, store.currency)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-slate-200 bg-slate-100 font-semibold text-slate-900" data-testid="aging-totals">
              <th scope="row" className="px-2 py-1 text-left whitespace-nowrap">
                {t("total")}
              </th>
              {buckets.map((bucket) => (
                <td key={bucket.key} className="px-2 py-1 text-right align-top whitespace-nowrap" data-bucket={bucket.key}>
                  {figure(add(cells.filter((cell) => cell.bucket === bucket.key)), ordersHref({ ...view, bucket: bucket.key }), `${t("total")} · ${label(bucket)}`)}
                </td>
              ))}
              <td className="px-2 py-1 text-right align-top whitespace-nowrap">{figure(add(cells), ordersHref(late(view)), t("total"))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
