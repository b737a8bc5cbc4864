// The open-row cache: what lets a re-run cost what is new instead of the whole history (decision
// 0015). A full run reads every order, bill line and bank or wallet row the organization ever
// imported and every item booked groups spent; a re-run after a day's import needs far less:
//
// - ReconcileOpenRow lists the rows that may still have something left to match. SUPERSET rule: a row
//   missing from it must be truly closed (fully spent, on every side it has, by counting groups,
//   lib/ledger/counting-groups.ts); a row listed that is closed only costs load time. It also holds
//   the closed rows that passes read as context (below), so a partial load sees them too.
// - ReconcileLoadState keeps what the last unscoped run saw: the highest id of each row table in its
//   snapshot and the import batches still committing then (a batch's rows may get lower ids than a
//   row committed before them). Rows above those watermarks, or of those batches, are new: imports
//   need no change.
//
// A partial ("incremental") load reads: the listed rows ∪ the new rows, minus rows marked not for
// reconciliation; the orders that those rows name by number (a refund line arriving after its order
// was booked needs the order: without it the engine says "order not found", or finds one order where
// two stores share the number) — looked up only for rows new since the last run or listed by someone
// else since, the last run having listed the orders its own listed rows name; and what counting
// groups spent of the loaded rows alone.
//
// Closed rows kept listed as context ("pins"), because passes look at them beside the open ones:
// - every withdrawal (bill WITHDRAWAL lines, wallet 提现): a sweep takes the lines since the PREVIOUS
//   withdrawal, booked or not;
// - every row of a BANK account: every receipt of a platform's paying entity bounds the direct
//   payouts' windows (ORDERS_BETWEEN_PAYOUTS), and a statement's first day matters;
// - the first and last row of each store's bill and each account: the data-until dates of the
//   unmatched reasons (row-table.ts ledgerDataUntil / bankDataUntil) and a statement's start;
// - per store, one order and one bill or wallet line that names it: a store whose orders have lines
//   is not "paid directly" (direct-payouts.ts), however few of its rows are open;
// - the orders that open rows name by number, and other stores' orders with an open order's number;
// - wallet lines without 商户订单号 whose memo holds id-like tokens: an order imported later that the
//   memo names gives them an upstream side again.
//
// After a run (run-reconciliation.ts, right after the save, in a transaction of its own): the entries
// of the rows it loaded (those its snapshot saw) are replaced by the rows still open — the engine's
// unmatched rows, every row of a proposal not saved as CONFIRMED — plus the pins, as a difference;
// an unscoped run then moves the watermarks. Not in
// the save's transaction because save-proposals.ts owns that one; a crash between the two leaves the
// old entries and watermarks, a superset of what is open: the next run loads more, never less.
// Entries written after the run's snapshot (by the events below) are kept: each entry records the
// transaction that wrote it, and only those visible in the run's snapshot are deleted.
//
// Events that open a closed row again add it back in their own transaction, by triggers (migration
// 20261205002459_reconcile_open_rows), whichever code path makes them: a counting group that stops
// counting (reversed, rejected, undone, approval refused) or is deleted, and an exclusion removed.
// Rules, accounts or the matching code changed (contextKey, MATCHING_CODE_VERSION), no state yet, or
// a store's witness gone: a full load.
//
// Nothing changed at all since the last unscoped run — triggers count every change that can alter a
// run's answer (migration 20261205004936_reconcile_change_count) and no row came above the watermarks
// — and the run is skipped: its answer is the groups that stand (unchangedSinceLastRun). A new table
// whose contents change answers needs the same counting trigger, as a store's learned fee rates have
// (migration 20261205012000_store_fee_rate_counts: only when a rate moves).
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import type { MatchSide } from "@/lib/db/generated/enums";
import type { BankTransactionInput, MatchProposal, OrderInput, ReconcileInput, ReconcileResult, ReconcileRules, SettlementLineInput, Side } from "@/lib/match-engine";
import { memoTokens, normalizeKey } from "@/lib/match-engine/engine/keys";
import { isWalletWithdrawal } from "@/lib/match-engine/row-role";
import type { IncrementalLoad, LoadFacts } from "./load-reconcile-input";

const SIDE_TO_DB: Record<Side, MatchSide> = { order: "ORDER", settlement: "SETTLEMENT", bank: "BANK" };
const SIDE_FROM_DB: Record<MatchSide, Side> = { ORDER: "order", SETTLEMENT: "settlement", BANK: "bank" };

export type LoadState = {
  runId: string;
  contextKey: string;
  maxIds: { order: string; settlement: string; bank: string };
  pendingBatchIds: string[];
  storesWithLines: string[];
  /** The change count now, and as the last unscoped run's snapshot saw it. */
  changes: string;
  changesAtRun: string;
  /** The last unscoped run's snapshot and the transaction that wrote its entries. */
  snapshot?: string;
  writtenBy: string;
};

/** Why a run loaded everything (recorded in its results). */
export type FullLoadReason = "NO_STATE" | "CONTEXT_CHANGED" | "STORE_WITNESS_MISSING";

/**
 * The code's part of an answer: bump it when a change to the passes (or to what they read beside the
 * open rows, the pins above) can change what a run proposes. The first run after such a deploy then
 * loads everything and is not skipped; without the bump it would stand on the old code's answer.
 */
export const MATCHING_CODE_VERSION = "issue-20";

/** What, besides the rows, makes every answer different: the code, the rules, the accounts' kinds, the stores' platforms. */
export function contextKeyOf(rulesVersion: string, accounts: readonly { id: string; type: string }[], stores: readonly { id: string; platform: string }[]): string {
  const list = (items: readonly string[]) => [...items].sort().join(",");
  return `${MATCHING_CODE_VERSION}|${rulesVersion}|${list(accounts.map((a) => `${a.id}:${a.type}`))}|${list(stores.map((s) => `${s.id}:${s.platform}`))}`;
}

export async function readLoadState(db: Db, orgId: string): Promise<LoadState | undefined> {
  const state = await db.reconcileLoadState.findUnique({ where: { orgId } });
  if (!state) return undefined;
  return {
    runId: state.runId,
    contextKey: state.contextKey,
    maxIds: { order: state.orderMaxId.toString(), settlement: state.settlementMaxId.toString(), bank: state.bankMaxId.toString() },
    pendingBatchIds: state.pendingBatchIds,
    storesWithLines: state.storesWithLines,
    changes: state.changes.toString(),
    changesAtRun: state.changesAtRun.toString(),
    ...(state.snapshot ? { snapshot: state.snapshot } : {}),
    writtenBy: state.writtenBy.toString(),
  };
}

/**
 * True when nothing that can alter a run's answer changed since the last unscoped run: the triggers'
 * change count is what that run's snapshot saw, no row came above the watermarks, no batch was
 * committing then. Such a run would write exactly the groups that stand; it is skipped.
 */
export async function unchangedSinceLastRun(db: Db, orgId: string, state: LoadState): Promise<boolean> {
  if (state.changes !== state.changesAtRun || state.pendingBatchIds.length > 0) return false;
  const [max] = await db.$queryRawUnsafe<{ order: string | null; settlement: string | null; bank: string | null }[]>(
    `SELECT (SELECT max(id) FROM "Order" WHERE "orgId" = $1::uuid)::text AS order,
            (SELECT max(id) FROM "SettlementLine" WHERE "orgId" = $1::uuid)::text AS settlement,
            (SELECT max(id) FROM "BankTransaction" WHERE "orgId" = $1::uuid)::text AS bank`,
    orgId,
  );
  const notAbove = (id: string | null, maxId: string) => id === null || !isAbove(id, maxId);
  return notAbove(max!.order, state.maxIds.order) && notAbove(max!.settlement, state.maxIds.settlement) && notAbove(max!.bank, state.maxIds.bank);
}

/** The partial load a run may make, or why it must load everything. */
export function planLoad(state: LoadState | undefined, contextKey: string, rules: ReconcileRules): { incremental: IncrementalLoad } | { full: FullLoadReason } {
  if (!state) return { full: "NO_STATE" };
  if (state.contextKey !== contextKey) return { full: "CONTEXT_CHANGED" };
  return {
    incremental: {
      maxIds: state.maxIds,
      pendingBatchIds: state.pendingBatchIds,
      // The last run listed the orders its listed rows name (rowsToList): only rows new since, or
      // listed by someone else since (a reversal, an exclusion removed), need them looked up.
      ...(state.snapshot && state.pendingBatchIds.length === 0 ? { listedBefore: { snapshot: state.snapshot, writtenBy: state.writtenBy } } : {}),
      orderKeys: (loaded, fresh) => {
        const upperPrefixes = upper(rules.orderNoPrefixes);
        const keys = new Set<string>();
        const add = (key: string) => keys.add(key);
        const isFresh = (side: "settlement" | "bank", id: string, maxId: string) => !fresh || isAbove(id, maxId) || fresh[side].has(id);
        for (const line of loaded.settlementLines) if (isFresh("settlement", line.id, state.maxIds.settlement)) lineOrderKeys(line, upperPrefixes, add);
        for (const row of loaded.bankTransactions) if (isFresh("bank", row.id, state.maxIds.bank)) bankOrderKeys(row, upperPrefixes, add);
        // New orders: another store's order with the same number makes the number ambiguous.
        for (const order of loaded.orders) if (isAbove(order.id, state.maxIds.order) || fresh?.order.has(order.id)) add(normalizeKey(order.orderNo));
        keys.delete("");
        return [...keys];
      },
    },
  };
}

const isAbove = (id: string, maxId: string) => id.length > maxId.length || (id.length === maxId.length && id > maxId);

/** A number with each known prefix (T200P…) taken off too, as the order index tries it. */
function withPrefixes(key: string, upperPrefixes: readonly string[], add: (key: string) => void): void {
  if (!key) return;
  add(key);
  for (const prefix of upperPrefixes) if (key.length > prefix.length + 5 && key.startsWith(prefix)) add(key.slice(prefix.length));
}

function upper(prefixes: readonly string[]): string[] {
  return prefixes.map((prefix) => prefix.toUpperCase());
}

/** The order numbers a bill line may name: its order number, its memo's tokens. */
function lineOrderKeys(line: SettlementLineInput, upperPrefixes: readonly string[], add: (key: string) => void): void {
  withPrefixes(normalizeKey(line.orderNo), upperPrefixes, add);
  for (const token of memoTokens(line.memo)) withPrefixes(token, upperPrefixes, add);
}

/** The order numbers a bank or wallet row may name: 商户订单号, references, memo tokens. */
function bankOrderKeys(row: BankTransactionInput, upperPrefixes: readonly string[], add: (key: string) => void): void {
  for (const value of [row.merchantOrderNo, row.reference, row.secondaryReference]) withPrefixes(normalizeKey(value), upperPrefixes, add);
  for (const token of memoTokens(row.memo)) withPrefixes(token, upperPrefixes, add);
}

/**
 * Per store whose orders have bill or wallet lines: a witness (rows to keep loaded). A store with
 * bill lines is witnessed by one of them; a store paid through a wallet by one order and a wallet
 * line carrying its number (as written or after a known prefix).
 */
export function storeWitnesses(input: Pick<ReconcileInput, "stores" | "accounts" | "orders" | "settlementLines" | "bankTransactions">, rules: ReconcileRules): Map<string, { side: Side; id: string }[]> {
  const witnesses = new Map<string, { side: Side; id: string }[]>();
  for (const line of input.settlementLines) if (!witnesses.has(line.storeId)) witnesses.set(line.storeId, [{ side: "settlement", id: line.id }]);
  const wanted = new Set(input.stores.map((store) => store.id).filter((id) => !witnesses.has(id)));
  if (wanted.size === 0) return witnesses;
  const orderOf = new Map<string, OrderInput>();
  for (const order of input.orders) if (wanted.has(order.storeId)) orderOf.set(normalizeKey(order.orderNo), order);
  if (orderOf.size === 0) return witnesses;
  const wallets = new Set(input.accounts.filter((account) => account.type !== "BANK").map((account) => account.id));
  const upperPrefixes = upper(rules.orderNoPrefixes);
  for (const row of input.bankTransactions) {
    if (wanted.size === 0) break;
    if (!wallets.has(row.accountId) || row.merchantOrderNo === undefined) continue;
    let found: OrderInput | undefined;
    withPrefixes(normalizeKey(row.merchantOrderNo), upperPrefixes, (key) => {
      found ??= orderOf.get(key);
    });
    if (!found || !wanted.has(found.storeId)) continue;
    wanted.delete(found.storeId);
    witnesses.set(found.storeId, [
      { side: "order", id: found.id },
      { side: "bank", id: row.id },
    ]);
  }
  return witnesses;
}

export type OpenRowIds = Record<Side, Set<string>>;

/**
 * The rows to list after a run: what it left open and the context pins (top of file). `kept` are the
 * proposals the run handed to the save (after scope and locked months); `keptAllSaved` is false
 * when the save left some out for overlapping a kept proposal (it does not say which).
 */
export function rowsToList(input: ReconcileInput, result: ReconcileResult, kept: readonly MatchProposal[], keptAllSaved: boolean, rules: ReconcileRules, witnesses: Map<string, { side: Side; id: string }[]>): OpenRowIds {
  const rows: OpenRowIds = { order: new Set(), settlement: new Set(), bank: new Set() };
  for (const item of [...result.unmatched.orders, ...result.unmatched.settlement, ...result.unmatched.bank]) rows[item.side].add(item.id);
  const savedConfirmed = new Set(keptAllSaved ? kept.filter((proposal) => proposal.autoConfirm) : []);
  for (const proposal of result.proposals) {
    if (savedConfirmed.has(proposal)) continue;
    for (const item of proposal.items) rows[item.side].add(item.id);
  }
  const openBank = new Set(rows.bank);
  // Pins: withdrawals, bank accounts' rows, each ledger's first and last row.
  const bankAccounts = new Set(input.accounts.filter((account) => account.type === "BANK").map((account) => account.id));
  const ends = new Map<string, { first: { day: string; side: Side; id: string }; last: { day: string; side: Side; id: string } }>();
  const edge = (ledger: string, day: string, side: Side, id: string) => {
    const known = ends.get(ledger);
    if (!known) return void ends.set(ledger, { first: { day, side, id }, last: { day, side, id } });
    if (day < known.first.day) known.first = { day, side, id };
    if (day > known.last.day) known.last = { day, side, id };
  };
  for (const line of input.settlementLines) {
    if (line.lineType === "WITHDRAWAL") rows.settlement.add(line.id);
    edge(`store:${line.storeId}`, line.occurredOn, "settlement", line.id);
  }
  for (const row of input.bankTransactions) {
    if (bankAccounts.has(row.accountId) || isWalletWithdrawal(row.amountMinor, row.memo, rules) || mayNameALaterOrder(row)) rows.bank.add(row.id);
    edge(`account:${row.accountId}`, row.occurredOn, "bank", row.id);
  }
  for (const { first, last } of ends.values()) {
    rows[first.side].add(first.id);
    rows[last.side].add(last.id);
  }
  for (const pair of witnesses.values()) for (const row of pair) rows[row.side].add(row.id);
  // Orders that open rows name, and other stores' orders with an open order's number.
  const keys = new Set<string>();
  const add = (key: string) => keys.add(key);
  const upperPrefixes = upper(rules.orderNoPrefixes);
  for (const line of input.settlementLines) if (rows.settlement.has(line.id)) lineOrderKeys(line, upperPrefixes, add);
  for (const row of input.bankTransactions) if (rows.bank.has(row.id) && !bankAccounts.has(row.accountId)) bankOrderKeys(row, upperPrefixes, add);
  // Bank receipts are all pinned; only the open ones name orders that must stay loaded.
  for (const row of input.bankTransactions) if (bankAccounts.has(row.accountId) && row.amountMinor > 0n && openBank.has(row.id)) bankOrderKeys(row, upperPrefixes, add);
  for (const order of input.orders) if (rows.order.has(order.id)) add(normalizeKey(order.orderNo));
  keys.delete("");
  if (keys.size > 0) for (const order of input.orders) if (keys.has(normalizeKey(order.orderNo))) rows.order.add(order.id);
  return rows;
}

export type RecordOptions = {
  runId: string;
  facts: LoadFacts;
  rows: OpenRowIds;
  /**
   * Every row id the run loaded: only their entries may go. "all" for a run that read every row
   * (a full, unscoped load): three sets of 2.3 M ids cost a 1M-order first run over 100 MiB at its peak.
   */
  loaded: OpenRowIds | "all";
  /** An unscoped run moves the watermarks and writes the state. */
  state?: { contextKey: string; storesWithLines: string[] };
};

/**
 * Makes the entries of the loaded rows say `rows`: entries of loaded rows that are not in `rows`
 * go (only those the run's snapshot saw), rows not listed yet come in. Written as a difference, so a
 * re-run that changed little writes little (rewriting every entry each run bloated the table).
 */
export async function recordOpenRows(pool: pg.Pool, orgId: string, options: RecordOptions): Promise<void> {
  const { facts, rows, loaded, state } = options;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const listed = await client.query<{ side: MatchSide; rowId: string }>(`SELECT side, "rowId"::text AS "rowId" FROM "ReconcileOpenRow" WHERE "orgId" = $1`, [orgId]);
    const existing: OpenRowIds = { order: new Set(), settlement: new Set(), bank: new Set() };
    for (const entry of listed.rows) existing[SIDE_FROM_DB[entry.side]].add(entry.rowId);
    let inserted = 0;
    for (const side of ["order", "settlement", "bank"] as const) {
      const gone = [...existing[side]].filter((id) => (loaded === "all" || loaded[side].has(id)) && !rows[side].has(id));
      if (gone.length > 0) {
        await client.query(
          `DELETE FROM "ReconcileOpenRow" WHERE "orgId" = $1 AND side = $3::"MatchSide" AND "rowId" = ANY($4::bigint[]) AND pg_visible_in_snapshot(("writtenBy")::text::xid8, $2::pg_snapshot)`,
          [orgId, facts.snapshot, SIDE_TO_DB[side], gone],
        );
      }
      const added = [...rows[side]].filter((id) => !existing[side].has(id));
      inserted += added.length;
      if (added.length > 0) {
        await client.query(`INSERT INTO "ReconcileOpenRow" ("orgId", side, "rowId") SELECT $1, $2::"MatchSide", unnest($3::bigint[]) ON CONFLICT ("orgId", side, "rowId") DO NOTHING`, [
          orgId,
          SIDE_TO_DB[side],
          added,
        ]);
      }
    }
    if (state) {
      await client.query(
        `INSERT INTO "ReconcileLoadState" ("orgId", "runId", "contextKey", "orderMaxId", "settlementMaxId", "bankMaxId", "pendingBatchIds", "storesWithLines", "writtenBy", "changesAtRun", "updatedAt", snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::uuid[], (pg_current_xact_id())::text::bigint, $9, now(), $10)
         ON CONFLICT ("orgId") DO UPDATE SET "runId" = EXCLUDED."runId", "contextKey" = EXCLUDED."contextKey", "orderMaxId" = EXCLUDED."orderMaxId",
           "settlementMaxId" = EXCLUDED."settlementMaxId", "bankMaxId" = EXCLUDED."bankMaxId", "pendingBatchIds" = EXCLUDED."pendingBatchIds",
           "storesWithLines" = EXCLUDED."storesWithLines", "writtenBy" = EXCLUDED."writtenBy", "changesAtRun" = EXCLUDED."changesAtRun", "updatedAt" = now(), snapshot = EXCLUDED.snapshot`,
        [orgId, options.runId, state.contextKey, facts.maxIds.order, facts.maxIds.settlement, facts.maxIds.bank, facts.pendingBatchIds, state.storesWithLines, facts.changesSeen, facts.snapshot],
      );
    } else {
      // A scoped run replaced some proposals only: what stands is no longer one unscoped run's answer.
      await client.query(`UPDATE "ReconcileLoadState" SET changes = changes + 1 WHERE "orgId" = $1`, [orgId]);
    }
    await client.query("COMMIT");
    // Many new entries (a first run): the planner must know, or it reads the next load's seed badly.
    if (inserted > 10_000) await client.query(`ANALYZE "ReconcileOpenRow"`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A wallet line without 商户订单号 whose memo holds id-like tokens: it gets an upstream side only once
 * an order its memo names is there (order-index.ts resolveLines), so an order imported later can
 * open it again. Kept listed.
 */
function mayNameALaterOrder(row: BankTransactionInput): boolean {
  return row.merchantOrderNo === undefined && row.amountMinor !== 0n && memoTokens(row.memo).length > 0;
}

/** Every row id of the input, by side. */
export function loadedRowIds(input: ReconcileInput): OpenRowIds {
  return {
    order: new Set(input.orders.map((order) => order.id)),
    settlement: new Set(input.settlementLines.map((line) => line.id)),
    bank: new Set(input.bankTransactions.map((row) => row.id)),
  };
}
