// PostgreSQL → the engine's plain input: the organization's stores, accounts, imported rows, what
// decided groups already spent and the pairs people rejected. Ids become strings, dates "YYYY-MM-DD".
// A month can hold millions of rows, so the big tables are read with COPY … TO STDOUT on parallel
// connections of one snapshot and parsed from the bytes (copy-text-reader.ts); records get only the
// fields a row has, with repeated values shared (README "Speed and memory" of lib/match-engine).
// Rows come unsorted: the engine's result does not depend on their order (the golden test shuffles
// them), and ORDER BY id made PostgreSQL walk the primary key over every organization's rows.
// Not loaded: rows marked not for reconciliation (lib/ledger/excluded-rows.ts), so no run proposes them.
// Not loaded: BankTransaction.counterpartyAccount, which no pass reads (700 k wallet rows' worth).
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

async function readTable<T>(client: pg.ClientBase, sql: string, read: (row: CopyRow) => T): Promise<T[]> {
  const rows: T[] = [];
  await readCopyRows(client, sql, (row) => rows.push(read(row)));
  return rows;
}

/**
 * What counting groups spent, item by item, into columns (spent-allocations.ts): after a month's run
 * that is millions of items, read in the table's own order (a sort would cost PostgreSQL seconds and
 * the engine needs none) with no object or string made per item.
 */
async function readSpent(client: pg.ClientBase, org: string): Promise<SpentAllocations> {
  const decided = `SELECT id FROM "MatchGroup" WHERE "orgId" = '${org}' AND ${countingStatusSql("status")}`;
  const spent = new SpentAllocationsBuilder();
  await readCopyRows(client, `SELECT side, "rowId", slot, "amountMinor" FROM "MatchItem" WHERE "orgId" = '${org}' AND "groupId" IN (${decided})`, (row) => {
    // Indices into SPENT_SIDES and SPENT_SLOTS, read from the enum labels' bytes.
    const side = row.is(0, "ORDER") ? 0 : row.is(0, "SETTLEMENT") ? 1 : 2;
    spent.push(side, row.integer(1), row.is(2, "UP") ? 0 : 1, row.integer(3));
  });
  return spent.build();
}

export async function loadReconcileInput(pool: pg.Pool, orgId: string, scope: ReconcileScope = {}): Promise<ReconcileInput> {
  if (!UUID.test(orgId)) throw new Error(`invalid organization id ${orgId}`);
  const org = orgId.toLowerCase();
  const v = new Vocabulary();
  return withSnapshotClients(pool, 3, async ([a, b, c]) => {
    // The server's defaults, stated: the parsers read ISO dates and plain text.
    for (const client of [a!, b!, c!]) await client.query("SET LOCAL DateStyle = ISO; SET LOCAL client_encoding = UTF8");
    const [orders, [settlementLines, stores, accounts, rejected, spent], bankTransactions] = await Promise.all([
      readTable(
        a!,
        `SELECT id, "storeId", "orderNo", "subOrderNo", "paidAmountMinor", "refundMinor", "merchantReceivedMinor", currency, "paidAt", "confirmedAt", status, "afterSaleStatus", "orderedAt"
         FROM "Order" WHERE "orgId" = '${org}' AND ${notExcludedCopySql("ORDER", `"Order"`, org)}`,
        (row) => readOrder(row, v),
      ),
      (async () => {
        const lines = await readTable(
          b!,
          `SELECT id, "storeId", "lineType", "orderNo", "payoutId", "amountMinor", currency, "occurredOn", "occurredAt", "sourceRow", reference, memo
           FROM "SettlementLine" WHERE "orgId" = '${org}' AND ${notExcludedCopySql("SETTLEMENT", `"SettlementLine"`, org)}${sqlDateRange(`"occurredOn"`, scope)}`,
          (row) => readSettlementLine(row, v),
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
        // The bill lines are the smallest table: what decided groups spent comes after them.
        const stores = storeRows.rows.map((store): ReconcileStore => {
          const learnedFeeRate = store.feeRateBps > 0 ? undefined : learned.get(store.id);
          return learnedFeeRate ? { ...store, learnedFeeRate } : store;
        });
        return [lines, stores, accountRows.rows, pairs.rows, await readSpent(b!, org)] as const;
      })(),
      readTable(
        c!,
        `SELECT id, "fundAccountId", "amountMinor", currency, "occurredOn", "occurredAt", "sourceRow", reference, "secondaryReference", counterparty, memo, "merchantOrderNo", "balanceMinor"
         FROM "BankTransaction" WHERE "orgId" = '${org}' AND ${notExcludedCopySql("BANK", `"BankTransaction"`, org)}${sqlDateRange(`"occurredOn"`, scope)}`,
        (row) => readBankTransaction(row, v),
      ),
    ]);
    return {
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
  });
}
