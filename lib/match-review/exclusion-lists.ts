// The two lists of the unmatched page's "not for reconciliation" views: the rows marked (with reason,
// who and when, restorable) and the open rows the rules in exclusion-rules.ts would suggest marking.
// Amounts as accountants read them: an order what the buyer paid, a bill line or bank row signed as
// booked (+ in, − out).
import type { Tx } from "@/lib/db/client";
import type { ExclusionReason } from "@/lib/ledger/excluded-rows";
import { notExcludedSql } from "@/lib/ledger/excluded-rows";
import type { ReconcileRules, Side } from "@/lib/match-engine";
import { monthBounds, monthOf, orderBusinessDaySql } from "@/lib/ledger/business-day";
import { lockedMonths } from "./periods";
import { accountDigits, CLOSED_ORDER_STATUSES, PLATFORM_WORDS, suggestForBankRow, suggestForOrder, type SuggestionWhy } from "./exclusion-rules";
import { peopleNames } from "./workspace-summary";

export type ExcludedRowView = {
  side: Side;
  id: string;
  day: string | null;
  ref: string | null;
  detail: string | null;
  owner: string;
  amountMinor: bigint;
  reason: ExclusionReason;
  note: string | null;
  createdAt: Date;
  createdBy: string;
};

export type ExcludedPage = { rows: ExcludedRowView[]; total: number; amountMinor: bigint; page: number; pages: number; pageSize: number };

type RawExcluded = Omit<ExcludedRowView, "id" | "createdBy"> & { id: bigint; createdById: string | null; total: bigint; sum: bigint };

/** SQL of every marked row with what the page shows; $1 org. */
const EXCLUDED_SQL = `
  SELECT 'order' AS side, t.id, to_char(${orderBusinessDaySql("t")}, 'YYYY-MM-DD') AS day, t."orderNo" AS ref, t.status AS detail, s.name AS owner, t."paidAmountMinor" AS "amountMinor", x.reason, x.note, x."createdAt", x."createdById"
    FROM "ExcludedRow" x JOIN "Order" t ON t."orgId" = x."orgId" AND t.id = x."rowId" JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId"
   WHERE x."orgId" = $1::uuid AND x.side = 'ORDER'
  UNION ALL
  SELECT 'settlement', t.id, to_char(t."occurredOn", 'YYYY-MM-DD'), COALESCE(t."orderNo", t."payoutId", t.reference), t.memo, s.name, t."amountMinor", x.reason, x.note, x."createdAt", x."createdById"
    FROM "ExcludedRow" x JOIN "SettlementLine" t ON t."orgId" = x."orgId" AND t.id = x."rowId" JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId"
   WHERE x."orgId" = $1::uuid AND x.side = 'SETTLEMENT'
  UNION ALL
  SELECT 'bank', t.id, to_char(t."occurredOn", 'YYYY-MM-DD'), COALESCE(t.reference, t."merchantOrderNo", t."secondaryReference", t.counterparty), concat_ws(' · ', t.counterparty, t.memo), a.name, t."amountMinor", x.reason, x.note, x."createdAt", x."createdById"
    FROM "ExcludedRow" x JOIN "BankTransaction" t ON t."orgId" = x."orgId" AND t.id = x."rowId" JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId"
   WHERE x."orgId" = $1::uuid AND x.side = 'BANK'`;

/** The marked rows, newest mark first; `month` narrows to rows of that month (the close report). */
export async function listExcludedRows(tx: Tx, orgId: string, options: { page: number; pageSize: number; month?: string }): Promise<ExcludedPage> {
  const params: unknown[] = [orgId];
  let where = "";
  if (options.month) {
    const { first: from, next: until } = monthBounds(options.month);
    params.push(from, until);
    where = `WHERE e.day >= $2 AND e.day < $3`;
  }
  const offset = (options.page - 1) * options.pageSize;
  const raw = await tx.$queryRawUnsafe<RawExcluded[]>(
    `WITH e AS MATERIALIZED (SELECT * FROM (${EXCLUDED_SQL}) e ${where})
     SELECT e.*, count(*) OVER ()::bigint AS total, SUM(e."amountMinor") OVER ()::bigint AS sum FROM e
      ORDER BY e."createdAt" DESC, e.side, e.id LIMIT ${options.pageSize} OFFSET ${offset}`,
    ...params,
  );
  const names = await peopleNames(tx, raw.map((row) => row.createdById));
  const total = Number(raw[0]?.total ?? 0n);
  return {
    rows: raw.map((row) => ({
      side: row.side,
      id: row.id.toString(),
      day: row.day,
      ref: row.ref,
      detail: row.detail,
      owner: row.owner,
      amountMinor: row.amountMinor,
      reason: row.reason,
      note: row.note,
      createdAt: row.createdAt,
      createdBy: row.createdById ? (names[row.createdById] ?? "") : "",
    })),
    total,
    amountMinor: raw[0]?.sum ?? 0n,
    page: options.page,
    pages: Math.max(1, Math.ceil(total / options.pageSize)),
    pageSize: options.pageSize,
  };
}

export async function countExcludedRows(tx: Tx, orgId: string): Promise<number> {
  return tx.excludedRow.count({ where: { orgId } });
}

export type ExclusionSuggestion = { side: Side; id: string; day: string | null; ref: string | null; detail: string | null; owner: string; amountMinor: bigint; reason: ExclusionReason; why: SuggestionWhy };

/** At most this many suggestions at a time: accept them and the next ones show. */
export const SUGGESTION_LIMIT = 500;

/** Not held by a proposal or a match (those are being reconciled), not marked yet. */
const free = (side: string) => `NOT EXISTS (SELECT 1 FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
      WHERE i."orgId" = t."orgId" AND i.side = '${side}' AND i."rowId" = t.id AND g.status IN ('PROPOSED', 'CONFIRMED', 'PENDING_APPROVAL'))
    AND ${notExcludedSql(side as "ORDER" | "BANK", "t")}`;

export async function listExclusionSuggestions(tx: Tx, orgId: string, rules: Pick<ReconcileRules, "platformPayers" | "walletPayers">): Promise<ExclusionSuggestion[]> {
  // Candidates are narrowed in SQL by the same words the rules read; the rules decide in TypeScript.
  const orders = await tx.$queryRawUnsafe<{ id: bigint; day: string | null; ref: string; status: string | null; owner: string; paid: bigint; received: bigint | null; hasLines: boolean }[]>(
    `SELECT t.id, to_char(${orderBusinessDaySql("t")}, 'YYYY-MM-DD') AS day, t."orderNo" AS ref, t.status, s.name AS owner, t."paidAmountMinor" AS paid, t."merchantReceivedMinor" AS received,
            EXISTS (SELECT 1 FROM "SettlementLine" l WHERE l."orgId" = t."orgId" AND l."orderNo" = t."orderNo") AS "hasLines"
       FROM "Order" t JOIN "Store" s ON s."orgId" = t."orgId" AND s.id = t."storeId"
      WHERE t."orgId" = $1::uuid AND t."paidAmountMinor" > 0 AND COALESCE(t."merchantReceivedMinor", 0) = 0
        AND EXISTS (SELECT 1 FROM unnest($2::text[]) w(word) WHERE strpos(lower(COALESCE(t.status, '')), lower(w.word)) > 0)
        AND ${free("ORDER")}
      ORDER BY day NULLS LAST, t.id LIMIT ${SUGGESTION_LIMIT}`,
    orgId,
    CLOSED_ORDER_STATUSES,
  );
  const accounts = await tx.fundAccount.findMany({ where: { orgId }, select: { id: true, name: true, accountNumber: true } });
  const ownAccounts = accounts.flatMap((account) => {
    const digits = accountDigits(account.accountNumber);
    return digits ? [{ id: account.id, name: account.name, digits }] : [];
  });
  const categoryWords = ["工资", "薪资", "薪酬", "代发薪", "房租", "租金", "税"];
  const bank = await tx.$queryRawUnsafe<{ id: bigint; day: string; ref: string | null; owner: string; accountId: string; amount: bigint; counterparty: string | null; counterpartyAccount: string | null; memo: string | null }[]>(
    `SELECT t.id, to_char(t."occurredOn", 'YYYY-MM-DD') AS day, COALESCE(t.reference, t."secondaryReference", t.counterparty) AS ref, a.name AS owner, t."fundAccountId"::text AS "accountId",
            t."amountMinor" AS amount, t.counterparty, t."counterpartyAccount", t.memo
       FROM "BankTransaction" t JOIN "FundAccount" a ON a."orgId" = t."orgId" AND a.id = t."fundAccountId"
      WHERE t."orgId" = $1::uuid AND a.type = 'BANK'
        AND (regexp_replace(COALESCE(t."counterpartyAccount", ''), '\\D', '', 'g') = ANY($2::text[])
             OR EXISTS (SELECT 1 FROM unnest($3::text[]) w(word) WHERE strpos(concat_ws(' ', t.counterparty, t.memo), w.word) > 0))
        AND ${free("BANK")}
      ORDER BY t."occurredOn", t.id LIMIT ${SUGGESTION_LIMIT * 2}`,
    orgId,
    ownAccounts.map((account) => account.digits),
    categoryWords,
  );
  const platformWords = [...PLATFORM_WORDS, ...Object.values(rules.platformPayers).flat(), ...Object.values(rules.walletPayers).flat()].filter((word): word is string => Boolean(word));

  const suggestions: ExclusionSuggestion[] = [];
  for (const order of orders) {
    const rule = suggestForOrder({ status: order.status, paidMinor: order.paid, receivedMinor: order.received, hasBillLines: order.hasLines });
    if (rule) suggestions.push({ side: "order", id: order.id.toString(), day: order.day, ref: order.ref, detail: order.status, owner: order.owner, amountMinor: order.paid, ...rule });
  }
  for (const row of bank) {
    const rule = suggestForBankRow({ amountMinor: row.amount, counterparty: row.counterparty, counterpartyAccount: row.counterpartyAccount, memo: row.memo, accountId: row.accountId }, { ownAccounts, platformWords });
    const detail = [row.counterparty, row.memo].filter(Boolean).join(" · ") || null;
    if (rule) suggestions.push({ side: "bank", id: row.id.toString(), day: row.day, ref: row.ref, detail, owner: row.owner, amountMinor: row.amount, ...rule });
  }
  // Rows of a locked month cannot be marked: suggesting them would only end in a refusal.
  const locked = await lockedMonths(tx, orgId, suggestions.flatMap((row) => (row.day ? [monthOf(row.day)] : [])));
  return suggestions.filter((row) => !row.day || !locked.has(monthOf(row.day))).slice(0, SUGGESTION_LIMIT);
}
