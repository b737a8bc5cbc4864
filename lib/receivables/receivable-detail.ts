// One order's whole chain for the detail drawer: its list row, its export rows (file and row), and
// every group along the way — order ↔ bill or bank, the payouts that swept its lines, the bank
// receipts of those — with their rows and adjustments; proposals too, marked as such, so staff see
// what only waits for a confirmation. Plus its follow-up and the notes on it.
import type { Tx } from "@/lib/db/client";
import { describeGroups, type GroupView } from "@/lib/match-review/list-groups";
import { fileNames } from "@/lib/match-review/list-unmatched";
import { peopleNames } from "@/lib/match-review/workspace-summary";
import { filteredReceivablesSql, RECEIVABLE_COLUMNS, RECEIVABLE_OWNER_JOIN, readReceivableRow, type ReceivableQuery, type ReceivableRow } from "./list-receivables";

export type ReceivableOrderRow = { id: string; file: string; sourceRow: number; subOrderNo: string | null; status: string | null; paidMinor: bigint; refundMinor: bigint; paidAt: string | null };
export type ReceivableNote = { id: string; body: string; author: string; at: Date };
export type ReceivableDetail = { row: ReceivableRow; orders: ReceivableOrderRow[]; groups: GroupView[]; notes: ReceivableNote[] };

/** Groups along the chain, except rejected and reversed ones: order-side, then payouts of its lines, then their bank receipts. */
const CHAIN_GROUPS = `
  WITH orders AS (
    SELECT o.id FROM "Order" o WHERE o."orgId" = $1::uuid AND o."storeId" = $2::uuid
       AND o."orderNo" = (SELECT "orderNo" FROM "Order" WHERE "orgId" = $1::uuid AND id = $3::bigint)),
  live AS (SELECT id FROM "MatchGroup" WHERE "orgId" = $1::uuid AND status IN ('PROPOSED', 'PENDING_APPROVAL', 'CONFIRMED')),
  own AS (
    SELECT DISTINCT i."groupId" FROM "MatchItem" i JOIN live ON live.id = i."groupId"
     WHERE i.side = 'ORDER' AND i."rowId" IN (SELECT id FROM orders)),
  lines AS (SELECT i.side, i."rowId" FROM "MatchItem" i WHERE i."orgId" = $1::uuid AND i."groupId" IN (SELECT "groupId" FROM own) AND i.side <> 'ORDER'),
  payouts AS (
    SELECT DISTINCT i."groupId" FROM "MatchItem" i JOIN live ON live.id = i."groupId" JOIN lines l ON l.side = i.side AND l."rowId" = i."rowId"
     WHERE i."groupId" NOT IN (SELECT "groupId" FROM own)),
  swept AS (SELECT i.side, i."rowId" FROM "MatchItem" i WHERE i."orgId" = $1::uuid AND i."groupId" IN (SELECT "groupId" FROM payouts)),
  receipts AS (
    SELECT DISTINCT i."groupId" FROM "MatchItem" i JOIN live ON live.id = i."groupId" JOIN swept s ON s.side = i.side AND s."rowId" = i."rowId"
     WHERE i."groupId" NOT IN (SELECT "groupId" FROM payouts) AND i."groupId" NOT IN (SELECT "groupId" FROM own))
  SELECT g.id, g."amountMinor" AS amount, g."differenceMinor" AS difference, NULL::text AS owner_name, false AS owner_mixed, to_char(g.day, 'YYYY-MM-DD') AS day, step
    FROM (SELECT "groupId", 1 AS step FROM own UNION SELECT "groupId", 2 FROM payouts UNION SELECT "groupId", 3 FROM receipts) c
    JOIN "MatchGroup" g ON g."orgId" = $1::uuid AND g.id = c."groupId"
   ORDER BY step, g.day NULLS LAST, g.id`;

export async function loadReceivableDetail(tx: Tx, query: ReceivableQuery, storeId: string, orderNo: string): Promise<ReceivableDetail | null> {
  const { sql, params } = filteredReceivablesSql(query, { store: storeId });
  params.push(orderNo);
  const [raw] = await tx.$queryRawUnsafe<Parameters<typeof readReceivableRow>[0][]>(
    `SELECT ${RECEIVABLE_COLUMNS} FROM (${sql} AND r."orderNo" = $${params.length}) x ${RECEIVABLE_OWNER_JOIN}`,
    ...params,
  );
  if (!raw) return null;
  const row = readReceivableRow(raw);
  const [orderRows, chain, notes] = await Promise.all([
    tx.$queryRawUnsafe<{ id: bigint; batchId: string; sourceRow: number; subOrderNo: string | null; status: string | null; paidMinor: bigint; refundMinor: bigint; paidAt: string | null }[]>(
      `SELECT o.id, o."batchId", o."sourceRow", o."subOrderNo", o.status, o."paidAmountMinor" AS "paidMinor", o."refundMinor", to_char(o."paidAt", 'YYYY-MM-DD HH24:MI:SS') AS "paidAt"
         FROM "Order" o WHERE o."orgId" = $1::uuid AND o."storeId" = $2::uuid
          AND o."orderNo" = (SELECT "orderNo" FROM "Order" WHERE "orgId" = $1::uuid AND id = $3::bigint)
        ORDER BY o.id`,
      query.orgId,
      storeId,
      row.firstOrderId,
    ),
    tx.$queryRawUnsafe<{ id: string; amount: bigint; difference: bigint; owner_name: string | null; owner_mixed: boolean; day: string | null }[]>(CHAIN_GROUPS, query.orgId, storeId, row.firstOrderId),
    tx.note.findMany({ where: { orgId: query.orgId, target: "ORDER", targetId: row.firstOrderId }, orderBy: { createdAt: "desc" } }),
  ]);
  const [files, groups, names] = await Promise.all([
    fileNames(tx, query.orgId, orderRows.map((order) => order.batchId)),
    describeGroups(tx, query.orgId, chain),
    peopleNames(tx, notes.map((note) => note.createdById)),
  ]);
  return {
    row,
    orders: orderRows.map((order) => ({ ...order, id: order.id.toString(), file: files.get(order.batchId) ?? "" })),
    groups,
    notes: notes.map((note) => ({ id: note.id, body: note.body, author: note.createdById ? (names[note.createdById] ?? "") : "", at: note.createdAt })),
  };
}
