// What part of the company's work a run is asked to redo: one month, one store, one fund account,
// or any mix of them (all of them when empty). A scoped run still reads every row — what the engine
// finds for a store depends on the bank lines and the wallet sweeps it shares with the other stores
// — but it only replaces the open proposals inside its scope and only writes new groups inside it:
// someone else's pending work on another store or month is never thrown away by it.
//
// A group is inside the scope when it is of the month (the month of its latest row, the rule of
// lib/ledger/business-day.ts), touches the store (an order or bill line of it) and touches the
// account (a wallet or bank line of it) — each only when asked for. The same rule in TypeScript (for
// the engine's new proposals) and in SQL (for the proposals already stored), side by side.
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { lockedMonthsOf } from "./skip-locked-months";
import { groupMonth, orderBusinessDay, rowBusinessDaySql } from "@/lib/ledger/business-day";
import type { MatchProposal, ReconcileInput } from "@/lib/match-engine";

export type ReconcileScope = {
  /** Narrow what is loaded by day (the CLI's --from / --to, "YYYY-MM-DD"). */
  from?: string;
  to?: string;
  /** "YYYY-MM": only groups of this month. */
  month?: string;
  storeId?: string;
  accountId?: string;
};

export const MONTH_TEXT = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What a person may ask for on the page; empty fields mean "all". */
export const runScopeInputSchema = z.object({
  month: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.string().regex(MONTH_TEXT, { error: "validation.monthFormat" }).optional())
    .optional(),
  storeId: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.uuid().optional())
    .optional(),
  accountId: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.uuid().optional())
    .optional(),
});
export type RunScopeInput = z.output<typeof runScopeInputSchema>;

/** True when the scope narrows which groups the run replaces (from/to only narrow the load). */
export function isNarrowed(scope: ReconcileScope): boolean {
  return Boolean(scope.month || scope.storeId || scope.accountId);
}

/** Checks the asked-for scope against the organization: another company's store or account is "not found". */
export async function resolveRunScope(tx: Tx, orgId: string, input: RunScopeInput): Promise<ReconcileScope> {
  if (input.month && !MONTH_TEXT.test(input.month)) throw new AppError("INVALID", { messageKey: "monthInvalid", field: "month" });
  // A run of a locked month alone could change nothing there: say so now rather than after the run.
  if (input.month && (await lockedMonthsOf(tx, orgId)).has(input.month)) throw new AppError("LOCKED", { messageKey: "monthLocked", params: { month: input.month } });
  const [store, account] = await Promise.all([
    input.storeId ? tx.store.findFirst({ where: { orgId, id: input.storeId }, select: { id: true } }) : null,
    input.accountId ? tx.fundAccount.findFirst({ where: { orgId, id: input.accountId }, select: { id: true } }) : null,
  ]);
  if (input.storeId && !store) throw new AppError("NOT_FOUND", { messageKey: "storeNotFound", field: "storeId" });
  if (input.accountId && !account) throw new AppError("NOT_FOUND", { messageKey: "fundAccountNotFound", field: "accountId" });
  const scope: ReconcileScope = {};
  if (input.month) scope.month = input.month;
  if (input.storeId) scope.storeId = input.storeId;
  if (input.accountId) scope.accountId = input.accountId;
  return scope;
}

/** The engine's proposals inside the scope; the others are left out (and counted). */
export function keepInScope(input: ReconcileInput, proposals: readonly MatchProposal[], scope: ReconcileScope): { kept: MatchProposal[]; outside: number } {
  if (!isNarrowed(scope)) return { kept: [...proposals], outside: 0 };
  const wanted = new Set(proposals.flatMap((proposal) => proposal.items.map((item) => `${item.side}:${item.id}`)));
  const facts = new Map<string, { day?: string; store?: string; account?: string }>();
  for (const order of input.orders) if (wanted.has(`order:${order.id}`)) facts.set(`order:${order.id}`, { day: orderBusinessDay(order), store: order.storeId });
  for (const line of input.settlementLines) if (wanted.has(`settlement:${line.id}`)) facts.set(`settlement:${line.id}`, { day: line.occurredOn, store: line.storeId });
  for (const row of input.bankTransactions) if (wanted.has(`bank:${row.id}`)) facts.set(`bank:${row.id}`, { day: row.occurredOn, account: row.accountId });
  const kept = proposals.filter((proposal) => {
    const rows = proposal.items.map((item) => facts.get(`${item.side}:${item.id}`));
    if (scope.month && groupMonth(rows.map((row) => row?.day)) !== scope.month) return false;
    if (scope.storeId && !rows.some((row) => row?.store === scope.storeId)) return false;
    if (scope.accountId && !rows.some((row) => row?.account === scope.accountId)) return false;
    return true;
  });
  return { kept, outside: proposals.length - kept.length };
}

/**
 * SQL: the id of every group of `groups` (a relation with id and "orgId") inside the scope, with its
 * month. Parameters are spliced as positional placeholders the caller binds: `params` says which.
 */
export function groupsInScopeSql(groups: string, scope: ReconcileScope, param: (value: unknown) => string): string {
  const item = (dbSide: "ORDER" | "SETTLEMENT" | "BANK", table: string, store: string, account: string) =>
    `SELECT i."groupId", ${rowBusinessDaySql(dbSide, "r")}::date AS day, ${store} AS store, ${account} AS account
        FROM ${groups} grp JOIN "MatchItem" i ON i."orgId" = grp."orgId" AND i."groupId" = grp.id LEFT JOIN "${table}" r ON r."orgId" = i."orgId" AND r.id = i."rowId"
       WHERE i.side = '${dbSide}'`;
  const items = [
    item("ORDER", "Order", `r."storeId"`, "NULL::uuid"),
    item("SETTLEMENT", "SettlementLine", `r."storeId"`, "NULL::uuid"),
    item("BANK", "BankTransaction", "NULL::uuid", `r."fundAccountId"`),
  ].join("\n      UNION ALL\n      ");
  const having: string[] = [];
  if (scope.month) having.push(`to_char(max(day), 'YYYY-MM') = ${param(scope.month)}`);
  if (scope.storeId) having.push(`bool_or(store = ${param(scope.storeId)}::uuid)`);
  if (scope.accountId) having.push(`bool_or(account = ${param(scope.accountId)}::uuid)`);
  return `SELECT "groupId" AS id, to_char(max(day), 'YYYY-MM') AS month FROM (${items}) items GROUP BY "groupId"${having.length ? ` HAVING ${having.map((clause) => `COALESCE(${clause}, false)`).join(" AND ")}` : ""}`;
}
