// Groups for the workspace — open proposals, matches waiting for approval, confirmed history — one
// page at a time with their rows described as people know them (reference, date, file and row),
// their difference broken down, and the filters staff use (store, account, rule, confidence,
// amount, date).
import { z } from "zod";
import { yuanFilter } from "./amount-filter";
import type { Tx } from "@/lib/db/client";
import type { MatchStatus } from "@/lib/db/generated/enums";
import { MATCH_RULES, type Reason, type Side, type Slot } from "@/lib/match-engine";
import { groupReasons } from "@/lib/match-runs/group-reasons";
import { fileNames } from "./list-unmatched";
import { SIDE_FROM_DB, SLOT_FROM_DB } from "./row-ref";
import { groupItemDaysSql, orderBusinessDaySql } from "@/lib/ledger/business-day";

export const GROUP_PAGE_SIZE = 25;

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const groupFilterSchema = z.object({
  store: z.uuid().optional().catch(undefined),
  account: z.uuid().optional().catch(undefined),
  rule: z.enum([...MATCH_RULES, "MANUAL"]).optional().catch(undefined),
  minConfidence: z.coerce.number().int().min(0).max(100).optional().catch(undefined),
  /** In yuan in the URL, minor units once parsed. */
  min: yuanFilter,
  max: yuanFilter,
  from: dateText.optional().catch(undefined),
  to: dateText.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type GroupFilter = z.output<typeof groupFilterSchema>;

export type GroupRow = {
  side: Side;
  id: string;
  slot: Slot;
  amountMinor: bigint;
  ref: string | null;
  day: string | null;
  owner: string | null;
  file: string;
  sourceRow: number | null;
};

export type GroupView = {
  id: string;
  kind: string;
  status: MatchStatus;
  rule: string;
  link: string;
  confidence: number;
  reasons: Reason[];
  note: string | null;
  createdById: string | null;
  createdAt: Date;
  /** What arrived at the downstream end, net (the signed sum of the "up" items, as a magnitude). */
  amountMinor: bigint;
  day: string | null;
  rows: GroupRow[];
  adjustments: { type: string; amountMinor: bigint; note: string | null }[];
};

export type GroupPage = { groups: GroupView[]; total: number; totalAmountMinor: bigint; page: number; pages: number };

/**
 * Each group of the wanted statuses with what arrived at its downstream end (`amount`) and the day
 * of its latest row (`day`): the groups' items joined to their rows side by side — one pass over
 * each table, hashed, rather than a lookup per item — and summed per group. Groups without items
 * keep amount 0 and no day; an item whose row is gone still counts in the amount.
 */
const GROUPS_WITH_FACTS = `WITH g AS MATERIALIZED (
      SELECT g.id, g."orgId", g.rule, g.confidence, g."createdAt" FROM "MatchGroup" g WHERE g."orgId" = $1::uuid AND g.status = ANY($2::"MatchStatus"[])),
    items AS (${groupItemDaysSql("g")}),
    facts AS (
      SELECT "groupId", ABS(COALESCE(SUM("amountMinor") FILTER (WHERE slot = 'UP'), 0))::bigint AS amount, max(day) AS day FROM items GROUP BY "groupId")
    SELECT g.id, g."orgId", g.rule, g.confidence, g."createdAt", COALESCE(f.amount, 0)::bigint AS amount, f.day
      FROM g LEFT JOIN facts f ON f."groupId" = g.id`;

export async function listGroups(tx: Tx, orgId: string, statuses: readonly MatchStatus[], filter: GroupFilter, pageSize = GROUP_PAGE_SIZE): Promise<GroupPage> {
  const params: unknown[] = [orgId, statuses];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (filter.rule) where.push(`x.rule = ${param(filter.rule)}`);
  if (filter.minConfidence !== undefined) where.push(`x.confidence >= ${param(filter.minConfidence)}`);
  if (filter.min) where.push(`x.amount >= ${param(BigInt(filter.min))}::bigint`);
  if (filter.max) where.push(`x.amount <= ${param(BigInt(filter.max))}::bigint`);
  if (filter.from) where.push(`x.day >= ${param(filter.from)}::date`);
  if (filter.to) where.push(`x.day <= ${param(filter.to)}::date`);
  if (filter.store) {
    const store = param(filter.store);
    where.push(`EXISTS (SELECT 1 FROM "MatchItem" i WHERE i."orgId" = x."orgId" AND i."groupId" = x.id AND (
        (i.side = 'ORDER' AND EXISTS (SELECT 1 FROM "Order" o WHERE o."orgId" = i."orgId" AND o.id = i."rowId" AND o."storeId" = ${store}::uuid))
     OR (i.side = 'SETTLEMENT' AND EXISTS (SELECT 1 FROM "SettlementLine" s WHERE s."orgId" = i."orgId" AND s.id = i."rowId" AND s."storeId" = ${store}::uuid))))`);
  }
  if (filter.account) {
    where.push(`EXISTS (SELECT 1 FROM "MatchItem" i JOIN "BankTransaction" b ON b."orgId" = i."orgId" AND b.id = i."rowId"
       WHERE i."orgId" = x."orgId" AND i."groupId" = x.id AND i.side = 'BANK' AND b."fundAccountId" = ${param(filter.account)}::uuid)`);
  }
  const offset = (filter.page - 1) * pageSize;
  const found = await tx.$queryRawUnsafe<{ id: string; amount: bigint; day: string | null; total: bigint; totalAmount: bigint }[]>(
    `SELECT x.id, x.amount, to_char(x.day, 'YYYY-MM-DD') AS day, count(*) OVER ()::bigint AS total, SUM(x.amount) OVER ()::bigint AS "totalAmount"
       FROM (${GROUPS_WITH_FACTS}) x
      ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY x.confidence DESC, x.day NULLS LAST, x.id
      LIMIT ${pageSize} OFFSET ${offset}`,
    ...params,
  );
  const groups = await describeGroups(tx, orgId, found);
  const total = Number(found[0]?.total ?? 0n);
  return { groups, total, totalAmountMinor: found[0]?.totalAmount ?? 0n, page: filter.page, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

async function describeGroups(tx: Tx, orgId: string, found: readonly { id: string; amount: bigint; day: string | null }[]): Promise<GroupView[]> {
  if (found.length === 0) return [];
  const ids = found.map((row) => row.id);
  const groups = await tx.matchGroup.findMany({
    where: { orgId, id: { in: ids } },
    include: { items: { orderBy: [{ side: "asc" }, { rowId: "asc" }, { slot: "asc" }] }, adjustments: { orderBy: { id: "asc" } } },
  });
  const rows = await tx.$queryRawUnsafe<{ side: string; id: bigint; ref: string | null; day: string | null; owner: string | null; batchId: string; sourceRow: number }[]>(
    `SELECT 'ORDER' AS side, o.id, o."orderNo" AS ref, to_char(${orderBusinessDaySql("o")}, 'YYYY-MM-DD') AS day, s.name AS owner, o."batchId", o."sourceRow"
       FROM "MatchItem" i JOIN "Order" o ON o."orgId" = i."orgId" AND o.id = i."rowId" JOIN "Store" s ON s."orgId" = o."orgId" AND s.id = o."storeId"
      WHERE i."orgId" = $1::uuid AND i."groupId" = ANY($2::uuid[]) AND i.side = 'ORDER'
     UNION ALL
     SELECT 'SETTLEMENT', l.id, COALESCE(l."orderNo", l."payoutId", l.reference, l.memo), to_char(l."occurredOn", 'YYYY-MM-DD'), s.name, l."batchId", l."sourceRow"
       FROM "MatchItem" i JOIN "SettlementLine" l ON l."orgId" = i."orgId" AND l.id = i."rowId" JOIN "Store" s ON s."orgId" = l."orgId" AND s.id = l."storeId"
      WHERE i."orgId" = $1::uuid AND i."groupId" = ANY($2::uuid[]) AND i.side = 'SETTLEMENT'
     UNION ALL
     SELECT 'BANK', b.id, COALESCE(b.reference, b."merchantOrderNo", b.memo), to_char(b."occurredOn", 'YYYY-MM-DD'), a.name, b."batchId", b."sourceRow"
       FROM "MatchItem" i JOIN "BankTransaction" b ON b."orgId" = i."orgId" AND b.id = i."rowId" JOIN "FundAccount" a ON a."orgId" = b."orgId" AND a.id = b."fundAccountId"
      WHERE i."orgId" = $1::uuid AND i."groupId" = ANY($2::uuid[]) AND i.side = 'BANK'`,
    orgId,
    ids,
  );
  const facts = new Map(rows.map((row) => [`${row.side}:${row.id}`, row]));
  const files = await fileNames(tx, orgId, rows.map((row) => row.batchId));
  const byId = new Map(groups.map((group) => [group.id, group]));
  return found.flatMap((entry) => {
    const group = byId.get(entry.id);
    if (!group) return [];
    return [
      {
        id: group.id,
        kind: group.kind,
        status: group.status,
        rule: group.rule,
        link: group.link,
        confidence: group.confidence,
        reasons: groupReasons(group),
        note: group.note,
        createdById: group.createdById,
        createdAt: group.createdAt,
        amountMinor: entry.amount,
        day: entry.day,
        rows: group.items.map((item) => {
          const fact = facts.get(`${item.side}:${item.rowId}`);
          return {
            side: SIDE_FROM_DB[item.side],
            id: item.rowId.toString(),
            slot: SLOT_FROM_DB[item.slot],
            amountMinor: item.amountMinor,
            ref: fact?.ref ?? null,
            day: fact?.day ?? null,
            owner: fact?.owner ?? null,
            file: fact ? (files.get(fact.batchId) ?? "") : "",
            sourceRow: fact?.sourceRow ?? null,
          };
        }),
        adjustments: group.adjustments.map((adjustment) => ({ type: adjustment.type, amountMinor: adjustment.amountMinor, note: adjustment.note })),
      },
    ];
  });
}
