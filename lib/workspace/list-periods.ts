// The months of an organization's data with their close status and what is still open in each:
// orders not yet traced downstream, bank rows not explained, matches waiting for approval.
import type { Tx } from "@/lib/db/client";
import type { PeriodStatus } from "@/lib/db/generated/enums";
import { countPendingApprovals } from "./periods";
import { orderDaySql } from "./order-day-sql";

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

/**
 * What active groups (CONFIRMED, PENDING_APPROVAL) took of one side and slot of each row: one pass
 * over that side's items, summed per row, to be joined by hash (not a lookup per row). The groups
 * left out are the few inactive ones (proposals, rejected, reversed). Materialized once: in a
 * parallel plan every worker would otherwise build its own copy.
 */
const ALLOCATED = (side: string, slot: string) => `SELECT i."rowId", SUM(ABS(i."amountMinor"))::bigint AS allocated FROM "MatchItem" i
     WHERE i."orgId" = $1::uuid AND i.side = '${side}' AND i.slot = '${slot}'
       AND NOT EXISTS (SELECT 1 FROM "MatchGroup" g WHERE g."orgId" = i."orgId" AND g.id = i."groupId" AND g.status NOT IN ('CONFIRMED', 'PENDING_APPROVAL'))
     GROUP BY i."rowId"`;

export async function listPeriods(tx: Tx, orgId: string): Promise<PeriodView[]> {
  // Counted per month start, named once per month ("YYYY-MM" of the month start is that of every day in it).
  const counts = await tx.$queryRawUnsafe<{ month: string; openOrders: bigint; openBank: bigint }[]>(
    `WITH order_allocated AS MATERIALIZED (${ALLOCATED("ORDER", "DOWN")}), bank_allocated AS MATERIALIZED (${ALLOCATED("BANK", "UP")})
     SELECT to_char(month, 'YYYY-MM') AS month, SUM(o)::bigint AS "openOrders", SUM(b)::bigint AS "openBank" FROM (
        SELECT date_trunc('month', ${orderDaySql("t")}) AS month, (ABS(t."paidAmountMinor") > COALESCE(a.allocated, 0))::int AS o, 0 AS b
          FROM "Order" t LEFT JOIN order_allocated a ON a."rowId" = t.id WHERE t."orgId" = $1::uuid
        UNION ALL
        SELECT date_trunc('month', t."occurredOn"::timestamp), 0, (ABS(t."amountMinor") > COALESCE(al.allocated, 0))::int
          FROM "BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId" LEFT JOIN bank_allocated al ON al."rowId" = t.id
         WHERE t."orgId" = $1::uuid AND a.type = 'BANK'
        UNION ALL
        SELECT date_trunc('month', t."occurredOn"::timestamp), 0, 0 FROM "SettlementLine" t WHERE t."orgId" = $1::uuid
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
