// PostgreSQL → the engine's plain input: the organization's stores, accounts, imported rows, what
// decided groups already spent and the pairs people rejected. Ids become strings, dates "YYYY-MM-DD".
// A month can hold millions of rows, so the big tables are read with COPY … TO STDOUT on parallel
// connections of one snapshot and parsed from the bytes (copy-text-reader.ts); records get only the
// fields a row has, with repeated values shared (README "Speed and memory" of lib/match-engine).
// Rows come unsorted: the engine's result does not depend on their order (the golden test shuffles
// them), and ORDER BY id made PostgreSQL walk the primary key over every organization's rows.
// Not loaded: rows marked not for reconciliation (lib/ledger/excluded-rows.ts), so no run proposes them.
// Not loaded: BankTransaction.counterpartyAccount, which no pass reads (700 k wallet rows' worth).
// A re-run may load only part of the history (open-rows.ts): the rows that may still have something
// left, the rows imported since the last run, the orders their numbers name, and what booked groups
// spent of those rows alone; loadRunInput says which it did.
import type pg from "pg";
import type {
  BankTransactionInput,
  OrderInput,
  ReconcileInput,
  ReconcileStore,
  RejectedPair,
  SettlementLineInput,
  SettlementLineType,
  Side,
  AccountType,
  StorePlatform,
  SpentAllocations,
} from "@/lib/match-engine";
import { countingStatusSql } from "@/lib/ledger/counting-groups";
import { notExcludedCopySql } from "@/lib/ledger/excluded-rows";
import { SpentAllocationsBuilder } from "@/lib/match-engine/spent-allocations";
import { BigIntCache } from "@/lib/match-engine/engine/money";
import { learnedCommissionRates } from "@/lib/fee-rates/learned-commission-rates";
import { readCopyRows, type CopyRow } from "./copy-text-reader";
import { SharedDates, SharedStrings } from "./shared-strings";
import { withSnapshotClients } from "./snapshot-clients";

import type { ReconcileScope } from "./run-scope";
export type { ReconcileScope } from "./run-scope";

const SIDE_FROM_DB: Record<string, Side> = { ORDER: "order", SETTLEMENT: "settlement", BANK: "bank" };

// COPY takes no bind parameters: the few values spliced into its SQL are checked to be what they claim.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function sqlDateRange(column: string, scope: ReconcileScope): string {
  let sql = "";
  for (const [operator, value] of [[">=", scope.from], ["<=", scope.to]] as const) {
    if (value === undefined) continue;
    if (!DATE.test(value)) throw new Error(`invalid date ${value}`);
    sql += ` AND ${column} ${operator} DATE '${value}'`;
  }
  return sql;
}

/** Per-load shared values: one string per store, status, day…, one bigint per small amount. */
class Vocabulary {
  readonly strings = new SharedStrings();
  readonly dates = new SharedDates();
  readonly amounts = new BigIntCache();
}

function readOrder(row: CopyRow, v: Vocabulary): OrderInput {
  // id, storeId, orderNo, subOrderNo, paidAmountMinor, refundMinor, merchantReceivedMinor, currency, paidAt, confirmedAt, status, afterSaleStatus, orderedAt
  const order: OrderInput = {
    side: "order",
    id: row.ascii(0)!,
    storeId: v.strings.of(row.ascii(1)!),
    orderNo: row.text(2)!,
    paidMinor: v.amounts.of(row.integer(4)),
    refundMinor: v.amounts.of(row.integer(5)),
    currency: v.strings.of(row.ascii(7)!),
  };
  const subOrderNo = row.text(3);
  if (subOrderNo !== undefined) order.subOrderNo = subOrderNo;
  if (!row.isNull(6)) order.merchantReceivedMinor = v.amounts.of(row.integer(6));
  const paidOn = v.dates.of(row.dateKey(8));
  if (paidOn !== undefined) order.paidOn = paidOn;
  if (!row.isNull(9)) {
    order.confirmedOn = v.dates.of(row.dateKey(9));
    order.confirmedAt = row.wallClock(9);
  }
  const status = v.strings.of(row.text(10));
  if (status !== undefined) order.status = status;
  const afterSaleStatus = v.strings.of(row.text(11));
  if (afterSaleStatus !== undefined) order.afterSaleStatus = afterSaleStatus;
  const orderedOn = v.dates.of(row.dateKey(12));
  if (orderedOn !== undefined) order.orderedOn = orderedOn;
  return order;
}

function readSettlementLine(row: CopyRow, v: Vocabulary): SettlementLineInput {
  // id, storeId, lineType, orderNo, payoutId, amountMinor, currency, occurredOn, occurredAt, sourceRow, reference, memo
  const line: SettlementLineInput = {
    side: "settlement",
    id: row.ascii(0)!,
    storeId: v.strings.of(row.ascii(1)!),
    lineType: v.strings.of(row.ascii(2)!) as SettlementLineType,
    amountMinor: v.amounts.of(row.integer(5)),
    currency: v.strings.of(row.ascii(6)!),
    occurredOn: v.dates.of(row.dateKey(7))!,
    sequence: row.integer(9),
  };
  const orderNo = row.text(3);
  if (orderNo !== undefined) line.orderNo = orderNo;
  const payoutId = row.text(4);
  if (payoutId !== undefined) line.payoutId = payoutId;
  const occurredAt = row.wallClock(8);
  if (occurredAt !== undefined) line.occurredAt = occurredAt;
  const reference = row.text(10);
  if (reference !== undefined) line.reference = reference;
  const memo = v.strings.of(row.text(11));
  if (memo !== undefined) line.memo = memo;
  return line;
}

function readBankTransaction(row: CopyRow, v: Vocabulary): BankTransactionInput {
  // id, fundAccountId, amountMinor, currency, occurredOn, occurredAt, sourceRow, reference, secondaryReference, counterparty, memo, merchantOrderNo, balanceMinor
  const transaction: BankTransactionInput = {
    side: "bank",
    id: row.ascii(0)!,
    accountId: v.strings.of(row.ascii(1)!),
    amountMinor: v.amounts.of(row.integer(2)),
    currency: v.strings.of(row.ascii(3)!),
    occurredOn: v.dates.of(row.dateKey(4))!,
    sequence: row.integer(6),
  };
  const occurredAt = row.wallClock(5);
  if (occurredAt !== undefined) transaction.occurredAt = occurredAt;
  const reference = row.text(7);
  if (reference !== undefined) transaction.reference = reference;
  const secondaryReference = row.text(8);
  if (secondaryReference !== undefined) transaction.secondaryReference = secondaryReference;
  const counterparty = v.strings.of(row.text(9));
  if (counterparty !== undefined) transaction.counterparty = counterparty;
  const memo = v.strings.of(row.text(10));
  if (memo !== undefined) transaction.memo = memo;
  const merchantOrderNo = row.text(11);
  if (merchantOrderNo !== undefined) transaction.merchantOrderNo = merchantOrderNo;
  // The printed balance: a wallet statement's first sweep is tied by it (sweep-carried-in-balance.ts).
  if (!row.isNull(12)) transaction.balanceMinor = v.amounts.of(row.integer(12));
  return transaction;
}

/** Counts rows as they are read, for the run's progress (a report every few thousand rows). */
class RowCounter {
  read = 0;
  constructor(private readonly onRows?: (rows: number) => void) {}
  add(): void {
    if (++this.read % 8192 === 0) this.onRows?.(this.read);
  }
}

async function readTable<T>(client: pg.ClientBase, sql: string, read: (row: CopyRow) => T, counter?: RowCounter): Promise<T[]> {
  const rows: T[] = [];
  await readCopyRows(client, sql, (row) => {
    rows.push(read(row));
    counter?.add();
  });
  return rows;
}

/**
 * What counting groups spent, item by item, into columns (spent-allocations.ts): after a month's run
 * that is millions of items, read in the table's own order (a sort would cost PostgreSQL seconds and
 * the engine needs none) with no object or string made per item.
 */
async function readSpent(client: pg.ClientBase, org: string, counter?: RowCounter, rows?: LoadedRowIds): Promise<SpentAllocations> {
  const counting = countingStatusSql("status");
  // A partial load needs only what was spent of its own rows: each found through (side, rowId).
  const sql = rows
    ? (["ORDER", "SETTLEMENT", "BANK"] as const)
        .filter((side) => rows[side].length > 0)
        .map(
          // Row by row through the (side, rowId) index, then the group by its key: right after a
          // month's save the statistics still say "few groups", and a plan built on them walked
          // every booked group (OFFSET 0 keeps the planner from flattening the probe into a join).
          (side) => `SELECT s.* FROM unnest(${idArraySql(rows[side])}) r(id) CROSS JOIN LATERAL (
               SELECT i.side, i."rowId", i.slot, i."amountMinor" FROM "MatchItem" i JOIN "MatchGroup" g ON g."orgId" = i."orgId" AND g.id = i."groupId"
                WHERE i.side = '${side}' AND i."rowId" = r.id AND i."orgId" = '${org}' AND g.${counting} OFFSET 0) s`,
        )
        .join(" UNION ALL ")
    : `SELECT side, "rowId", slot, "amountMinor" FROM "MatchItem" WHERE "orgId" = '${org}' AND "groupId" IN (SELECT id FROM "MatchGroup" WHERE "orgId" = '${org}' AND ${counting})`;
  const spent = new SpentAllocationsBuilder();
  if (!sql) return spent.build();
  await readCopyRows(client, sql, (row) => {
    // Indices into SPENT_SIDES and SPENT_SLOTS, read from the enum labels' bytes.
    const side = row.is(0, "ORDER") ? 0 : row.is(0, "SETTLEMENT") ? 1 : 2;
    spent.push(side, row.integer(1), row.is(2, "UP") ? 0 : 1, row.integer(3));
    counter?.add();
  });
  return spent.build();
}

type LoadedRowIds = Record<"ORDER" | "SETTLEMENT" | "BANK", readonly string[]>;

const ID = /^\d{1,19}$/;

/** A bigint[] literal of checked decimal ids, for COPY (which takes no bind parameters). */
function idArraySql(ids: readonly string[]): string {
  for (const id of ids) if (!ID.test(id)) throw new Error(`invalid row id ${id}`);
  return `'{${ids.join(",")}}'::bigint[]`;
}

/** What a partial load starts from: what the last run saw (open-rows.ts). */
export type IncrementalLoad = {
  /** The highest row id of each table in the last run's snapshot: rows above came since. */
  maxIds: { order: string; settlement: string; bank: string };
  /** Import batches still committing in that snapshot: their rows may have lower ids. */
  pendingBatchIds: readonly string[];
  /**
   * The last run's snapshot and the transaction that wrote its entries: entries written by others
   * after it are "fresh" (reopened since). Absent: every loaded row counts as fresh.
   */
  listedBefore?: { snapshot: string; writtenBy: string };
  /** The order numbers that the fresh loaded rows (new since the last run, or listed by others since) may name (open-rows.ts). */
  orderKeys: (
    loaded: { orders: readonly OrderInput[]; settlementLines: readonly SettlementLineInput[]; bankTransactions: readonly BankTransactionInput[] },
    fresh: FreshEntries | undefined,
  ) => string[];
};

/** Open-row entries written after the last run's snapshot by someone other than that run, by side. */
export type FreshEntries = { order: Set<string>; settlement: Set<string>; bank: Set<string> };

export type LoadOptions = {
  /** Absent: the whole history. */
  incremental?: IncrementalLoad;
  /** Rows read so far (bill lines, orders, bank rows and spent items), now and then. */
  onRows?: (rows: number, estimate: number) => void;
};

/** What the snapshot held, for the next run's watermarks (open-rows.ts). */
export type LoadFacts = {
  incremental: boolean;
  /** pg_current_snapshot() of the load: entries of the open-row cache written after it are kept. */
  snapshot: string;
  maxIds: { order: string; settlement: string; bank: string };
  pendingBatchIds: string[];
  /** The organization's change count (open-rows.ts) in the snapshot. */
  changesSeen: string;
  /** Orders loaded only because a loaded row names their number. */
  namedOrders: number;
};

/** SQL: the ids of a partial load's first rows: open-row entries, rows since the last run, rows of batches then committing. */
function seedIdsSql(org: string, side: "ORDER" | "SETTLEMENT" | "BANK", table: string, maxId: string, pendingBatchIds: readonly string[]): string {
  if (!ID.test(maxId)) throw new Error(`invalid watermark ${maxId}`);
  for (const batch of pendingBatchIds) if (!UUID.test(batch)) throw new Error(`invalid batch id ${batch}`);
  const pending = pendingBatchIds.length ? ` UNION SELECT id FROM "${table}" WHERE "orgId" = '${org}' AND "batchId" IN (${pendingBatchIds.map((id) => `'${id}'`).join(", ")})` : "";
  return `SELECT "rowId" FROM "ReconcileOpenRow" WHERE "orgId" = '${org}' AND side = '${side}' UNION SELECT id FROM "${table}" WHERE "orgId" = '${org}' AND id > ${maxId}${pending}`;
}

const ORDER_COLUMNS = `id, "storeId", "orderNo", "subOrderNo", "paidAmountMinor", "refundMinor", "merchantReceivedMinor", currency, "paidAt", "confirmedAt", status, "afterSaleStatus", "orderedAt"`;
const LINE_COLUMNS = `id, "storeId", "lineType", "orderNo", "payoutId", "amountMinor", currency, "occurredOn", "occurredAt", "sourceRow", reference, memo`;
const BANK_COLUMNS = `id, "fundAccountId", "amountMinor", currency, "occurredOn", "occurredAt", "sourceRow", reference, "secondaryReference", counterparty, memo, "merchantOrderNo", "balanceMinor"`;

export async function loadReconcileInput(pool: pg.Pool, orgId: string, scope: ReconcileScope = {}): Promise<ReconcileInput> {
  return (await loadRunInput(pool, orgId, scope)).input;
}

/** The engine's input, whole or (with options.incremental) the part a re-run needs, and what the snapshot held. */
export async function loadRunInput(pool: pg.Pool, orgId: string, scope: ReconcileScope = {}, options: LoadOptions = {}): Promise<{ input: ReconcileInput; facts: LoadFacts }> {
  if (!UUID.test(orgId)) throw new Error(`invalid organization id ${orgId}`);
  const org = orgId.toLowerCase();
  const v = new Vocabulary();
  const incremental = options.incremental;
  return withSnapshotClients(pool, 3, async ([a, b, c]) => {
    // The server's defaults, stated: the parsers read ISO dates and plain text.
    for (const client of [a!, b!, c!]) await client.query("SET LOCAL DateStyle = ISO; SET LOCAL client_encoding = UTF8");
    // What the snapshot holds, for the next run's watermarks; and how many rows to expect.
    const held = await a!.query<{ snapshot: string; changes: string | null; order: string | null; settlement: string | null; bank: string | null; pending: string[]; estimate: string }>(
      `SELECT pg_current_snapshot()::text AS snapshot,
              (SELECT changes FROM "ReconcileLoadState" WHERE "orgId" = $1)::text AS changes,
              (SELECT max(id) FROM "Order" WHERE "orgId" = $1)::text AS order,
              (SELECT max(id) FROM "SettlementLine" WHERE "orgId" = $1)::text AS settlement,
              (SELECT max(id) FROM "BankTransaction" WHERE "orgId" = $1)::text AS bank,
              ARRAY(SELECT id::text FROM "ImportBatch" WHERE "orgId" = $1 AND status = 'COMMITTING' ORDER BY id) AS pending,
              ${
                incremental
                  ? `((SELECT count(*) FROM "ReconcileOpenRow" WHERE "orgId" = $1)
                     + (SELECT count(*) FROM "Order" WHERE "orgId" = $1 AND id > $2::bigint)
                     + (SELECT count(*) FROM "SettlementLine" WHERE "orgId" = $1 AND id > $3::bigint)
                     + (SELECT count(*) FROM "BankTransaction" WHERE "orgId" = $1 AND id > $4::bigint))`
                  : `(SELECT sum(greatest(reltuples, 0)) FROM pg_class WHERE relname IN ('Order', 'SettlementLine', 'BankTransaction', 'MatchItem'))`
              }::text AS estimate`,
      incremental ? [org, incremental.maxIds.order, incremental.maxIds.settlement, incremental.maxIds.bank] : [org],
    );
    const snapshot = held.rows[0]!;
    const estimate = Math.max(1, Number(snapshot.estimate));
    const counter = new RowCounter(options.onRows && ((rows) => options.onRows!(rows, estimate)));
    const only = (side: "ORDER" | "SETTLEMENT" | "BANK", table: string, maxId: string) =>
      incremental ? ` AND t.id IN (${seedIdsSql(org, side, table, maxId, incremental.pendingBatchIds)})` : "";
    const readOrders = (client: pg.ClientBase, extra: string) =>
      readTable(client, `SELECT ${ORDER_COLUMNS} FROM "Order" t WHERE "orgId" = '${org}' AND ${notExcludedCopySql("ORDER", "t", org)}${extra}`, (row) => readOrder(row, v), counter);
    const [orders, [settlementLines, stores, accounts, rejected], bankTransactions] = await Promise.all([
      readOrders(a!, incremental ? only("ORDER", "Order", incremental.maxIds.order) : ""),
      (async () => {
        const lines = await readTable(
          b!,
          `SELECT ${LINE_COLUMNS}
           FROM "SettlementLine" t WHERE "orgId" = '${org}' AND ${notExcludedCopySql("SETTLEMENT", "t", org)}${sqlDateRange(`"occurredOn"`, scope)}${incremental ? only("SETTLEMENT", "SettlementLine", incremental.maxIds.settlement) : ""}`,
          (row) => readSettlementLine(row, v),
          counter,
        );
        const storeRows = await b!.query<{ id: string; platform: StorePlatform; currency: string; settlementTermsDays: number; feeRateBps: number }>(
          `SELECT id, platform, currency, "settlementTermsDays", "feeRateBps" FROM "Store" WHERE "orgId" = $1 ORDER BY id`,
          [org],
        );
        const learned = await learnedCommissionRates(b!, org);
        const accountRows = await b!.query<{ id: string; type: AccountType; currency: string }>(
          `SELECT id, type, currency FROM "FundAccount" WHERE "orgId" = $1 ORDER BY id`,
          [org],
        );
        const pairs = await b!.query<{ aSide: string; aRowId: string; bSide: string; bRowId: string }>(
          `SELECT "aSide", "aRowId"::text, "bSide", "bRowId"::text FROM "RejectedPair" WHERE "orgId" = $1`,
          [org],
        );
        const stores = storeRows.rows.map((store): ReconcileStore => {
          const learnedFeeRate = store.feeRateBps > 0 ? undefined : learned.get(store.id);
          return learnedFeeRate ? { ...store, learnedFeeRate } : store;
        });
        return [lines, stores, accountRows.rows, pairs.rows] as const;
      })(),
      readTable(
        c!,
        `SELECT ${BANK_COLUMNS}
         FROM "BankTransaction" t WHERE "orgId" = '${org}' AND ${notExcludedCopySql("BANK", "t", org)}${sqlDateRange(`"occurredOn"`, scope)}${incremental ? only("BANK", "BankTransaction", incremental.maxIds.bank) : ""}`,
        (row) => readBankTransaction(row, v),
        counter,
      ),
    ]);
    let namedOrders = 0;
    let spent: SpentAllocations;
    if (!incremental) {
      // The bill lines are the smallest table: what decided groups spent is read on its connection.
      spent = await readSpent(b!, org, counter);
    } else {
      // Orders that the loaded rows name but that are closed (a refund line whose order was booked):
      // without them the engine would call the number unknown, or unique where it is ambiguous.
      const loaded = new Set(orders.map((order) => order.id));
      let fresh: FreshEntries | undefined;
      if (incremental.listedBefore) {
        fresh = { order: new Set(), settlement: new Set(), bank: new Set() };
        const entries = await a!.query<{ side: string; rowId: string }>(
          `SELECT side, "rowId"::text AS "rowId" FROM "ReconcileOpenRow"
            WHERE "orgId" = $1 AND "writtenBy" <> $2::bigint AND NOT pg_visible_in_snapshot(("writtenBy")::text::xid8, $3::pg_snapshot)`,
          [org, incremental.listedBefore.writtenBy, incremental.listedBefore.snapshot],
        );
        for (const entry of entries.rows) fresh[SIDE_FROM_DB[entry.side]!].add(entry.rowId);
      }
      const keys = incremental.orderKeys({ orders, settlementLines, bankTransactions }, fresh);
      if (keys.length > 0) {
        const named = await a!.query<{ id: string }>(`SELECT id::text AS id FROM "Order" WHERE "orgId" = $1 AND "orderNo" = ANY($2::text[])`, [org, keys]);
        const missing = named.rows.map((row) => row.id).filter((id) => !loaded.has(id));
        if (missing.length > 0) {
          const more = await readOrders(a!, ` AND t.id = ANY(${idArraySql(missing)})`);
          namedOrders = more.length;
          for (const order of more) orders.push(order);
        }
      }
      spent = await readSpent(b!, org, counter, {
        ORDER: orders.map((order) => order.id),
        SETTLEMENT: settlementLines.map((line) => line.id),
        BANK: bankTransactions.map((row) => row.id),
      });
    }
    const input: ReconcileInput = {
      // Which wallet serves which store has no column yet: without walletAccountIds any wallet may.
      stores,
      accounts: accounts.map((account) => ({ id: account.id, type: account.type, currency: account.currency })),
      orders,
      settlementLines,
      bankTransactions,
      spent,
      rejected: rejected.map(
        (pair): RejectedPair => ({ a: { side: SIDE_FROM_DB[pair.aSide]!, id: pair.aRowId }, b: { side: SIDE_FROM_DB[pair.bSide]!, id: pair.bRowId } }),
      ),
    };
    const facts: LoadFacts = {
      incremental: incremental !== undefined,
      snapshot: snapshot.snapshot,
      maxIds: { order: snapshot.order ?? "0", settlement: snapshot.settlement ?? "0", bank: snapshot.bank ?? "0" },
      pendingBatchIds: snapshot.pending,
      changesSeen: snapshot.changes ?? "0",
      namedOrders,
    };
    return { input, facts };
  });
}
