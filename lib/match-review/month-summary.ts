// One month of a company at a glance, for the home page: its close status, what is still to do
// (open proposals and approvals of the month, orders, bill/wallet lines and bank lines with
// something left), and the money — what the month's orders should bring in (paid less refunded:
// the receivable), what came in on the bank and on the wallets, and what of the orders is still
// open (rows marked not for reconciliation are not open: lib/ledger/excluded-rows.ts). It runs on
// every visit, so each table is read once, for the month only: bank and wallet rows through their
// (orgId, occurredOn) index, orders and bill lines by their business day
// (lib/ledger/business-day.ts), what counting groups took only for those rows (the same rule as
// every list: lib/ledger/row-remaining.ts), and open groups by their stored day
// (lib/ledger/group-facts.ts).
import type { Tx } from "@/lib/db/client";
import type { PeriodStatus } from "@/lib/db/generated/enums";
import { monthBounds, monthSql, orderBusinessDaySql } from "@/lib/ledger/business-day";
import { notCountingStatusSql } from "@/lib/ledger/counting-groups";
import { notExcludedSql } from "@/lib/ledger/excluded-rows";
import { rowRemainingSql, takenSumSql } from "@/lib/ledger/row-remaining";
import { closingMonths, type ClosingMonth } from "./month-states";

export type Open = { count: number; remainingMinor: bigint };

export type MonthSummary = {
  month: string;
  status: PeriodStatus;
  /** Who submitted / locked it and when (submitted and locked months only). */
  closing: ClosingMonth | null;
  proposals: number;
  pendingApprovals: number;
  orders: { count: number; expectedMinor: bigint; open: Open };
  /** Platform bill lines and wallet rows not yet traced onward (the unmatched page's "lines"). */
  lines: Open;
  /** Bank rows not yet explained (the unmatched page's "bank"). */
  bank: Open;
  receivedBankMinor: bigint;
  receivedWalletsMinor: bigint;
};

/** SQL: what counting groups took of the rows in `rows` (a relation with id) on one side and slot. */
function takenOfSql(rows: string, side: "ORDER" | "SETTLEMENT" | "BANK", slot: "UP" | "DOWN"): string {
  return `SELECT i."rowId", ${takenSumSql("i")} AS taken FROM ${rows} r JOIN "MatchItem" i ON i."orgId" = $1::uuid AND i.side = '${side}' AND i."rowId" = r.id AND i.slot = '${slot}'
     WHERE NOT EXISTS (SELECT 1 FROM "MatchGroup" g WHERE g."orgId" = i."orgId" AND g.id = i."groupId" AND ${notCountingStatusSql("g.status")})
     GROUP BY i."rowId"`;
}

type Row = {
  orders: bigint; expected: bigint; openOrders: bigint; openOrdersMinor: bigint;
  openLines: bigint; openLinesMinor: bigint; openBank: bigint; openBankMinor: bigint;
  receivedBank: bigint; receivedWallets: bigint; proposals: bigint; pending: bigint;
};

export async function monthSummary(tx: Tx, orgId: string, month: string): Promise<MonthSummary> {
  const { first, next } = monthBounds(month);
  // $1 org, $2 first day, $3 first day of the next month, $4 month.
  const [row] = await tx.$queryRawUnsafe<Row[]>(
    `WITH o AS MATERIALIZED (
            SELECT t.id, t."paidAmountMinor" AS amount, t."refundMinor" AS refund, ${notExcludedSql("ORDER", "t")} AS counted FROM "Order" t
             WHERE t."orgId" = $1::uuid AND ${orderBusinessDaySql("t")} >= $2::date AND ${orderBusinessDaySql("t")} < $3::date),
          s AS MATERIALIZED (
            SELECT t.id, t."amountMinor" AS amount, ${notExcludedSql("SETTLEMENT", "t")} AS counted FROM "SettlementLine" t WHERE t."orgId" = $1::uuid AND t."occurredOn" >= $2::date AND t."occurredOn" < $3::date),
          b AS MATERIALIZED (
            SELECT t.id, t."amountMinor" AS amount, a.type = 'BANK' AS bank, ${notExcludedSql("BANK", "t")} AS counted FROM "BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId"
             WHERE t."orgId" = $1::uuid AND t."occurredOn" >= $2::date AND t."occurredOn" < $3::date),
          o_taken AS (${takenOfSql("o", "ORDER", "DOWN")}),
          s_taken AS (${takenOfSql("s", "SETTLEMENT", "DOWN")}),
          b_up AS (${takenOfSql("(SELECT id FROM b WHERE bank)", "BANK", "UP")}),
          b_down AS (${takenOfSql("(SELECT id FROM b WHERE NOT bank)", "BANK", "DOWN")}),
          o_left AS (SELECT ${rowRemainingSql("o.amount", "x.taken")} AS remaining FROM o LEFT JOIN o_taken x ON x."rowId" = o.id WHERE o.counted),
          s_left AS (SELECT ${rowRemainingSql("s.amount", "x.taken")} AS remaining FROM s LEFT JOIN s_taken x ON x."rowId" = s.id WHERE s.counted),
          bank_left AS (SELECT ${rowRemainingSql("b.amount", "x.taken")} AS remaining FROM b LEFT JOIN b_up x ON x."rowId" = b.id WHERE b.bank AND b.counted),
          wallet_left AS (SELECT ${rowRemainingSql("b.amount", "x.taken")} AS remaining FROM b LEFT JOIN b_down x ON x."rowId" = b.id WHERE NOT b.bank AND b.counted),
          group_months AS (
            SELECT status, ${monthSql("day")} AS month FROM "MatchGroup" WHERE "orgId" = $1::uuid AND status IN ('PROPOSED', 'PENDING_APPROVAL') AND day >= $2::date AND day < $3::date)
     SELECT (SELECT count(*) FROM o) AS orders,
            (SELECT COALESCE(SUM(amount - COALESCE(refund, 0)), 0) FROM o)::bigint AS expected,
            (SELECT count(*) FROM o_left WHERE remaining > 0) AS "openOrders",
            (SELECT COALESCE(SUM(remaining) FILTER (WHERE remaining > 0), 0) FROM o_left)::bigint AS "openOrdersMinor",
            (SELECT count(*) FROM (SELECT remaining FROM s_left UNION ALL SELECT remaining FROM wallet_left) l WHERE remaining > 0) AS "openLines",
            (SELECT COALESCE(SUM(remaining), 0) FROM (SELECT remaining FROM s_left UNION ALL SELECT remaining FROM wallet_left) l WHERE remaining > 0)::bigint AS "openLinesMinor",
            (SELECT count(*) FROM bank_left WHERE remaining > 0) AS "openBank",
            (SELECT COALESCE(SUM(remaining) FILTER (WHERE remaining > 0), 0) FROM bank_left)::bigint AS "openBankMinor",
            (SELECT COALESCE(SUM(amount) FILTER (WHERE amount > 0 AND bank), 0) FROM b)::bigint AS "receivedBank",
            (SELECT COALESCE(SUM(amount) FILTER (WHERE amount > 0 AND NOT bank), 0) FROM b)::bigint AS "receivedWallets",
            (SELECT count(*) FROM group_months WHERE status = 'PROPOSED' AND month = $4) AS proposals,
            (SELECT count(*) FROM group_months WHERE status = 'PENDING_APPROVAL' AND month = $4) AS pending`,
    orgId,
    first,
    next,
    month,
  );
  const [period, closing] = await Promise.all([
    tx.period.findUnique({ where: { orgId_month: { orgId, month } }, select: { status: true } }),
    closingMonths(tx, orgId),
  ]);
  const r = row!;
  return {
    month,
    status: period?.status ?? "OPEN",
    closing: closing.find((entry) => entry.month === month) ?? null,
    proposals: Number(r.proposals),
    pendingApprovals: Number(r.pending),
    orders: { count: Number(r.orders), expectedMinor: r.expected, open: { count: Number(r.openOrders), remainingMinor: r.openOrdersMinor } },
    lines: { count: Number(r.openLines), remainingMinor: r.openLinesMinor },
    bank: { count: Number(r.openBank), remainingMinor: r.openBankMinor },
    receivedBankMinor: r.receivedBank,
    receivedWalletsMinor: r.receivedWallets,
  };
}

/**
 * The months the home page offers, latest first, and the one it opens on: the latest month with
 * data. Read from the bank and wallet rows' (orgId, occurredOn) index and the closed months, so it
 * costs two index probes; a company with orders but no statements yet falls back to its orders.
 */
export async function summaryMonths(tx: Tx, orgId: string): Promise<string[]> {
  const [bounds] = await tx.$queryRawUnsafe<{ first: string | null; last: string | null }[]>(
    `SELECT ${monthSql("min(\"occurredOn\")")} AS first, ${monthSql("max(\"occurredOn\")")} AS last FROM "BankTransaction" WHERE "orgId" = $1::uuid`,
    orgId,
  );
  let first = bounds?.first ?? null;
  let last = bounds?.last ?? null;
  if (!last) {
    const [orders] = await tx.$queryRawUnsafe<{ first: string | null; last: string | null }[]>(
      `SELECT ${monthSql(`min(${orderBusinessDaySql("t")})`)} AS first, ${monthSql(`max(${orderBusinessDaySql("t")})`)} AS last FROM "Order" t WHERE t."orgId" = $1::uuid`,
      orgId,
    );
    first = orders?.first ?? null;
    last = orders?.last ?? null;
  }
  const periods = await tx.period.findMany({ where: { orgId }, select: { month: true } });
  const months = new Set(periods.map((period) => period.month));
  if (first && last) for (let month = first; month <= last; month = monthBounds(month).next.slice(0, 7)) months.add(month);
  return [...months].sort().reverse();
}
