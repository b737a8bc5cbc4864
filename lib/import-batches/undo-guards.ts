// What must hold before a batch's rows may be removed: none of them in a locked month (the books of
// that month are closed), none spent by a confirmed or pending match (unmatch those first, so the
// reversal is on record). Open proposals that use its rows are simply dropped with it.
import type { Tx } from "@/lib/db/client";
import type { ImportKind, MatchSide } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { monthSql, rowBusinessDaySql } from "@/lib/ledger/business-day";
import { countingStatusSql } from "@/lib/ledger/counting-groups";

const ROWS: Record<ImportKind, { table: string; side: MatchSide }> = {
  ORDERS: { table: "Order", side: "ORDER" },
  SETTLEMENT: { table: "SettlementLine", side: "SETTLEMENT" },
  BANK: { table: "BankTransaction", side: "BANK" },
};

export async function assertBatchRowsRemovable(tx: Tx, orgId: string, batchId: string, kind: ImportKind): Promise<void> {
  const rows = ROWS[kind];
  const [locked] = await tx.$queryRawUnsafe<{ month: string }[]>(
    `SELECT p.month FROM "Period" p
      WHERE p."orgId" = $1::uuid AND p.status = 'LOCKED'
        AND EXISTS (SELECT 1 FROM "${rows.table}" t WHERE t."orgId" = $1::uuid AND t."batchId" = $2::uuid AND ${monthSql(rowBusinessDaySql(rows.side, "t"))} = p.month)
      ORDER BY p.month LIMIT 1`,
    orgId,
    batchId,
  );
  if (locked) throw new AppError("LOCKED", { messageKey: "batchInLockedMonth", params: { month: locked.month } });

  const [matched] = await tx.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(DISTINCT t.id)::bigint AS count FROM "${rows.table}" t
       JOIN "MatchItem" i ON i."orgId" = t."orgId" AND i.side = '${rows.side}' AND i."rowId" = t.id
       JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
      WHERE t."orgId" = $1::uuid AND t."batchId" = $2::uuid AND ${countingStatusSql("g.status")}`,
    orgId,
    batchId,
  );
  if (matched && matched.count > 0n) throw new AppError("CONFLICT", { messageKey: "batchRowsMatched", params: { count: Number(matched.count) } });

  await tx.$executeRawUnsafe(
    `DELETE FROM "MatchGroup" g USING "MatchItem" i, "${rows.table}" t
      WHERE g."orgId" = $1::uuid AND g.status = 'PROPOSED' AND i."orgId" = g."orgId" AND i."groupId" = g.id
        AND i.side = '${rows.side}' AND t."orgId" = i."orgId" AND t.id = i."rowId" AND t."batchId" = $2::uuid`,
    orgId,
    batchId,
  );
}
