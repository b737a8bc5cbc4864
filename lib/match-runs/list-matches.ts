// Match groups with their rows described as people find them in their files: the reference they
// know (order no., payout id, bank reference), the file it came from and its row number there.
import type { Tx } from "@/lib/db/client";
import type { MatchSide, MatchStatus } from "@/lib/db/generated/enums";

const PAGE = 1000;

export type MatchLine = {
  id: string;
  kind: string;
  status: string;
  rule: string;
  confidence: number;
  reasons: unknown;
  items: { side: "order" | "settlement" | "bank"; ref: string | null; batchId: string; file: string; sourceRow: number; amountMinor: string }[];
};

type RowInfo = { ref: string | null; batchId: string; sourceRow: number };

async function describeRows(db: Tx, orgId: string, side: MatchSide, ids: bigint[]): Promise<Map<bigint, RowInfo>> {
  if (ids.length === 0) return new Map();
  const where = { orgId, id: { in: ids } };
  if (side === "ORDER") {
    const rows = await db.order.findMany({ where, select: { id: true, orderNo: true, batchId: true, sourceRow: true } });
    return new Map(rows.map((r) => [r.id, { ref: r.orderNo, batchId: r.batchId, sourceRow: r.sourceRow }]));
  }
  if (side === "SETTLEMENT") {
    const rows = await db.settlementLine.findMany({ where, select: { id: true, reference: true, orderNo: true, payoutId: true, batchId: true, sourceRow: true } });
    return new Map(rows.map((r) => [r.id, { ref: r.reference ?? r.orderNo ?? r.payoutId, batchId: r.batchId, sourceRow: r.sourceRow }]));
  }
  const rows = await db.bankTransaction.findMany({ where, select: { id: true, reference: true, merchantOrderNo: true, memo: true, batchId: true, sourceRow: true } });
  return new Map(rows.map((r) => [r.id, { ref: r.reference ?? r.merchantOrderNo ?? r.memo, batchId: r.batchId, sourceRow: r.sourceRow }]));
}

export async function* listMatches(db: Tx, orgId: string, status: MatchStatus | "ALL"): AsyncGenerator<MatchLine> {
  const files = new Map((await db.importBatch.findMany({ where: { orgId }, select: { id: true, fileName: true } })).map((b) => [b.id, b.fileName]));
  let cursor: string | undefined;
  while (true) {
    const groups = await db.matchGroup.findMany({
      where: { orgId, ...(status === "ALL" ? {} : { status }) },
      include: { items: { orderBy: [{ side: "asc" }, { rowId: "asc" }, { slot: "asc" }] } },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { orgId_id: { orgId, id: cursor } } } : {}),
    });
    if (groups.length === 0) return;
    const items = groups.flatMap((group) => group.items);
    const bySide = new Map<MatchSide, Map<bigint, RowInfo>>();
    for (const side of ["ORDER", "SETTLEMENT", "BANK"] as const) {
      bySide.set(side, await describeRows(db, orgId, side, items.filter((item) => item.side === side).map((item) => item.rowId)));
    }
    for (const group of groups) {
      yield {
        id: group.id,
        kind: group.kind,
        status: group.status,
        rule: group.rule,
        confidence: group.confidence,
        reasons: group.reasons,
        items: group.items.map((item) => {
          const info = bySide.get(item.side)?.get(item.rowId);
          return {
            side: item.side.toLowerCase() as "order" | "settlement" | "bank",
            ref: info?.ref ?? null,
            batchId: info?.batchId ?? "",
            file: info ? (files.get(info.batchId) ?? "") : "",
            sourceRow: info?.sourceRow ?? 0,
            amountMinor: item.amountMinor.toString(),
          };
        }),
      };
    }
    cursor = groups[groups.length - 1]!.id;
  }
}
