// The months of an organization's data with their close status and what is still open in each:
// orders not yet traced downstream, bank rows not explained, matches waiting for approval.
import type { Tx } from "@/lib/db/client";
import type { PeriodStatus } from "@/lib/db/generated/enums";
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

const OPEN_SIDE = (side: string, slot: string, amount: string) => `ABS(${amount}) > COALESCE((
    SELECT SUM(ABS(i."amountMinor")) FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
     WHERE i."orgId" = t."orgId" AND i.side = '${side}' AND i."rowId" = t.id AND i.slot = '${slot}' AND g.status IN ('CONFIRMED', 'PENDING_APPROVAL')), 0)`;

export async function listPeriods(tx: Tx, orgId: string): Promise<PeriodView[]> {
  const counts = await tx.$queryRawUnsafe<{ month: string; openOrders: bigint; openBank: bigint }[]>(
    `SELECT month, SUM(o)::bigint AS "openOrders", SUM(b)::bigint AS "openBank" FROM (
        SELECT to_char(COALESCE(t."paidAt", t."orderedAt", t."confirmedAt"), 'YYYY-MM') AS month, (${OPEN_SIDE("ORDER", "DOWN", `t."paidAmountMinor"`)})::int AS o, 0 AS b
          FROM "Order" t WHERE t."orgId" = $1::uuid
        UNION ALL
        SELECT to_char(t."occurredOn", 'YYYY-MM'), 0, (${OPEN_SIDE("BANK", "UP", `t."amountMinor"`)})::int
          FROM "BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId" WHERE t."orgId" = $1::uuid AND a.type = 'BANK'
        UNION ALL
        SELECT to_char(t."occurredOn", 'YYYY-MM'), 0, 0 FROM "SettlementLine" t WHERE t."orgId" = $1::uuid
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
