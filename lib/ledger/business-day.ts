// Which day, and so which month, a row or a group belongs to. The month decides what a closed
// (LOCKED) month covers: the workspace refuses bookings in it, a run skips proposals in it, an
// import batch with rows in it cannot be undone, and the month list counts what is open in it.
// All of them must agree, so each rule is written once here, in SQL and in TypeScript side by side.
//   - An order: the day it was paid, else ordered, else confirmed (确认收货). Payment is when the
//     money left the buyer; an unpaid order (cancelled, or an export without a pay time) still
//     belongs where it was placed, not weeks later when its receipt was confirmed.
//   - A bill line, wallet or bank row: the day it was booked (occurredOn).
//   - A group: the day of its latest row (the day the hop completed): a January order paid out in
//     February is matched in February, and January can close without waiting for it.
import type { MatchSide } from "@/lib/db/generated/enums";

/** The dates of an order as the run's loader reads them ("YYYY-MM-DD"). */
export type OrderDays = { paidOn?: string; orderedOn?: string; confirmedOn?: string };

export function orderBusinessDay(order: OrderDays): string | undefined {
  return order.paidOn ?? order.orderedOn ?? order.confirmedOn;
}

/** SQL of `orderBusinessDay` over the "Order" row `alias`: a timestamp (cast or format it as needed). */
export function orderBusinessDaySql(alias: string): string {
  return `COALESCE(${alias}."paidAt", ${alias}."orderedAt", ${alias}."confirmedAt")`;
}

/** SQL: the business day (or timestamp) of the `side` row `alias`. */
export function rowBusinessDaySql(side: MatchSide, alias: string): string {
  return side === "ORDER" ? orderBusinessDaySql(alias) : `${alias}."occurredOn"`;
}

/** "YYYY-MM" of a "YYYY-MM-DD". */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** "YYYY-MM" → its first day, its last day, and the first day of the next month ("YYYY-MM-DD"). */
export function monthBounds(month: string): { first: string; last: string; next: string } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const next = mon === 12 ? `${year + 1}-01-01` : `${year}-${String(mon + 1).padStart(2, "0")}-01`;
  const last = new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last, next };
}

/** SQL of `monthOf` over a date or timestamp expression. */
export function monthSql(day: string): string {
  return `to_char(${day}, 'YYYY-MM')`;
}

/** The month of a group of rows: that of its latest dated row (undefined if none is dated). */
export function groupMonth(days: readonly (string | null | undefined)[]): string | undefined {
  let latest: string | undefined;
  for (const day of days) if (day && (!latest || day > latest)) latest = day;
  return latest && monthOf(latest);
}

/**
 * SQL: every item of the groups in `groups` (a relation with id and "orgId") with the business day
 * of its row — ("groupId", slot, "amountMinor", day) — one pass over each table, hashed. An item
 * whose row is gone keeps a NULL day. A group's day is max(day) of its items (`groupMonth`).
 */
export function groupItemDaysSql(groups: string): string {
  const side = (dbSide: MatchSide, table: string) =>
    `SELECT i."groupId", i.slot, i."amountMinor", ${rowBusinessDaySql(dbSide, "r")}::date AS day
        FROM ${groups} grp JOIN "MatchItem" i ON i."orgId" = grp."orgId" AND i."groupId" = grp.id LEFT JOIN "${table}" r ON r."orgId" = i."orgId" AND r.id = i."rowId"
       WHERE i.side = '${dbSide}'`;
  return [side("ORDER", "Order"), side("SETTLEMENT", "SettlementLine"), side("BANK", "BankTransaction")].join("\n      UNION ALL\n      ");
}

/** The month `by` months after "YYYY-MM" (before, when negative). */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, number - 1 + by, 1)).toISOString().slice(0, 7);
}
