// What is left to match, one page at a time, filtered and totalled in PostgreSQL so the page never
// holds the full list (100k+ open rows stay fast). Three lists, as staff think of them:
//   orders — what buyers paid, not yet traced to a bill line or the bank;
//   lines  — platform bill lines and wallet (Alipay, WeChat) rows;
//   bank   — rows of the company's bank accounts.
// A list shown on the left is the upstream end of a match (where money leaves: the row's "down"
// side), on the right the downstream end (where it arrives: "up"). `flowMinor` is what is left,
// signed as the money flows (a commission line is negative, a withdrawal positive), so the page
// adds selected rows up and the difference of the two sides is what adjustments must explain.
import { z } from "zod";
import { yuanFilter } from "./amount-filter";
import type { Tx } from "@/lib/db/client";
import type { ReconcileRules, Side, Slot } from "@/lib/match-engine";
import { rowBusinessDaySql } from "@/lib/ledger/business-day";
import { notExcludedSql } from "@/lib/ledger/excluded-rows";
import { rowRemainingSql, takenOfRowSql, takenPerRowSql } from "@/lib/ledger/row-remaining";

export const UNMATCHED_LISTS = ["orders", "lines", "bank"] as const;
export type UnmatchedList = (typeof UNMATCHED_LISTS)[number];
/** Lists that can be the upstream (left) and downstream (right) end of a match. */
export const LEFT_LISTS = ["orders", "lines"] as const satisfies readonly UnmatchedList[];
export const RIGHT_LISTS = ["lines", "bank"] as const satisfies readonly UnmatchedList[];
export const UNMATCHED_PAGE_SIZE = 50;

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const unmatchedFilterSchema = z.object({
  /** Store (orders, bill lines) or fund account (wallet and bank rows). */
  owner: z.uuid().optional().catch(undefined),
  from: dateText.optional().catch(undefined),
  to: dateText.optional().catch(undefined),
  /** Bounds on what is left (magnitude): yuan in the URL, minor units once parsed. */
  min: yuanFilter,
  max: yuanFilter,
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  /** Server-side order: by day (default), by what is left, or by store or account. */
  sort: z.enum(["day", "remaining", "owner"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});
/** The URL's filters, plus (for code) one exact row. */
export type UnmatchedFilter = z.output<typeof unmatchedFilterSchema> & { row?: { side: Side; id: string } };

export type UnmatchedRow = {
  side: Side;
  id: string;
  day: string | null;
  ref: string | null;
  detail: string | null;
  /** Store or account name. */
  owner: string;
  kind: string | null;
  currency: string;
  amountMinor: bigint;
  remainingMinor: bigint;
  flowMinor: bigint;
  batchId: string;
  file: string;
  sourceRow: number;
  /** An open proposal of the engine wants this side of the row: look at it first. */
  proposed: boolean;
};

/** What is left of one store's or account's rows in the filtered list. */
export type UnmatchedSubtotal = { owner: string; count: number; remainingMinor: bigint };

export type UnmatchedPage = {
  rows: UnmatchedRow[];
  total: number;
  remainingMinor: bigint;
  /** By store or account over the whole filtered list (not the page), largest first. */
  subtotals: UnmatchedSubtotal[];
  page: number;
  pages: number;
  pageSize: number;
};

/** One row of the filtered set: which, and what is left of it. */
export type FoundRow = { side: string; id: bigint; remainingMinor: bigint };
type Found = FoundRow & { total: bigint; totalRemaining: bigint; subtotals: { owner: string; count: number; remaining: string }[] | null };
type Detail = Omit<UnmatchedRow, "side" | "id" | "sourceRow" | "remainingMinor" | "flowMinor" | "file"> & { side: string; id: bigint; sourceRow: number; withdrawal: boolean };

type SideName = "ORDER" | "SETTLEMENT" | "BANK";
/** One table's part of a list: how its rows are dated, owned, searched, and shown. */
type Branch = {
  side: Side;
  dbSide: SideName;
  from: string;
  /** Extra conditions on `t` (and the joined owner) beyond the organization. */
  where: string;
  amount: string;
  day: string;
  owner: string;
  haystack: string;
  /** The columns a page shows, over `t` and its owner. */
  columns: (withdrawal: () => string) => string;
};

const ORDERS: Branch = {
  side: "order",
  dbSide: "ORDER",
  from: `"Order" t JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId"`,
  where: "",
  amount: `t."paidAmountMinor"`,
  day: `${rowBusinessDaySql("ORDER", "t")}::date`,
  owner: `t."storeId"`,
  haystack: `concat_ws(' ', t."orderNo", t."subOrderNo", t.status)`,
  columns: () => `to_char(${rowBusinessDaySql("ORDER", "t")}, 'YYYY-MM-DD') AS day,
        t."orderNo" AS ref, t.status AS detail, s.name AS owner, t."afterSaleStatus" AS kind, t.currency, t."paidAmountMinor" AS "amountMinor", false AS withdrawal`,
};

const LINES: Branch = {
  side: "settlement",
  dbSide: "SETTLEMENT",
  from: `"SettlementLine" t JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId"`,
  where: "",
  amount: `t."amountMinor"`,
  day: rowBusinessDaySql("SETTLEMENT", "t"),
  owner: `t."storeId"`,
  haystack: `concat_ws(' ', t."orderNo", t."payoutId", t.reference, t.memo)`,
  columns: () => `to_char(t."occurredOn", 'YYYY-MM-DD') AS day,
        COALESCE(t."orderNo", t."payoutId", t.reference) AS ref, t.memo AS detail, s.name AS owner, t."lineType"::text AS kind, t.currency, t."amountMinor", t."lineType" = 'WITHDRAWAL' AS withdrawal`,
};

function bankBranch(list: "lines" | "bank"): Branch {
  return {
    side: "bank",
    dbSide: "BANK",
    from: `"BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId"`,
    where: list === "bank" ? `a.type = 'BANK'` : `a.type <> 'BANK'`,
    amount: `t."amountMinor"`,
    day: rowBusinessDaySql("BANK", "t"),
    owner: `t."fundAccountId"`,
    haystack: `concat_ws(' ', t.reference, t."merchantOrderNo", t."secondaryReference", t.counterparty, t.memo)`,
    columns: (withdrawal) => `to_char(t."occurredOn", 'YYYY-MM-DD') AS day,
        COALESCE(t.reference, t."merchantOrderNo", t."secondaryReference", t.counterparty) AS ref, concat_ws(' · ', t.counterparty, t.memo) AS detail, a.name AS owner,
        t.channel AS kind, t.currency, t."amountMinor", ${list === "lines" ? withdrawal() : "false"} AS withdrawal`,
  };
}

const BRANCHES: Record<UnmatchedList, Branch[]> = { orders: [ORDERS], lines: [LINES, bankBranch("lines")], bank: [bankBranch("bank")] };

function proposedSql(side: SideName, slotParam: string): string {
  return `EXISTS (SELECT 1 FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
       WHERE i."orgId" = t."orgId" AND i.side = '${side}' AND i."rowId" = t.id AND i.slot = ${slotParam} AND g.status = 'PROPOSED')`;
}

/** Stores and accounts by id ($1 the organization), to name the per-owner sums and sort by owner (a few rows). */
const OWNERS_SQL = `SELECT id, name FROM "Store" WHERE "orgId" = $1::uuid UNION ALL SELECT id, name FROM "FundAccount" WHERE "orgId" = $1::uuid`;

/**
 * Every row of `list` (on `slot`) that still has something left and that the filters keep, as SQL
 * of (side, id, sort_day, owner, "remainingMinor") — null when no branch can hold the asked row —
 * with its parameters ($1 org, $2 slot) and the ORDER BY the list shows it in, over `u` (this set)
 * and `o` (OWNERS_SQL joined on u.owner when `joinOwners`). The page and the export read this set.
 */
export function filteredUnmatchedSql(orgId: string, list: UnmatchedList, slot: Slot, filter: Omit<UnmatchedFilter, "page">) {
  const params: unknown[] = [orgId, slot === "up" ? "UP" : "DOWN"];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const slotParam = `$2::"MatchSlot"`;
  const branches = BRANCHES[list].filter((branch) => !filter.row || branch.side === filter.row.side);

  // Filters on the row's own columns apply before what is left is computed.
  const owner = filter.owner ? param(filter.owner) : undefined;
  const from = filter.from ? param(filter.from) : undefined;
  const to = filter.to ? param(filter.to) : undefined;
  const q = filter.q ? param(filter.q) : undefined;
  const rowId = filter.row ? param(BigInt(filter.row.id)) : undefined;
  // What counting groups took of each row, per side, computed once (materialized): in a parallel
  // plan every worker would otherwise aggregate all of the side's items again for its own hash
  // (measured on the workspace bench: 570 ms with two workers against 400 ms without).
  const takenSides = new Set<SideName>();
  const takenCte = (side: SideName) => {
    takenSides.add(side);
    return `taken_${side.toLowerCase()}`;
  };
  const narrow = branches.map((branch) => {
    // Rows marked not for reconciliation are not open (lib/ledger/excluded-rows.ts).
    const where = [`t."orgId" = $1::uuid`, notExcludedSql(branch.dbSide, "t")];
    if (branch.where) where.push(branch.where);
    if (owner) where.push(`${branch.owner} = ${owner}::uuid`);
    if (from) where.push(`${branch.day} >= ${from}::date`);
    if (to) where.push(`${branch.day} <= ${to}::date`);
    if (q) where.push(`strpos(${branch.haystack}, ${q}) > 0`);
    if (rowId) where.push(`t.id = ${rowId}::bigint`);
    // A list: one pass over the side's items, joined by hash. One row, or the few rows a searched
    // text finds: a lookup per row through the (side, rowId) index, after the filters.
    const perRow = Boolean(rowId || q);
    const taken = perRow ? takenOfRowSql("t", branch.dbSide, slotParam) : "taken.taken";
    const join = perRow ? "" : `LEFT JOIN ${takenCte(branch.dbSide)} taken ON taken."rowId" = t.id`;
    return `SELECT '${branch.side}' AS side, t.id, ${branch.day} AS sort_day, ${branch.owner} AS owner, ${rowRemainingSql(branch.amount, taken)} AS "remainingMinor"
      FROM ${branch.from} ${join} WHERE ${where.join(" AND ")}`;
  });
  const takenCtes = [...takenSides].map((side) => `${takenCte(side)} AS MATERIALIZED (${takenPerRowSql({ org: "$1::uuid", side, slot: slotParam })})`);
  const left: string[] = [`u."remainingMinor" > 0`];
  if (filter.min) left.push(`u."remainingMinor" >= ${param(BigInt(filter.min))}::bigint`);
  if (filter.max) left.push(`u."remainingMinor" <= ${param(BigInt(filter.max))}::bigint`);

  const direction = filter.dir === "desc" ? "DESC" : "ASC";
  const order =
    filter.sort === "remaining"
      ? `u."remainingMinor" ${direction}, u.sort_day NULLS LAST, u.side, u.id`
      : filter.sort === "owner"
        ? `o.name ${direction}, u.sort_day NULLS LAST, u.side, u.id`
        : `u.sort_day ${direction} NULLS LAST, u.side, u.id`;
  const sql =
    narrow.length === 0
      ? null
      : `${takenCtes.length > 0 ? `WITH ${takenCtes.join(",\n           ")}\n` : ""}SELECT * FROM (${narrow.join(" UNION ALL ")}) u WHERE ${left.join(" AND ")}`;
  return { sql, params, order, joinOwners: filter.sort === "owner", ownersSql: OWNERS_SQL };
}

/** The pane's 合计 over a filtered set `u`: rows, and what is left of them (the totals row and an export's). */
const UNMATCHED_SUMS = `count(*)::bigint AS total, COALESCE(SUM("remainingMinor"), 0)::bigint AS "totalRemaining"`;

/** The 合计 alone, for an export that streams the rows itself. */
export async function unmatchedSums(tx: Tx, orgId: string, list: UnmatchedList, slot: Slot, filter: Omit<UnmatchedFilter, "page">): Promise<{ count: number; remainingMinor: bigint }> {
  const { sql, params } = filteredUnmatchedSql(orgId, list, slot, filter);
  if (!sql) return { count: 0, remainingMinor: 0n };
  const [sums] = await tx.$queryRawUnsafe<{ total: bigint; totalRemaining: bigint }[]>(`SELECT ${UNMATCHED_SUMS} FROM (${sql}) u`, ...params);
  return { count: Number(sums?.total ?? 0n), remainingMinor: sums?.totalRemaining ?? 0n };
}

export async function listUnmatched(
  tx: Tx,
  orgId: string,
  list: UnmatchedList,
  slot: Slot,
  filter: UnmatchedFilter,
  rules: Pick<ReconcileRules, "walletKeywords">,
  pageSize = UNMATCHED_PAGE_SIZE,
): Promise<UnmatchedPage> {
  // Step 1, narrow: every row of the list that still has something left, as (side, id, day, what is
  // left), filtered; counted and totalled once (materialized: row estimates after "what is left > 0"
  // are poor, and the planner would otherwise redo the totals for every row of the page), and the
  // page cut from it.
  const { sql, params, order, joinOwners } = filteredUnmatchedSql(orgId, list, slot, filter);
  const offset = (filter.page - 1) * pageSize;
  const found = !sql
    ? []
    : await tx.$queryRawUnsafe<Found[]>(
        `WITH u AS MATERIALIZED (${sql}),
              owners AS MATERIALIZED (${OWNERS_SQL}),
              totals AS MATERIALIZED (SELECT ${UNMATCHED_SUMS} FROM u),
              subs AS MATERIALIZED (
                SELECT json_agg(json_build_object('owner', COALESCE(o.name, ''), 'count', s.n, 'remaining', s.remaining::text) ORDER BY s.remaining DESC, o.name) AS subtotals
                  FROM (SELECT owner, count(*) AS n, SUM("remainingMinor") AS remaining FROM u GROUP BY owner) s LEFT JOIN owners o ON o.id = s.owner)
         SELECT p.side, p.id, p."remainingMinor", totals.total, totals."totalRemaining", subs.subtotals
           FROM (SELECT x.*, row_number() OVER () AS n
                   FROM (SELECT u.* FROM u ${joinOwners ? "LEFT JOIN owners o ON o.id = u.owner" : ""} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}) x) p
           CROSS JOIN totals CROSS JOIN subs
          ORDER BY p.n`,
        ...params,
      );
  const total = Number(found[0]?.total ?? (await countOnly()));
  async function countOnly(): Promise<bigint> {
    if (filter.page === 1 || !sql) return 0n; // an empty first page means nothing matched the filter
    const [row] = await tx.$queryRawUnsafe<{ total: bigint }[]>(`SELECT count(*)::bigint AS total FROM (${sql}) u`, ...params);
    return row?.total ?? 0n;
  }

  // Step 2, wide: what the page shows of its rows (at most a page of them, by id).
  return {
    rows: await describeUnmatched(tx, orgId, list, slot, found, rules),
    total,
    remainingMinor: found[0]?.totalRemaining ?? 0n,
    subtotals: (found[0]?.subtotals ?? []).map((sub) => ({ owner: sub.owner, count: sub.count, remainingMinor: BigInt(sub.remaining) })),
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
  };
}

/** Rows found by `filteredUnmatchedSql` (side, id, what is left) as the list shows them, in the same order. */
export async function describeUnmatched(
  tx: Tx,
  orgId: string,
  list: UnmatchedList,
  slot: Slot,
  found: readonly FoundRow[],
  rules: Pick<ReconcileRules, "walletKeywords">,
): Promise<UnmatchedRow[]> {
  const details = await describeRows(tx, orgId, slot, list, found, rules);
  const files = await fileNames(tx, orgId, [...details.values()].map((row) => row.batchId));
  return found.flatMap((entry) => {
    const row = details.get(`${entry.side}:${entry.id}`);
    if (!row) return [];
    // Money flows from a withdrawal towards the bank: its flow is the opposite of its balance sign.
    const negativeFlow = row.withdrawal ? row.amountMinor > 0n : row.amountMinor < 0n;
    return [
      {
        side: row.side as Side,
        id: row.id.toString(),
        day: row.day,
        ref: row.ref,
        detail: row.detail,
        owner: row.owner,
        kind: row.kind,
        currency: row.currency.trim(),
        amountMinor: row.amountMinor,
        remainingMinor: entry.remainingMinor,
        flowMinor: negativeFlow ? -entry.remainingMinor : entry.remainingMinor,
        batchId: row.batchId,
        file: files.get(row.batchId) ?? "",
        sourceRow: row.sourceRow,
        proposed: row.proposed,
      },
    ];
  });
}

/** The shown columns of the page's rows, keyed "side:id". */
async function describeRows(
  tx: Tx,
  orgId: string,
  slot: Slot,
  list: UnmatchedList,
  found: readonly FoundRow[],
  rules: Pick<ReconcileRules, "walletKeywords">,
): Promise<Map<string, Detail>> {
  const described = new Map<string, Detail>();
  if (found.length === 0) return described;
  const params: unknown[] = [orgId, slot === "up" ? "UP" : "DOWN"];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const slotParam = `$2::"MatchSlot"`;
  const walletWithdrawal = () =>
    `(t."amountMinor" < 0 AND EXISTS (SELECT 1 FROM unnest(${param(rules.walletKeywords.WITHDRAWAL)}::text[]) AS w(word) WHERE strpos(COALESCE(t.memo, ''), w.word) > 0))`;
  const selects = BRANCHES[list].flatMap((branch) => {
    const ids = found.filter((row) => row.side === branch.side).map((row) => row.id);
    if (ids.length === 0) return [];
    return [
      `SELECT '${branch.side}' AS side, t.id, ${branch.columns(walletWithdrawal)}, t."batchId", t."sourceRow", ${proposedSql(branch.dbSide, slotParam)} AS proposed
         FROM ${branch.from} WHERE t."orgId" = $1::uuid AND t.id = ANY(${param(ids)}::bigint[])`,
    ];
  });
  const rows = await tx.$queryRawUnsafe<Detail[]>(selects.join(" UNION ALL "), ...params);
  for (const row of rows) described.set(`${row.side}:${row.id}`, row);
  return described;
}

export async function fileNames(tx: Tx, orgId: string, batchIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(batchIds)];
  if (unique.length === 0) return new Map();
  const batches = await tx.importBatch.findMany({ where: { orgId, id: { in: unique } }, select: { id: true, fileName: true } });
  return new Map(batches.map((batch) => [batch.id, batch.fileName]));
}
