// The months of an organization's data with their close status and what is still open in each:
// orders not yet traced downstream, bank rows not explained (rows marked not for reconciliation are
// not open), matches waiting for approval.
import type { Tx } from "@/lib/db/client";
import type { PeriodStatus } from "@/lib/db/generated/enums";
import { monthSql, rowBusinessDaySql } from "@/lib/ledger/business-day";
import { notExcludedSql } from "@/lib/ledger/excluded-rows";
import { rowRemainingSql, takenPerRowSql } from "@/lib/ledger/row-remaining";
import { countPendingApprovals } from "./periods";

export type PeriodView = {
  month: string;
  status: PeriodStatus;
  openOrders: number;
  openBank: number;
  pendingApprovals: number;
  submittedAt: Date | null;
  submittedById: string | null;
  lockedAt: Date | null;
  lockedById: string | null;
  reopenedAt: Date | null;
  reopenedById: string | null;
  reopenReason: string | null;
};

export async function listPeriods(tx: Tx, orgId: string): Promise<PeriodView[]> {
  // Counted per month start, named once per month ("YYYY-MM" of the month start is that of every
  // day in it): grouping by a timestamp is cheaper than formatting every row's day. What counting
  // groups took of each row is materialized once: in a parallel plan every worker would otherwise
  // build its own copy. An order is open while its downstream side has something left, a bank row
  // while its upstream side has.
  const counts = await tx.$queryRawUnsafe<{ month: string; openOrders: bigint; openBank: bigint }[]>(
    `WITH order_taken AS MATERIALIZED (${takenPerRowSql({ org: "$1::uuid", side: "ORDER", slot: "'DOWN'" })}),
          bank_taken AS MATERIALIZED (${takenPerRowSql({ org: "$1::uuid", side: "BANK", slot: "'UP'" })})
     SELECT ${monthSql("month")} AS month, SUM(o)::bigint AS "openOrders", SUM(b)::bigint AS "openBank" FROM (
        SELECT date_trunc('month', ${rowBusinessDaySql("ORDER", "t")}) AS month, (${rowRemainingSql(`t."paidAmountMinor"`, "a.taken")} > 0)::int AS o, 0 AS b
          FROM "Order" t LEFT JOIN order_taken a ON a."rowId" = t.id WHERE t."orgId" = $1::uuid AND ${notExcludedSql("ORDER", "t")}
        UNION ALL
        SELECT date_trunc('month', ${rowBusinessDaySql("BANK", "t")}::timestamp), 0, (${rowRemainingSql(`t."amountMinor"`, "al.taken")} > 0)::int
          FROM "BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId" LEFT JOIN bank_taken al ON al."rowId" = t.id
         WHERE t."orgId" = $1::uuid AND a.type = 'BANK' AND ${notExcludedSql("BANK", "t")}
        UNION ALL
        SELECT date_trunc('month', ${rowBusinessDaySql("SETTLEMENT", "t")}::timestamp), 0, 0 FROM "SettlementLine" t WHERE t."orgId" = $1::uuid
      ) x WHERE month IS NOT NULL GROUP BY month`,
    orgId,
  );
  const periods = await tx.period.findMany({ where: { orgId } });
  const months = [...new Set([...counts.map((row) => row.month), ...periods.map((period) => period.month)])].sort().reverse();
  const views: PeriodView[] = [];
  for (const month of months) {
    const count = counts.find((row) => row.month === month);
    const period = periods.find((row) => row.month === month);
    views.push({
      month,
      status: period?.status ?? "OPEN",
      openOrders: Number(count?.openOrders ?? 0n),
      openBank: Number(count?.openBank ?? 0n),
      pendingApprovals: await countPendingApprovals(tx, orgId, month),
      submittedAt: period?.submittedAt ?? null,
      submittedById: period?.submittedById ?? null,
      lockedAt: period?.lockedAt ?? null,
      lockedById: period?.lockedById ?? null,
      reopenedAt: period?.reopenedAt ?? null,
      reopenedById: period?.reopenedById ?? null,
      reopenReason: period?.reopenReason ?? null,
    });
  }
  return views;
}
