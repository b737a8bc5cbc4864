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
import type { ReconcileRules, Side, Slot } from "@/lib/reconcile";

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

export type UnmatchedPage = { rows: UnmatchedRow[]; total: number; remainingMinor: bigint; page: number; pages: number };

type Raw = Omit<UnmatchedRow, "side" | "id" | "sourceRow"> & { side: string; id: bigint; sourceRow: number; withdrawal: boolean; total: bigint; totalRemaining: bigint };

/** Rows of one table with what is left on one side, as SQL: one place for the allocation rule. */
function leftSql(table: "Order" | "SettlementLine" | "BankTransaction", side: "ORDER" | "SETTLEMENT" | "BANK", amount: string, slotParam: string): string {
  return `(ABS(${amount}) - COALESCE((
      SELECT SUM(ABS(i."amountMinor")) FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
       WHERE i."orgId" = t."orgId" AND i.side = '${side}' AND i."rowId" = t.id AND i.slot = ${slotParam}
         AND g.status IN ('CONFIRMED', 'PENDING_APPROVAL')), 0))::bigint`;
}

function proposedSql(side: "ORDER" | "SETTLEMENT" | "BANK", slotParam: string): string {
  return `EXISTS (SELECT 1 FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
       WHERE i."orgId" = t."orgId" AND i.side = '${side}' AND i."rowId" = t.id AND i.slot = ${slotParam} AND g.status = 'PROPOSED')`;
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
  // $1 org, $2 slot; the wallet's withdrawal words and the filters follow when used.
  const params: unknown[] = [orgId, slot === "up" ? "UP" : "DOWN"];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const slotParam = `$2::"MatchSlot"`;
  const walletWithdrawal = () =>
    `(t."amountMinor" < 0 AND EXISTS (SELECT 1 FROM unnest(${param(rules.walletKeywords.WITHDRAWAL)}::text[]) AS w(word) WHERE strpos(COALESCE(t.memo, ''), w.word) > 0))`;

  const selects: string[] = [];
  if (list === "orders") {
    selects.push(`SELECT 'order' AS side, t.id, to_char(COALESCE(t."paidAt", t."orderedAt", t."confirmedAt"), 'YYYY-MM-DD') AS day,
        t."orderNo" AS ref, t.status AS detail, s.name AS owner, t."afterSaleStatus" AS kind, t.currency, t."paidAmountMinor" AS "amountMinor",
        ${leftSql("Order", "ORDER", `t."paidAmountMinor"`, slotParam)} AS "remainingMinor", false AS withdrawal,
        t."batchId", t."sourceRow", ${proposedSql("ORDER", slotParam)} AS proposed, t."storeId" AS "ownerId",
        COALESCE(t."paidAt", t."orderedAt", t."confirmedAt")::date AS sort_day, concat_ws(' ', t."orderNo", t."subOrderNo", t.status) AS haystack
      FROM "Order" t JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId" WHERE t."orgId" = $1::uuid`);
  } else if (list === "lines") {
    selects.push(`SELECT 'settlement' AS side, t.id, to_char(t."occurredOn", 'YYYY-MM-DD') AS day,
        COALESCE(t."orderNo", t."payoutId", t.reference) AS ref, t.memo AS detail, s.name AS owner, t."lineType"::text AS kind, t.currency, t."amountMinor",
        ${leftSql("SettlementLine", "SETTLEMENT", `t."amountMinor"`, slotParam)} AS "remainingMinor", t."lineType" = 'WITHDRAWAL' AS withdrawal,
        t."batchId", t."sourceRow", ${proposedSql("SETTLEMENT", slotParam)} AS proposed, t."storeId" AS "ownerId",
        t."occurredOn" AS sort_day, concat_ws(' ', t."orderNo", t."payoutId", t.reference, t.memo) AS haystack
      FROM "SettlementLine" t JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId" WHERE t."orgId" = $1::uuid`);
  }
  if (list === "lines" || list === "bank") {
    const accountTypes = list === "bank" ? `a.type = 'BANK'` : `a.type <> 'BANK'`;
    selects.push(`SELECT 'bank' AS side, t.id, to_char(t."occurredOn", 'YYYY-MM-DD') AS day,
        COALESCE(t.reference, t."merchantOrderNo", t."secondaryReference", t.counterparty) AS ref, concat_ws(' · ', t.counterparty, t.memo) AS detail, a.name AS owner,
        t.channel AS kind, t.currency, t."amountMinor",
        ${leftSql("BankTransaction", "BANK", `t."amountMinor"`, slotParam)} AS "remainingMinor", ${list === "lines" ? walletWithdrawal() : "false"} AS withdrawal,
        t."batchId", t."sourceRow", ${proposedSql("BANK", slotParam)} AS proposed, t."fundAccountId" AS "ownerId",
        t."occurredOn" AS sort_day, concat_ws(' ', t.reference, t."merchantOrderNo", t."secondaryReference", t.counterparty, t.memo) AS haystack
      FROM "BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId" WHERE t."orgId" = $1::uuid AND ${accountTypes}`);
  }

  const where: string[] = [`u."remainingMinor" > 0`];
  if (filter.owner) where.push(`u."ownerId" = ${param(filter.owner)}::uuid`);
  if (filter.from) where.push(`u.sort_day >= ${param(filter.from)}::date`);
  if (filter.to) where.push(`u.sort_day <= ${param(filter.to)}::date`);
  if (filter.min) where.push(`u."remainingMinor" >= ${param(BigInt(filter.min))}::bigint`);
  if (filter.max) where.push(`u."remainingMinor" <= ${param(BigInt(filter.max))}::bigint`);
  if (filter.q) where.push(`strpos(u.haystack, ${param(filter.q)}) > 0`);
  if (filter.row) where.push(`u.side = ${param(filter.row.side)} AND u.id = ${param(BigInt(filter.row.id))}::bigint`);
  const offset = (filter.page - 1) * pageSize;

  const rows = await tx.$queryRawUnsafe<Raw[]>(
    `SELECT u.*, count(*) OVER ()::bigint AS total, SUM(u."remainingMinor") OVER ()::bigint AS "totalRemaining"
       FROM (${selects.join(" UNION ALL ")}) u
      WHERE ${where.join(" AND ")}
      ORDER BY u.sort_day NULLS LAST, u.side, u.id
      LIMIT ${pageSize} OFFSET ${offset}`,
    ...params,
  );
  const files = await fileNames(tx, orgId, rows.map((row) => row.batchId));
  const total = Number(rows[0]?.total ?? (await countOnly()));
  async function countOnly(): Promise<bigint> {
    if (filter.page === 1) return 0n; // an empty first page means nothing matched the filter
    const [row] = await tx.$queryRawUnsafe<{ total: bigint }[]>(`SELECT count(*)::bigint AS total FROM (${selects.join(" UNION ALL ")}) u WHERE ${where.join(" AND ")}`, ...params);
    return row?.total ?? 0n;
  }
  return {
    rows: rows.map((row) => {
      // Money flows from a withdrawal towards the bank: its flow is the opposite of its balance sign.
      const negativeFlow = row.withdrawal ? row.amountMinor > 0n : row.amountMinor < 0n;
      return {
        side: row.side as Side,
        id: row.id.toString(),
        day: row.day,
        ref: row.ref,
        detail: row.detail,
        owner: row.owner,
        kind: row.kind,
        currency: row.currency.trim(),
        amountMinor: row.amountMinor,
        remainingMinor: row.remainingMinor,
        flowMinor: negativeFlow ? -row.remainingMinor : row.remainingMinor,
        batchId: row.batchId,
        file: files.get(row.batchId) ?? "",
        sourceRow: row.sourceRow,
        proposed: row.proposed,
      };
    }),
    total,
    remainingMinor: rows[0]?.totalRemaining ?? 0n,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

export async function fileNames(tx: Tx, orgId: string, batchIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(batchIds)];
  if (unique.length === 0) return new Map();
  const batches = await tx.importBatch.findMany({ where: { orgId, id: { in: unique } }, select: { id: true, fileName: true } });
  return new Map(batches.map((batch) => [batch.id, batch.fileName]));
}
