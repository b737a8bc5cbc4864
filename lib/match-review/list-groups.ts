// Groups for the workspace — open proposals, matches waiting for approval, confirmed history — one
// page at a time with their rows described as people know them (reference, date, file and row),
// their difference broken down, and the filters staff use (store, account, rule, confidence,
// amount, date).
import { z } from "zod";
import { yuanFilter } from "./amount-filter";
import type { Tx } from "@/lib/db/client";
import type { MatchSide, MatchSlot, MatchStatus } from "@/lib/db/generated/enums";
import { MATCH_RULES, type Reason, type Side, type Slot } from "@/lib/match-engine";
import { groupReasons } from "@/lib/match-runs/group-reasons";
import { fileNames } from "./list-unmatched";
import { SIDE_FROM_DB, SLOT_FROM_DB } from "./row-ref";
import { orderBusinessDaySql } from "@/lib/ledger/business-day";

export const GROUP_PAGE_SIZE = 50;

/** Columns the group tables sort by on the server, each with its SQL over `x`. */
export const GROUP_SORTS = {
  day: "x.day",
  owner: "x.owner_name",
  rule: "x.rule",
  rows: "x.rows",
  amount: "x.amount",
  difference: "x.difference",
  confidence: "x.confidence",
} as const;
export type GroupSort = keyof typeof GROUP_SORTS;

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
  sort: z.enum(Object.keys(GROUP_SORTS) as [GroupSort, ...GroupSort[]]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
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
  /** What the adjustments explain: kept back on the way (+) or added (−), minor units. */
  differenceMinor: bigint;
  /** The store of its orders and bill lines, else the account of its bank rows. */
  owner: string | null;
  /** Its rows belong to several stores (or, without store rows, several accounts): `owner` is null. */
  ownerMixed: boolean;
  day: string | null;
  rows: GroupRow[];
  adjustments: { type: string; amountMinor: bigint; note: string | null }[];
};

/** Sums over a set of groups (the whole filtered list, or one store's or account's part of it). */
export type GroupSums = { count: number; rows: number; amountMinor: bigint; differenceMinor: bigint };
/** `owner` is "" for groups with no known owner; `mixed` for those spanning several stores or accounts. */
export type GroupSubtotal = GroupSums & { owner: string; mixed: boolean };

export type GroupPage = {
  groups: GroupView[];
  total: number;
  totalAmountMinor: bigint;
  /** The 合计 row: over every group the filters keep, not just this page. */
  totals: GroupSums;
  /** By store (or account for groups without store rows), over the filtered set, largest first. */
  subtotals: GroupSubtotal[];
  page: number;
  pages: number;
  pageSize: number;
};

/**
 * Each group of the wanted statuses with its stored facts (lib/ledger/group-facts.ts): what arrived
 * at its downstream end (`amount`), the day of its latest row (`day`), how many items it has
 * (`rows`), what its adjustments explain (`difference`) and whose it is (`owner_name`: its store,
 * else its account; none when its rows belong to several — `owner_mixed` — so a subtotal never
 * counts a group spanning two stores under one of them).
 */
const GROUPS_WITH_FACTS = `WITH owners AS (
      SELECT id, name FROM "Store" WHERE "orgId" = $1::uuid UNION ALL SELECT id, name FROM "FundAccount" WHERE "orgId" = $1::uuid)
    SELECT g.id, g."orgId", g.rule, g.confidence, g."createdAt", g."amountMinor" AS amount, g.day, g."rowCount" AS rows, g."differenceMinor" AS difference,
           g."storeIds", g."fundAccountIds", m.mixed AS owner_mixed, CASE WHEN m.mixed THEN NULL ELSE o.name END AS owner_name
      FROM "MatchGroup" g
     CROSS JOIN LATERAL (SELECT cardinality(g."storeIds") > 1 OR (cardinality(g."storeIds") = 0 AND cardinality(g."fundAccountIds") > 1) AS mixed) m
      LEFT JOIN owners o ON o.id = COALESCE(g."storeIds"[1], g."fundAccountIds"[1])
     WHERE g."orgId" = $1::uuid AND g.status = ANY($2::"MatchStatus"[])`;

/**
 * The groups of `statuses` the filters keep, as SQL over `x` (a subquery to wrap), its parameters,
 * and the ORDER BY the list shows them in: the page and the export read the same set.
 */
export function filteredGroupsSql(orgId: string, statuses: readonly MatchStatus[], filter: Omit<GroupFilter, "page">) {
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
  if (filter.store) where.push(`${param(filter.store)}::uuid = ANY(x."storeIds")`);
  if (filter.account) where.push(`${param(filter.account)}::uuid = ANY(x."fundAccountIds")`);
  const direction = filter.dir === "asc" ? "ASC" : "DESC";
  const order = filter.sort ? `${GROUP_SORTS[filter.sort]} ${direction} NULLS LAST, x.id` : "x.confidence DESC, x.day NULLS LAST, x.id";
  return { sql: `SELECT x.* FROM (${GROUPS_WITH_FACTS}) x ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}`, params, order };
}

/** The 合计 of a filtered set `x`: groups, items, amount, difference (the list's totals row and an export's). */
const GROUP_SUMS = `count(*)::bigint AS total, COALESCE(SUM(rows), 0)::bigint AS "totalRows", COALESCE(SUM(amount), 0)::bigint AS "totalAmount", COALESCE(SUM(difference), 0)::bigint AS "totalDifference"`;

/** The 合计 alone, for an export that streams the rows itself. */
export async function groupSums(tx: Tx, orgId: string, statuses: readonly MatchStatus[], filter: Omit<GroupFilter, "page">): Promise<GroupSums> {
  const { sql, params } = filteredGroupsSql(orgId, statuses, filter);
  const [sums] = await tx.$queryRawUnsafe<{ total: bigint; totalRows: bigint; totalAmount: bigint; totalDifference: bigint }[]>(`SELECT ${GROUP_SUMS} FROM (${sql}) x`, ...params);
  return { count: Number(sums?.total ?? 0n), rows: Number(sums?.totalRows ?? 0n), amountMinor: sums?.totalAmount ?? 0n, differenceMinor: sums?.totalDifference ?? 0n };
}

export async function listGroups(tx: Tx, orgId: string, statuses: readonly MatchStatus[], filter: GroupFilter, pageSize = GROUP_PAGE_SIZE): Promise<GroupPage> {
  const { sql, params, order } = filteredGroupsSql(orgId, statuses, filter);
  const offset = (filter.page - 1) * pageSize;
  // One statement: the filtered set once (materialized), the page cut from it, and the 合计 and
  // per-store sums over all of it — a LEFT JOIN from the sums, so they come back even past the last page.
  const found = await tx.$queryRawUnsafe<
    { id: string | null; amount: bigint | null; difference: bigint | null; rows: number | null; owner_name: string | null; owner_mixed: boolean | null; day: string | null; total: bigint; totalRows: bigint; totalAmount: bigint; totalDifference: bigint; subtotals: SubtotalJson[] | null }[]
  >(
    `WITH x AS MATERIALIZED (${sql}),
          sums AS (SELECT ${GROUP_SUMS} FROM x),
          subs AS (SELECT json_agg(json_build_object('owner', owner, 'mixed', mixed, 'count', n, 'rows', r, 'amount', a::text, 'difference', d::text) ORDER BY a DESC, owner) AS subtotals
                     FROM (SELECT COALESCE(owner_name, '') AS owner, owner_mixed AS mixed, count(*) AS n, SUM(rows) AS r, SUM(amount) AS a, SUM(difference) AS d FROM x GROUP BY 1, 2) s),
          page AS (SELECT x.id, x.amount, x.difference, x.rows, x.owner_name, x.owner_mixed, to_char(x.day, 'YYYY-MM-DD') AS day, row_number() OVER () AS n
                     FROM (SELECT * FROM x ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}) x)
     SELECT page.id, page.amount, page.difference, page.rows, page.owner_name, page.owner_mixed, page.day, sums.*, subs.subtotals
       FROM sums CROSS JOIN subs LEFT JOIN page ON true
      ORDER BY page.n`,
    ...params,
  );
  const onPage = found.filter((row): row is typeof row & { id: string; amount: bigint; difference: bigint; rows: number } => row.id !== null);
  const groups = await describeGroups(tx, orgId, onPage);
  const head = found[0];
  const total = Number(head?.total ?? 0n);
  return {
    groups,
    total,
    totalAmountMinor: head?.totalAmount ?? 0n,
    totals: { count: total, rows: Number(head?.totalRows ?? 0n), amountMinor: head?.totalAmount ?? 0n, differenceMinor: head?.totalDifference ?? 0n },
    subtotals: (head?.subtotals ?? []).map((sub) => ({ owner: sub.owner, mixed: sub.mixed, count: sub.count, rows: sub.rows, amountMinor: BigInt(sub.amount), differenceMinor: BigInt(sub.difference) })),
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
  };
}

type ItemWithRow = {
  groupId: string;
  side: MatchSide;
  rowId: bigint;
  slot: MatchSlot;
  amountMinor: bigint;
  ref: string | null;
  day: string | null;
  owner: string | null;
  batchId: string | null;
  sourceRow: number | null;
};

/** An item's reference (row `r` of its side): what people call the row. */
const ITEM_REF_SQL = {
  ORDER: `r."orderNo"`,
  SETTLEMENT: `COALESCE(r."orderNo", r."payoutId", r.reference, r.memo)`,
  BANK: `COALESCE(r.reference, r."merchantOrderNo", r.memo)`,
} as const;

/**
 * Items (`i`, kept by `where`) with the rows they use as people know them (reference, day, owner,
 * import batch and row): one branch per side, so the key index finds each side's items and each
 * row is one lookup by its key. Columns: groupId, side, rowId, slot, amountMinor, ref, day, owner,
 * batchId, sourceRow.
 */
function itemRowsSql(where: string): string {
  const side = (dbSide: "ORDER" | "SETTLEMENT" | "BANK", table: string, owners: string, facts: string) =>
    `SELECT i."groupId", i.side, i."rowId", i.slot, i."amountMinor", ${facts}, r."batchId", r."sourceRow"
       FROM "MatchItem" i LEFT JOIN "${table}" r ON r."orgId" = i."orgId" AND r.id = i."rowId" LEFT JOIN "${owners}" s ON s."orgId" = r."orgId" AND s.id = r."${owners === "Store" ? "storeId" : "fundAccountId"}"
      WHERE ${where} AND i.side = '${dbSide}'`;
  return `${side("ORDER", "Order", "Store", `${ITEM_REF_SQL.ORDER} AS ref, to_char(${orderBusinessDaySql("r")}, 'YYYY-MM-DD') AS day, s.name AS owner`)}
     UNION ALL
     ${side("SETTLEMENT", "SettlementLine", "Store", `${ITEM_REF_SQL.SETTLEMENT}, to_char(r."occurredOn", 'YYYY-MM-DD'), s.name`)}
     UNION ALL
     ${side("BANK", "BankTransaction", "FundAccount", `${ITEM_REF_SQL.BANK}, to_char(r."occurredOn", 'YYYY-MM-DD'), s.name`)}`;
}

/**
 * Every group the filters keep, in the list's order, with what its line in an export shows: its
 * facts, rule, reasons, note, maker and time, its items (side, amount, reference) and adjustments,
 * in ONE statement the export streams through a cursor — not describeGroups' four queries per
 * batch — each item one index lookup of its own side's row (the same references, ITEM_REF_SQL).
 * Read its rows with `exportedGroupOf`.
 */
export function exportedGroupsSql(orgId: string, statuses: readonly MatchStatus[], filter: Omit<GroupFilter, "page">) {
  const { sql, params, order } = filteredGroupsSql(orgId, statuses, filter);
  const lookup = (table: string, side: keyof typeof ITEM_REF_SQL) => `(SELECT ${ITEM_REF_SQL[side]} FROM "${table}" r WHERE r."orgId" = i."orgId" AND r.id = i."rowId")`;
  // Only the matching side's row is read (CASE evaluates one branch); items in describeGroups' order.
  const items = `SELECT json_agg(json_build_array(i.side, i."amountMinor"::text, CASE i.side
             WHEN 'ORDER' THEN ${lookup("Order", "ORDER")} WHEN 'SETTLEMENT' THEN ${lookup("SettlementLine", "SETTLEMENT")} ELSE ${lookup("BankTransaction", "BANK")} END)
             ORDER BY i.side, i."rowId", i.slot)
        FROM "MatchItem" i WHERE i."orgId" = x."orgId" AND i."groupId" = x.id`;
  const adjustments = `SELECT json_agg(json_build_array(a.type, a."amountMinor"::text, a.note) ORDER BY a.id) FROM "MatchAdjustment" a WHERE a."orgId" = x."orgId" AND a."groupId" = x.id`;
  return {
    params,
    sql: `SELECT x.id, x.amount, x.difference, x.rows, x.owner_name, x.owner_mixed, to_char(x.day, 'YYYY-MM-DD') AS day,
                 g.rule, g.confidence, g.reasons, g.note, g."createdById", g."createdAt", (${items}) AS items, (${adjustments}) AS adjustments
            FROM (${sql}) x JOIN "MatchGroup" g ON g."orgId" = x."orgId" AND g.id = x.id
           ORDER BY ${order}`,
  };
}

/** One row of exportedGroupsSql, as the database sends it. */
export type ExportedGroupRow = {
  id: string;
  amount: bigint;
  difference: bigint;
  rows: number;
  owner_name: string | null;
  owner_mixed: boolean | null;
  day: string | null;
  rule: string;
  confidence: number;
  reasons: unknown;
  note: string | null;
  createdById: string | null;
  createdAt: Date;
  items: [side: MatchSide, amountMinor: string, ref: string | null][] | null;
  adjustments: [type: string, amountMinor: string, note: string | null][] | null;
};

/** What an export's line needs of a group: the part of GroupView exportedGroupsSql reads. */
export type ExportedGroup = Pick<GroupView, "id" | "rule" | "confidence" | "reasons" | "note" | "createdById" | "createdAt" | "adjustments"> & {
  rows: Pick<GroupRow, "side" | "amountMinor" | "ref">[];
};

export function exportedGroupOf(row: ExportedGroupRow): ExportedGroup {
  return {
    id: row.id,
    rule: row.rule,
    confidence: row.confidence,
    reasons: groupReasons(row),
    note: row.note,
    createdById: row.createdById,
    createdAt: row.createdAt,
    rows: (row.items ?? []).map(([side, amountMinor, ref]) => ({ side: SIDE_FROM_DB[side], amountMinor: BigInt(amountMinor), ref })),
    adjustments: (row.adjustments ?? []).map(([type, amountMinor, note]) => ({ type, amountMinor: BigInt(amountMinor), note })),
  };
}

type SubtotalJson = { owner: string; mixed: boolean; count: number; rows: number; amount: string; difference: string };

/** Groups by id with their rows as people know them (file, row, reference, day) and their adjustments. */
export async function describeGroups(
  tx: Tx,
  orgId: string,
  found: readonly { id: string; amount: bigint; difference: bigint; owner_name: string | null; owner_mixed: boolean | null; day: string | null }[],
): Promise<GroupView[]> {
  if (found.length === 0) return [];
  const ids = found.map((row) => row.id);
  const groups = await tx.matchGroup.findMany({ where: { orgId, id: { in: ids } }, include: { adjustments: { orderBy: { id: "asc" } } } });
  // Their items with the rows they use, in one pass: the key index finds the items, each row is
  // one lookup by its key. An item whose row is gone still shows, without its row's facts.
  const items = await tx.$queryRawUnsafe<ItemWithRow[]>(`${itemRowsSql(`i."orgId" = $1::uuid AND i."groupId" = ANY($2::uuid[])`)} ORDER BY 1, 2, 3, 4`, orgId, ids);
  const files = await fileNames(tx, orgId, items.flatMap((item) => (item.batchId ? [item.batchId] : [])));
  const itemsOf = new Map<string, GroupRow[]>();
  for (const item of items) {
    const rows = itemsOf.get(item.groupId) ?? [];
    rows.push({
      side: SIDE_FROM_DB[item.side],
      id: item.rowId.toString(),
      slot: SLOT_FROM_DB[item.slot],
      amountMinor: item.amountMinor,
      ref: item.ref,
      day: item.day,
      owner: item.owner,
      file: item.batchId ? (files.get(item.batchId) ?? "") : "",
      sourceRow: item.sourceRow,
    });
    itemsOf.set(item.groupId, rows);
  }
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
        differenceMinor: entry.difference,
        owner: entry.owner_name,
        ownerMixed: entry.owner_mixed === true,
        day: entry.day,
        rows: itemsOf.get(group.id) ?? [],
        adjustments: group.adjustments.map((adjustment) => ({ type: adjustment.type, amountMinor: adjustment.amountMinor, note: adjustment.note })),
      },
    ];
  });
}
