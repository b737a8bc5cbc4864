// Per store: orders, what should arrive (应回款), what did (已到账), what is still out, how much of
// it is late, and the average days from 确认收货 to the bank (DSO); a 合计 row. Every figure opens
// the orders behind it.
import { getLocale, getTranslations } from "next-intl/server";
import { formatMinor } from "@/lib/money";
import type { StoreSummary } from "@/lib/receivables/receivables-summary";
import { FigureLink } from "./figure-link";
import { ordersHref, type ListLink } from "./receivable-links";

const TH = "sticky top-0 bg-slate-50 px-2 py-1.5 text-xs font-medium whitespace-nowrap text-slate-600";
const TD = "px-2 py-1 whitespace-nowrap";

export async function StoreSummaryTable({ stores, view }: { stores: StoreSummary[]; view: ListLink }) {
  const [t, tp, locale] = await Promise.all([getTranslations("receivables"), getTranslations("platforms"), getLocale()]);
  const money = (value: bigint, currency = "CNY") => formatMinor(value, currency, locale === "en" ? "en" : "zh-CN");
  const count = (value: number) => new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN").format(value);
  const sum = (pick: (store: StoreSummary) => bigint) => stores.reduce((total, store) => total + pick(store), 0n);
  const total = {
    orders: stores.reduce((n, store) => n + store.orders, 0),
    overdueOrders: stores.reduce((n, store) => n + store.overdueOrders, 0),
    expected: sum((store) => store.expectedMinor),
    received: sum((store) => store.receivedMinor),
    outstanding: sum((store) => store.outstandingMinor),
    overdue: sum((store) => store.overdueMinor),
  };
  // 逾期金额 / 逾期单数: exactly the orders past their expected date with money still out.
  const late = (link: ListLink): ListLink => ({ ...link, due: "overdue", sort: "days", dir: "desc" });
  const th = (key: string, right = true) => (
    <th scope="col" className={`${TH} ${right ? "text-right" : "text-left"}`}>
      {t(`stores.${key}`)}
    </th>
  );
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold text-slate-800">{t("stores.title")}</h2>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className="num w-full min-w-[56rem] text-sm" data-testid="store-summary">
          <thead>
            <tr className="border-b border-slate-200">
              {th("store", false)}
              {th("platform", false)}
              {th("orders")}
              {th("expected")}
              {th("received")}
              {th("outstanding")}
              {th("overdue")}
              {th("overdueOrders")}
              <th scope="col" className={`${TH} text-right`} title={t("stores.dsoHint")}>
                {t("stores.dso")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {stores.length === 0 ? (
              <tr>
                <td colSpan={9} className="px-3 py-6 text-center text-sm text-slate-500">
                  {t("stores.empty")}
                </td>
              </tr>
            ) : null}
            {stores.map((store) => {
              const own: ListLink = { ...view, store: store.storeId };
              return (
                <tr key={store.storeId} data-testid="store-summary-row" data-store-id={store.storeId}>
                  <td className={`${TD} font-medium text-slate-800`}>
                    <FigureLink href={ordersHref(own)}>{store.storeName}</FigureLink>
                  </td>
                  <td className={`${TD} text-slate-600`}>{tp(store.platform)}</td>
                  <td className={`${TD} text-right`} data-column="orders">
                    <FigureLink href={ordersHref(own)}>{count(store.orders)}</FigureLink>
                  </td>
                  <td className={`${TD} text-right`} data-column="expected">
                    <FigureLink href={ordersHref(own)}>{money(store.expectedMinor, store.currency)}</FigureLink>
                  </td>
                  <td className={`${TD} text-right`} data-column="received">
                    <FigureLink href={ordersHref(own)}>{money(store.receivedMinor, store.currency)}</FigureLink>
                  </td>
                  <td className={`${TD} text-right`} data-column="outstanding">
                    <FigureLink href={ordersHref(own)}>{money(store.outstandingMinor, store.currency)}</FigureLink>
                  </td>
                  <td className={`${TD} text-right`} data-column="overdue">
                    <FigureLink href={ordersHref(late(own))} muted={store.overdueMinor === 0n}>
                      {money(store.overdueMinor, store.currency)}
                    </FigureLink>
                  </td>
                  <td className={`${TD} text-right`} data-column="overdueOrders">
                    <FigureLink href={ordersHref(late(own))} muted={store.overdueOrders === 0}>
                      {count(store.overdueOrders)}
                    </FigureLink>
                  </td>
                  <td className={`${TD} text-right`} data-column="dso">
                    {store.dsoDays === null ? (
                      <span className="text-slate-400">—</span>
                    ) : (
                      <FigureLink href={ordersHref({ ...own, status: "RECEIVED" })}>{t("stores.days", { days: store.dsoDays })}</FigureLink>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          {stores.length > 0 ? (
            <tfoot>
              <tr className="border-t border-slate-200 bg-slate-100 font-semibold text-slate-900" data-testid="store-summary-totals">
                <td className={TD} colSpan={2}>
                  {t("stores.total")}
                </td>
                <td className={`${TD} text-right`}>
                  <FigureLink href={ordersHref(view)}>{count(total.orders)}</FigureLink>
                </td>
                <td className={`${TD} text-right`}>
                  <FigureLink href={ordersHref(view)}>{money(total.expected)}</FigureLink>
                </td>
                <td className={`${TD} text-right`}>
                  <FigureLink href={ordersHref(view)}>{money(total.received)}</FigureLink>
                </td>
                <td className={`${TD} text-right`}>
                  <FigureLink href={ordersHref(view)}>{money(total.outstanding)}</FigureLink>
                </td>
                <td className={`${TD} text-right`}>
                  <FigureLink href={ordersHref(late(view))}>{money(total.overdue)}</FigureLink>
                </td>
                <td className={`${TD} text-right`}>
                  <FigureLink href={ordersHref(late(view))}>{count(total.overdueOrders)}</FigureLink>
                </td>
                <td className={`${TD} text-right text-slate-400`}>—</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    </section>
  );
}
