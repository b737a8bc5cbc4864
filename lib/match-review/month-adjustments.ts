// What a month's booked matches explained with adjustments (手续费, 佣金, 尾差 …), by type: how many
// and how much. A group belongs to the month of its latest row (MatchGroup.day, business-day.ts);
// only confirmed groups count here — a manual match waiting for approval is not booked yet.
import type { Tx } from "@/lib/db/client";
import type { AdjustmentType } from "@/lib/db/generated/enums";
import { monthBounds } from "@/lib/ledger/business-day";

export type MonthAdjustment = { type: AdjustmentType; count: number; amountMinor: bigint };

export async function monthAdjustments(tx: Tx, orgId: string, month: string): Promise<MonthAdjustment[]> {
  const { first, next } = monthBounds(month);
  const rows = await tx.$queryRawUnsafe<{ type: AdjustmentType; count: bigint; amount: bigint }[]>(
    `SELECT a.type, count(*)::bigint AS count, SUM(a."amountMinor")::bigint AS amount
       FROM "MatchAdjustment" a JOIN "MatchGroup" g ON g."orgId" = a."orgId" AND g.id = a."groupId"
      WHERE a."orgId" = $1::uuid AND g.status = 'CONFIRMED' AND g.day >= $2::date AND g.day < $3::date
      GROUP BY a.type ORDER BY a.type`,
    orgId,
    first,
    next,
  );
  return rows.map((row) => ({ type: row.type, count: Number(row.count), amountMinor: row.amount }));
}
