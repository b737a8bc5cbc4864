// What is still open in a month before it is submitted or locked (未达账项): the rows with something
// left, by list and store or account, the engine's proposals nobody decided, the manual matches
// waiting for approval, and how many rows were marked not for reconciliation (explained, not open).
// A row is open on the side that ends its part of the chain: an order until it is traced towards
// the money (its "down" side), a bill or wallet line until it is paid onward (down), a bank row until
// it is explained (its "up" side) — the same sides the 未匹配 lists show. Which month a row or group
// belongs to is lib/ledger/business-day.ts.
import type { Tx } from "@/lib/db/client";
import type { Side } from "@/lib/match-engine";
import { groupItemDaysSql, monthBounds, monthSql, orderBusinessDaySql } from "@/lib/ledger/business-day";
import { notExcludedSql } from "@/lib/ledger/excluded-rows";
import { rowRemainingSql, takenPerRowSql } from "@/lib/ledger/row-remaining";

/** How many open rows the checklist (and the close report's snapshot) lists one by one. */
export const CHECKLIST_ITEM_LIMIT = 2000;

export type OpenList = "orders" | "lines" | "bank";

export type OpenItemGroup = { list: OpenList; owner: string; count: number; remainingMinor: bigint };
export type OpenItem = { list: OpenList; side: Side; id: string; day: string | null; ref: string | null; detail: string | null; owner: string; remainingMinor: bigint };

export type MonthChecklist = {
  month: string;
  /** Per list and store or account, largest first within a list. */
  groups: OpenItemGroup[];
  openRows: number;
  openProposals: number;
  pendingApprovals: number;
  excludedRows: number;
  /** The open rows themselves, at most CHECKLIST_ITEM_LIMIT (`openRows` says how many there are). */
  items: OpenItem[];
};

export function hasOpenItems(checklist: Pick<MonthChecklist, "openRows" | "openProposals" | "pendingApprovals">): boolean {
  return checklist.openRows > 0 || checklist.openProposals > 0 || checklist.pendingApprovals > 0;
}

const LIST_ORDER: Record<OpenList, number> = { orders: 0, lines: 1, bank: 2 };

/** SQL of every open row of the month: (list, side, id, owner, day, ref, detail, remaining). $1 org, $2 from, $3 until. */
function openRowsSql(): string {
  const org = "$1::uuid";
  return `WITH order_taken AS MATERIALIZED (${takenPerRowSql({ org, side: "ORDER", slot: "'DOWN'" })}),
        line_taken AS MATERIALIZED (${takenPerRowSql({ org, side: "SETTLEMENT", slot: "'DOWN'" })}),
        wallet_taken AS MATERIALIZED (${takenPerRowSql({ org, side: "BANK", slot: "'DOWN'" })}),
        bank_taken AS MATERIALIZED (${takenPerRowSql({ org, side: "BANK", slot: "'UP'" })}),
        open AS MATERIALIZED (
          SELECT 'orders' AS list, 'order' AS side, t.id, s.name AS owner, to_char(${orderBusinessDaySql("t")}, 'YYYY-MM-DD') AS day, t."orderNo" AS ref, t.status AS detail,
                 ${rowRemainingSql(`t."paidAmountMinor"`, "k.taken")} AS remaining
            FROM "Order" t JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId" LEFT JOIN order_taken k ON k."rowId" = t.id
           WHERE t."orgId" = ${org} AND ${orderBusinessDaySql("t")} >= $2::timestamp AND ${orderBusinessDaySql("t")} < $3::timestamp AND ${notExcludedSql("ORDER", "t")}
          UNION ALL
          SELECT 'lines', 'settlement', t.id, s.name, to_char(t."occurredOn", 'YYYY-MM-DD'), COALESCE(t."orderNo", t."payoutId", t.reference), t.memo,
                 ${rowRemainingSql(`t."amountMinor"`, "k.taken")}
            FROM "SettlementLine" t JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId" LEFT JOIN line_taken k ON k."rowId" = t.id
           WHERE t."orgId" = ${org} AND t."occurredOn" >= $2::date AND t."occurredOn" < $3::date AND ${notExcludedSql("SETTLEMENT", "t")}
          UNION ALL
          SELECT CASE WHEN a.type = 'BANK' THEN 'bank' ELSE 'lines' END, 'bank', t.id, a.name, to_char(t."occurredOn", 'YYYY-MM-DD'),
                 COALESCE(t.reference, t."merchantOrderNo", t."secondaryReference", t.counterparty), concat_ws(' · ', t.counterparty, t.memo),
                 CASE WHEN a.type = 'BANK' THEN ${rowRemainingSql(`t."amountMinor"`, "b.taken")} ELSE ${rowRemainingSql(`t."amountMinor"`, "w.taken")} END
            FROM "BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId"
            LEFT JOIN bank_taken b ON a.type = 'BANK' AND b."rowId" = t.id LEFT JOIN wallet_taken w ON a.type <> 'BANK' AND w."rowId" = t.id
           WHERE t."orgId" = ${org} AND t."occurredOn" >= $2::date AND t."occurredOn" < $3::date AND ${notExcludedSql("BANK", "t")}
        )`;
}

/** Groups of `status` whose month (that of their latest row) is `month`. */
export async function countGroupsOfMonth(tx: Tx, orgId: string, month: string, status: "PROPOSED" | "PENDING_APPROVAL"): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ count: bigint }[]>(
    `WITH chosen AS MATERIALIZED (SELECT g.id, g."orgId" FROM "MatchGroup" g WHERE g."orgId" = $1::uuid AND g.status = '${status}'),
          items AS (${groupItemDaysSql("chosen")})
     SELECT count(*)::bigint AS count FROM (SELECT "groupId" FROM items GROUP BY "groupId" HAVING ${monthSql("max(day)")} = $2) of_month`,
    orgId,
    month,
  );
  return Number(row?.count ?? 0n);
}

/** Rows of the month marked not for reconciliation. */
export async function countExcludedOfMonth(tx: Tx, orgId: string, month: string): Promise<number> {
  const { first: from, next: until } = monthBounds(month);
  const [row] = await tx.$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*)::bigint AS count FROM "ExcludedRow" x
       LEFT JOIN "Order" o ON x.side = 'ORDER' AND o."orgId" = x."orgId" AND o.id = x."rowId"
       LEFT JOIN "SettlementLine" l ON x.side = 'SETTLEMENT' AND l."orgId" = x."orgId" AND l.id = x."rowId"
       LEFT JOIN "BankTransaction" b ON x.side = 'BANK' AND b."orgId" = x."orgId" AND b.id = x."rowId"
      WHERE x."orgId" = $1::uuid AND COALESCE(${orderBusinessDaySql("o")}::date, l."occurredOn", b."occurredOn") >= $2::date
        AND COALESCE(${orderBusinessDaySql("o")}::date, l."occurredOn", b."occurredOn") < $3::date`,
    orgId,
    from,
    until,
  );
  return Number(row?.count ?? 0n);
}

export async function monthChecklist(tx: Tx, orgId: string, month: string): Promise<MonthChecklist> {
  const { first: from, next: until } = monthBounds(month);
  const groups = await tx.$queryRawUnsafe<{ list: OpenList; owner: string; count: bigint; remaining: bigint }[]>(
    `${openRowsSql()} SELECT list, owner, count(*)::bigint AS count, SUM(remaining)::bigint AS remaining FROM open WHERE remaining > 0 GROUP BY list, owner`,
    orgId,
    from,
    until,
  );
  const openRows = groups.reduce((sum, group) => sum + Number(group.count), 0);
  const items =
    openRows === 0
      ? []
      : await tx.$queryRawUnsafe<{ list: OpenList; side: Side; id: bigint; owner: string; day: string | null; ref: string | null; detail: string | null; remaining: bigint }[]>(
          `${openRowsSql()} SELECT * FROM open WHERE remaining > 0
             ORDER BY CASE list WHEN 'orders' THEN 0 WHEN 'lines' THEN 1 ELSE 2 END, owner, day NULLS LAST, id LIMIT ${CHECKLIST_ITEM_LIMIT}`,
          orgId,
          from,
          until,
        );
  return {
    month,
    groups: groups
      .map((group) => ({ list: group.list, owner: group.owner, count: Number(group.count), remainingMinor: group.remaining }))
      .sort((a, b) => LIST_ORDER[a.list] - LIST_ORDER[b.list] || (b.remainingMinor > a.remainingMinor ? 1 : b.remainingMinor < a.remainingMinor ? -1 : a.owner.localeCompare(b.owner))),
    openRows,
    openProposals: await countGroupsOfMonth(tx, orgId, month, "PROPOSED"),
    pendingApprovals: await countGroupsOfMonth(tx, orgId, month, "PENDING_APPROVAL"),
    excludedRows: await countExcludedOfMonth(tx, orgId, month),
    items: items.map((item) => ({ list: item.list, side: item.side, id: item.id.toString(), day: item.day, ref: item.ref, detail: item.detail, owner: item.owner, remainingMinor: item.remaining })),
  };
}
