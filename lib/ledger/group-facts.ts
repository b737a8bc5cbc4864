// What the workspace shows of a group without opening it: what arrived at its downstream end, what
// its adjustments explain, how many items it has, its day (that of its latest row, business-day.ts)
// and the stores and accounts of its rows. Items and adjustments never change once a group is
// written, so these facts are stored on MatchGroup when it is written and the lists sort, filter
// and sum groups from that table alone (a 100k-group list in tens of milliseconds instead of a
// join over every item and row on each page view).
// Two writers compute them: a run in TypeScript from the rows it already holds (`groupFacts`),
// a person's booking and the migration in SQL from the stored items (`fillGroupFactsSql`).
// tests/integration/ledger-facts.test.ts checks both agree.
import type { MatchSide, MatchSlot } from "@/lib/db/generated/enums";
import { rowBusinessDaySql } from "./business-day";

/** Where a row belongs: its business day and its store (orders, bill lines) or account (bank rows). */
export type RowFacts = { day?: string; storeId?: string; accountId?: string };

export type GroupFacts = {
  amountMinor: bigint;
  differenceMinor: bigint;
  rowCount: number;
  /** "YYYY-MM-DD" of the latest dated row; null when none is dated (or its rows are gone). */
  day: string | null;
  storeIds: string[];
  fundAccountIds: string[];
};

type FactItem = { side: string; id: string; slot?: string; amountMinor: bigint };

/** `rowOf` answers a row's facts, undefined for a row it does not know (which then adds no day or owner). */
export function groupFacts(items: readonly FactItem[], adjustments: readonly { amountMinor: bigint }[], rowOf: (item: FactItem) => RowFacts | undefined): GroupFacts {
  let up = 0n;
  let day: string | null = null;
  const stores = new Set<string>();
  const accounts = new Set<string>();
  for (const item of items) {
    if (item.slot?.toLowerCase() === "up") up += item.amountMinor;
    const row = rowOf(item);
    if (!row) continue;
    if (row.day && (day === null || row.day > day)) day = row.day;
    if (row.storeId) stores.add(row.storeId);
    if (row.accountId) accounts.add(row.accountId);
  }
  return {
    amountMinor: up < 0n ? -up : up,
    differenceMinor: adjustments.reduce((sum, adjustment) => sum + adjustment.amountMinor, 0n),
    rowCount: items.length,
    day,
    storeIds: [...stores].sort(),
    fundAccountIds: [...accounts].sort(),
  };
}

/** SQL: the items of the groups in the relation `grp` (id, "orgId") with the day, store and account of their rows. */
function itemRowsSql(): string {
  const side = (dbSide: MatchSide, table: string, store: string, account: string) =>
    `SELECT i."orgId", i."groupId", i.slot, i."amountMinor", ${rowBusinessDaySql(dbSide, "r")}::date AS day, ${store} AS store, ${account} AS account
        FROM grp JOIN "MatchItem" i ON i."orgId" = grp."orgId" AND i."groupId" = grp.id LEFT JOIN "${table}" r ON r."orgId" = i."orgId" AND r.id = i."rowId"
       WHERE i.side = '${dbSide}'`;
  return [
    side("ORDER", "Order", `r."storeId"`, "NULL::uuid"),
    side("SETTLEMENT", "SettlementLine", `r."storeId"`, "NULL::uuid"),
    side("BANK", "BankTransaction", "NULL::uuid", `r."fundAccountId"`),
  ].join("\n      UNION ALL\n      ");
}

const UP: MatchSlot = "UP";

/**
 * SQL: stores `groupFacts` on the groups in `groups` (a relation with id and "orgId", e.g. a VALUES
 * list or a subquery), computed from their stored items, rows and adjustments.
 */
export function fillGroupFactsSql(groups: string): string {
  return `WITH grp AS MATERIALIZED (${groups}),
      items AS (${itemRowsSql()}),
      facts AS (
        SELECT "orgId", "groupId", ABS(COALESCE(SUM("amountMinor") FILTER (WHERE slot = '${UP}'), 0))::bigint AS amount, max(day) AS day, count(*)::int AS rows,
               COALESCE(array_agg(DISTINCT store ORDER BY store) FILTER (WHERE store IS NOT NULL), '{}') AS stores,
               COALESCE(array_agg(DISTINCT account ORDER BY account) FILTER (WHERE account IS NOT NULL), '{}') AS accounts
          FROM items GROUP BY "orgId", "groupId"),
      differences AS (
        SELECT a."orgId", a."groupId", SUM(a."amountMinor")::bigint AS difference
          FROM grp JOIN "MatchAdjustment" a ON a."orgId" = grp."orgId" AND a."groupId" = grp.id GROUP BY a."orgId", a."groupId")
    UPDATE "MatchGroup" g
       SET "amountMinor" = f.amount, "rowCount" = f.rows, day = f.day, "storeIds" = f.stores, "fundAccountIds" = f.accounts,
           "differenceMinor" = COALESCE(d.difference, 0)
      FROM facts f LEFT JOIN differences d ON d."orgId" = f."orgId" AND d."groupId" = f."groupId"
     WHERE g."orgId" = f."orgId" AND g.id = f."groupId"`;
}
