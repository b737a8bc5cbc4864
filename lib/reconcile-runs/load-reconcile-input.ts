// PostgreSQL → the engine's plain input: the organization's stores, accounts, imported rows, the
// matches already decided and the pairs people rejected. Ids become strings, dates "YYYY-MM-DD".
// A month can hold millions of rows, so the big tables are read with COPY … TO STDOUT on parallel
// connections of one snapshot and parsed from the bytes (copy-text-reader.ts); records get only the
// fields a row has, with repeated values shared (README "Speed and memory" of lib/reconcile).
// Rows come unsorted: the engine's result does not depend on their order (the golden test shuffles
// them), and ORDER BY id made PostgreSQL walk the primary key over every organization's rows.
// Not loaded: BankTransaction.counterpartyAccount, which no pass reads (700 k wallet rows' worth).
import type pg from "pg";
import type {
  BankTransactionInput,
  ConfirmedMatch,
  MatchItem,
  MatchLink,
  OrderInput,
  ReconcileInput,
  ReconcileStore,
  RejectedPair,
  SettlementLineInput,
  SettlementLineType,
  Side,
  Adjustment,
  AccountType,
  StorePlatform,
} from "@/lib/reconcile";
import { BigIntCache } from "@/lib/reconcile/engine/money";
import { readCopyRows, type CopyRow } from "./copy-text-reader";
import { SharedDates, SharedStrings } from "./shared-strings";
import { withSnapshotClients } from "./snapshot-clients";

export type ReconcileScope = { from?: string; to?: string };

const SIDE_FROM_DB: Record<string, Side> = { ORDER: "order", SETTLEMENT: "settlement", BANK: "bank" };
/** Groups whose allocations are spent: booked ones, and manual ones waiting for their reviewer. */
export const DECIDED_STATUSES = ["CONFIRMED", "PENDING_APPROVAL"] as const;

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
  // id, storeId, orderNo, subOrderNo, paidAmountMinor, refundMinor, merchantReceivedMinor, currency, paidAt, confirmedAt, status, afterSaleStatus
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
  // id, fundAccountId, amountMinor, currency, occurredOn, occurredAt, sourceRow, reference, secondaryReference, counterparty, memo, merchantOrderNo
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
  return transaction;
}

async function readTable<T>(client: pg.ClientBase, sql: string, read: (row: CopyRow) => T): Promise<T[]> {
  const rows: T[] = [];
  await readCopyRows(client, sql, (row) => rows.push(read(row)));
  return rows;
}

/** A MatchSide label read from the bytes (millions of items: no string per label). */
function sideOf(row: CopyRow, field: number): Side {
  return row.is(field, "ORDER") ? "order" : row.is(field, "SETTLEMENT") ? "settlement" : "bank";
}

type ConfirmedGroup = { key: string; link: MatchLink; items: MatchItem[]; adjustments: Adjustment[] };

/**
 * Decided groups with their items and adjustments. After a month's run that is millions of items,
 * read in the table's own order (a sort by group would cost PostgreSQL seconds; the engine needs no
 * order, and a group's items never name one row and slot twice); the rows of one group arrive
 * together, so the group is looked up once per run of rows rather than once per item.
 */
async function readDecided(client: pg.ClientBase, org: string, v: Vocabulary): Promise<ConfirmedMatch[]> {
  const decided = `SELECT id FROM "MatchGroup" WHERE "orgId" = '${org}' AND status IN (${DECIDED_STATUSES.map((status) => `'${status}'`).join(", ")})`;
  const groups = new Map<string, ConfirmedGroup>();
  await readCopyRows(client, `SELECT id, key, link FROM "MatchGroup" WHERE id IN (${decided}) ORDER BY id`, (row) => {
    groups.set(row.ascii(0)!, { key: row.text(1)!, link: row.ascii(2) as MatchLink, items: [], adjustments: [] });
  });
  if (groups.size === 0) return [];
  let groupId = "";
  let group: ConfirmedGroup | undefined;
  await readCopyRows(client, `SELECT "groupId", side, "rowId", slot, "amountMinor" FROM "MatchItem" WHERE "orgId" = '${org}' AND "groupId" IN (${decided})`, (row) => {
    if (!row.is(0, groupId)) group = groups.get((groupId = row.ascii(0)!));
    group?.items.push({ side: sideOf(row, 1), id: row.ascii(2)!, slot: row.is(3, "UP") ? "up" : "down", amountMinor: v.amounts.of(row.integer(4)) });
  });
  await readCopyRows(
    client,
    `SELECT "groupId", type, "amountMinor", note FROM "MatchAdjustment" WHERE "orgId" = '${org}' AND "groupId" IN (${decided}) ORDER BY "groupId", id`,
    (row) => {
      const adjustment: Adjustment = { type: row.ascii(1) as Adjustment["type"], amountMinor: v.amounts.of(row.integer(2)) };
      const note = row.text(3);
      if (note !== undefined) adjustment.note = note;
      groups.get(row.ascii(0)!)?.adjustments.push(adjustment);
    },
  );
  return [...groups.values()];
}

export async function loadReconcileInput(pool: pg.Pool, orgId: string, scope: ReconcileScope = {}): Promise<ReconcileInput> {
  if (!UUID.test(orgId)) throw new Error(`invalid organization id ${orgId}`);
  const org = orgId.toLowerCase();
  const v = new Vocabulary();
  return withSnapshotClients(pool, 4, async ([a, b, c, d]) => {
    // The server's defaults, stated: the parsers read ISO dates and plain text.
    for (const client of [a!, b!, c!, d!]) await client.query("SET LOCAL DateStyle = ISO; SET LOCAL client_encoding = UTF8");
    const [orders, [settlementLines, stores, accounts, rejected], bankTransactions, confirmed] = await Promise.all([
      readTable(
        a!,
        `SELECT id, "storeId", "orderNo", "subOrderNo", "paidAmountMinor", "refundMinor", "merchantReceivedMinor", currency, "paidAt", "confirmedAt", status, "afterSaleStatus"
         FROM "Order" WHERE "orgId" = '${org}'`,
        (row) => readOrder(row, v),
      ),
      (async () => {
        const lines = await readTable(
          b!,
          `SELECT id, "storeId", "lineType", "orderNo", "payoutId", "amountMinor", currency, "occurredOn", "occurredAt", "sourceRow", reference, memo
           FROM "SettlementLine" WHERE "orgId" = '${org}'${sqlDateRange(`"occurredOn"`, scope)}`,
          (row) => readSettlementLine(row, v),
        );
        const storeRows = await b!.query<{ id: string; platform: StorePlatform; currency: string; settlementTermsDays: number; feeRateBps: number }>(
          `SELECT id, platform, currency, "settlementTermsDays", "feeRateBps" FROM "Store" WHERE "orgId" = $1 ORDER BY id`,
          [org],
        );
        const accountRows = await b!.query<{ id: string; type: AccountType; currency: string }>(
          `SELECT id, type, currency FROM "FundAccount" WHERE "orgId" = $1 ORDER BY id`,
          [org],
        );
        const pairs = await b!.query<{ aSide: string; aRowId: string; bSide: string; bRowId: string }>(
          `SELECT "aSide", "aRowId"::text, "bSide", "bRowId"::text FROM "RejectedPair" WHERE "orgId" = $1`,
          [org],
        );
        return [lines, storeRows.rows, accountRows.rows, pairs.rows] as const;
      })(),
      readTable(
        c!,
        `SELECT id, "fundAccountId", "amountMinor", currency, "occurredOn", "occurredAt", "sourceRow", reference, "secondaryReference", counterparty, memo, "merchantOrderNo"
         FROM "BankTransaction" WHERE "orgId" = '${org}'${sqlDateRange(`"occurredOn"`, scope)}`,
        (row) => readBankTransaction(row, v),
      ),
      readDecided(d!, org, v),
    ]);
    return {
      // Which wallet serves which store has no column yet: without walletAccountIds any wallet may.
      stores: stores.map((store): ReconcileStore => ({ ...store, currency: store.currency })),
      accounts: accounts.map((account) => ({ id: account.id, type: account.type, currency: account.currency })),
      orders,
      settlementLines,
      bankTransactions,
      confirmed,
      rejected: rejected.map(
        (pair): RejectedPair => ({ a: { side: SIDE_FROM_DB[pair.aSide]!, id: pair.aRowId }, b: { side: SIDE_FROM_DB[pair.bSide]!, id: pair.bRowId } }),
      ),
    };
  });
}
