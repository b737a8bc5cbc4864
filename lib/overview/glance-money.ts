// The home page's 资金: for the orders of one month (by their business day), what should arrive,
// what arrived, what is still out and how much of it is overdue on the as-of day — the 回款管理
// summary's figures for that month (lib/receivables/receivables-summary.ts, read from the cube),
// added up over the stores as its 合计 row does, so the two pages always agree.
import type { Tx } from "@/lib/db/client";
import { monthBounds } from "@/lib/ledger/business-day";
import type { ReceivableQuery } from "@/lib/receivables/list-receivables";
import { receivablesSummary } from "@/lib/receivables/receivables-summary";

export type GlanceMoney = {
  /** The order-day range the figures cover (the month), for the links into 回款管理. */
  from: string;
  to: string;
  asOf: string;
  orders: number;
  expectedMinor: bigint;
  receivedMinor: bigint;
  outstandingMinor: bigint;
  overdueMinor: bigint;
  overdueOrders: number;
};

export async function glanceMoney(tx: Tx, query: ReceivableQuery, month: string): Promise<GlanceMoney> {
  const { first, last } = monthBounds(month);
  const { stores } = await receivablesSummary(tx, query, { from: first, to: last });
  const money: GlanceMoney = { from: first, to: last, asOf: query.asOf, orders: 0, expectedMinor: 0n, receivedMinor: 0n, outstandingMinor: 0n, overdueMinor: 0n, overdueOrders: 0 };
  for (const store of stores) {
    money.orders += store.orders;
    money.expectedMinor += store.expectedMinor;
    money.receivedMinor += store.receivedMinor;
    money.outstandingMinor += store.outstandingMinor;
    money.overdueMinor += store.overdueMinor;
    money.overdueOrders += store.overdueOrders;
  }
  return money;
}
