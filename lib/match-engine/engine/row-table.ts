// Every input row gets one index in a single space — orders, then settlement lines, then bank and
// wallet rows, each block sorted by id — and its facts live in typed arrays indexed by it: amount,
// day, role, ledger, and what is left to allocate on each side. A million orders with their lines
// then cost tens of bytes each instead of an object each, and passes share one vocabulary.
import type { ReconcileRules } from "../rules";
import type { AccountType, BankTransactionInput, OrderInput, ReconcileInput, SettlementLineInput, Side, StorePlatform } from "../types";
import { compareIds, ReconcileInputError, sortedById } from "./canonical-order";
import { containsAny } from "./keys";
import { LineKinds } from "./line-kinds";
import { InvalidDateError, LocalDateParser, SECONDS_PER_DAY } from "./local-date";
import { minorToNumber } from "./money";
import { isWalletWithdrawal } from "../row-role";

/** What a row is in the chain order → bill line → withdrawal → bank. */
export const Role = {
  /** An order row: its money should reach a bill line (or the bank directly). */
  ORDER: 1,
  /** A platform bill line or wallet line (sale, fee, refund, top-up …). */
  LINE: 2,
  /** Money leaving a platform balance or wallet for the bank (提现, payout). */
  WITHDRAWAL: 3,
  /** A row of a bank account. */
  BANK: 4,
} as const;
export type RoleCode = (typeof Role)[keyof typeof Role];

export { LineKind, type LineKindCode } from "./line-kinds";

export const NO_DAY = -2_147_483_648;

export interface Ledger {
  id: string;
  kind: "store" | "account";
  platform?: StorePlatform;
  accountType?: AccountType;
  feeRateBps: number;
  /** The usual rate learned from confirmed orders (0: none), for stores without a contracted one. */
  learnedMedianBps: number;
  learnedUpperBps: number;
  settlementTermsDays: number;
  currency: string;
}

export class RowTable {
  readonly orders: readonly OrderInput[];
  readonly settlement: readonly SettlementLineInput[];
  readonly bank: readonly BankTransactionInput[];
  readonly orderCount: number;
  readonly settlementStart: number;
  readonly bankStart: number;
  readonly size: number;

  /** Stores first, then accounts: orders and bill lines point at their store, bank rows at their account. */
  readonly ledgers: Ledger[] = [];
  readonly ledgerOf: Int32Array;
  /** Natural signed amount: order = paid; line = seller-balance sign; bank = + in, − out. */
  readonly amount: Float64Array;
  /** Business date (day number): orders — confirmed, else paid; rows — occurredOn. */
  readonly day: Int32Array;
  /** Seconds: rows — when booked (orders in a ledger); orders — when they should settle (NaN: unknown). */
  readonly instant: Float64Array;
  readonly role: Uint8Array;
  readonly lineKind: Uint8Array;
  readonly currencyOf: Uint16Array;
  readonly currencies: string[] = [];
  /** What is left to allocate toward the row's source (NaN: the row has no such side). */
  readonly up: Float64Array;
  /** What is left to allocate toward where the row's money goes (NaN: no such side). */
  readonly down: Float64Array;
  /** Every row's id, read once (the input objects come in many shapes; this array has one). */
  readonly ids: string[];
  /** The order number a row carries: orders and bill lines their orderNo, wallet lines their 商户订单号. */
  readonly keyText: (string | undefined)[];
  /** Per order row: refunded so far, the platform's 实收 (NaN: not given), whether its status says refund. */
  readonly orderRefund: Float64Array;
  readonly orderReceived: Float64Array;
  readonly orderRefundByStatus: Uint8Array;
  /** Per bill / wallet / bank row: its position as exported (sequence, else its index). */
  readonly sequenceOf: Float64Array;
  /** Last day with bill or wallet rows, and with bank rows (NO_DAY: none). */
  readonly ledgerDataUntil: number;
  readonly bankDataUntil: number;

  constructor(input: ReconcileInput, rules: ReconcileRules) {
    this.orders = sortedById(input.orders, "order");
    this.settlement = sortedById(input.settlementLines, "settlement");
    this.bank = sortedById(input.bankTransactions, "bank");
    this.orderCount = this.orders.length;
    this.settlementStart = this.orderCount;
    this.bankStart = this.orderCount + this.settlement.length;
    this.size = this.bankStart + this.bank.length;
    const n = this.size;
    this.ledgerOf = new Int32Array(n);
    this.amount = new Float64Array(n);
    this.day = new Int32Array(n).fill(NO_DAY);
    this.instant = new Float64Array(n).fill(Number.NaN);
    this.role = new Uint8Array(n);
    this.lineKind = new Uint8Array(n);
    this.currencyOf = new Uint16Array(n);
    this.up = new Float64Array(n).fill(Number.NaN);
    this.down = new Float64Array(n).fill(Number.NaN);
    this.orderRefund = new Float64Array(this.orderCount);
    this.orderReceived = new Float64Array(this.orderCount);
    this.orderRefundByStatus = new Uint8Array(this.orderCount);
    this.sequenceOf = new Float64Array(n);
    this.ids = new Array<string>(n);
    this.keyText = new Array<string | undefined>(n);

    const storeIndex = new Map<string, number>();
    for (const store of [...input.stores].sort((a, b) => compareIds(a.id, b.id))) {
      storeIndex.set(store.id, this.ledgers.length);
      this.ledgers.push({ id: store.id, kind: "store", platform: store.platform, feeRateBps: store.feeRateBps, learnedMedianBps: store.learnedFeeRate?.medianBps ?? 0, learnedUpperBps: store.learnedFeeRate?.upperBps ?? 0, settlementTermsDays: store.settlementTermsDays, currency: store.currency });
    }
    const accountIndex = new Map<string, number>();
    for (const account of [...input.accounts].sort((a, b) => compareIds(a.id, b.id))) {
      accountIndex.set(account.id, this.ledgers.length);
      this.ledgers.push({ id: account.id, kind: "account", accountType: account.type, feeRateBps: 0, learnedMedianBps: 0, learnedUpperBps: 0, settlementTermsDays: 0, currency: account.currency });
    }

    const dates = new LocalDateParser();
    const currencyIndex = new Map<string, number>();
    let lastCurrency = "";
    let lastCurrencyIndex = 0;
    const currency = (code: string) => {
      if (code === lastCurrency) return lastCurrencyIndex;
      let index = currencyIndex.get(code);
      if (index === undefined) {
        index = this.currencies.length;
        this.currencies.push(code);
        currencyIndex.set(code, index);
      }
      lastCurrency = code;
      lastCurrencyIndex = index;
      return index;
    };
    // Statuses repeat (交易成功, 已收货 …): decide each distinct text once.
    const refundWords = new Map<string, boolean>();
    const saysRefund = (text: string | undefined) => {
      if (!text) return false;
      let says = refundWords.get(text);
      if (says === undefined) refundWords.set(text, (says = containsAny(text, rules.refundStatusKeywords)));
      return says;
    };

    // Each input row is read once, here; passes work on the arrays (see the class comment).
    let current = "";
    try {
      for (let i = 0; i < this.orderCount; i++) {
        const order = this.orders[i]!;
        current = order.id;
        this.ids[i] = current;
        this.keyText[i] = order.orderNo;
        const ledger = storeIndex.get(order.storeId);
        if (ledger === undefined) throw new ReconcileInputError("UNKNOWN_STORE", { id: order.id, storeId: order.storeId });
        this.ledgerOf[i] = ledger;
        this.role[i] = Role.ORDER;
        this.currencyOf[i] = currency(order.currency);
        const paid = minorToNumber(order.paidMinor, order.id, "paidMinor");
        this.amount[i] = paid;
        this.down[i] = Math.abs(paid);
        this.orderRefund[i] = minorToNumber(order.refundMinor, order.id, "refundMinor");
        this.orderReceived[i] = order.merchantReceivedMinor === undefined ? Number.NaN : minorToNumber(order.merchantReceivedMinor, order.id, "merchantReceivedMinor");
        this.orderRefundByStatus[i] = saysRefund(order.status) || saysRefund(order.afterSaleStatus) ? 1 : 0;
        const confirmed = order.confirmedAt ?? order.confirmedOn;
        if (confirmed !== undefined) {
          const seconds = dates.seconds(confirmed);
          this.day[i] = Math.floor(seconds / SECONDS_PER_DAY);
          this.instant[i] = seconds + this.ledgers[ledger]!.settlementTermsDays * SECONDS_PER_DAY;
        } else if (order.paidOn !== undefined) {
          this.day[i] = dates.day(order.paidOn);
        }
      }
    } catch (error) {
      if (error instanceof InvalidDateError) throw new ReconcileInputError("INVALID_DATE", { id: current, value: error.value });
      throw error;
    }

    let ledgerDataUntil = NO_DAY;
    const lineKinds = new LineKinds(rules.walletKeywords);
    try {
      for (let k = 0; k < this.settlement.length; k++) {
        const line = this.settlement[k]!;
        const i = this.settlementStart + k;
        current = line.id;
        this.ids[i] = current;
        this.keyText[i] = line.orderNo;
        const ledger = storeIndex.get(line.storeId);
        if (ledger === undefined) throw new ReconcileInputError("UNKNOWN_STORE", { id: line.id, storeId: line.storeId });
        this.ledgerOf[i] = ledger;
        this.currencyOf[i] = currency(line.currency);
        const amount = minorToNumber(line.amountMinor, line.id, "amountMinor");
        this.amount[i] = amount;
        const day = dates.day(line.occurredOn);
        this.day[i] = day;
        this.instant[i] = line.occurredAt ? dates.seconds(line.occurredAt) : day * SECONDS_PER_DAY;
        this.sequenceOf[i] = line.sequence ?? i;
        if (day > ledgerDataUntil) ledgerDataUntil = day;
        this.down[i] = Math.abs(amount);
        if (line.lineType === "WITHDRAWAL") {
          this.role[i] = Role.WITHDRAWAL;
          this.up[i] = Math.abs(amount);
        } else {
          this.role[i] = Role.LINE;
          this.lineKind[i] = lineKinds.ofBillLine(line.lineType, line.memo);
        }
      }
    } catch (error) {
      if (error instanceof InvalidDateError) throw new ReconcileInputError("INVALID_DATE", { id: current, value: error.value });
      throw error;
    }

    let bankDataUntil = NO_DAY;
    try {
      for (let k = 0; k < this.bank.length; k++) {
        const row = this.bank[k]!;
        const i = this.bankStart + k;
        current = row.id;
        this.ids[i] = current;
        this.keyText[i] = row.merchantOrderNo;
        const ledger = accountIndex.get(row.accountId);
        if (ledger === undefined) throw new ReconcileInputError("UNKNOWN_ACCOUNT", { id: row.id, accountId: row.accountId });
        this.ledgerOf[i] = ledger;
        this.currencyOf[i] = currency(row.currency);
        const amount = minorToNumber(row.amountMinor, row.id, "amountMinor");
        this.amount[i] = amount;
        const day = dates.day(row.occurredOn);
        this.day[i] = day;
        this.instant[i] = row.occurredAt ? dates.seconds(row.occurredAt) : day * SECONDS_PER_DAY;
        this.sequenceOf[i] = row.sequence ?? i;
        if (this.ledgers[ledger]!.accountType === "BANK") {
          this.role[i] = Role.BANK;
          this.up[i] = Math.abs(amount);
          if (day > bankDataUntil) bankDataUntil = day;
          continue;
        }
        if (day > ledgerDataUntil) ledgerDataUntil = day;
        this.down[i] = Math.abs(amount);
        if (isWalletWithdrawal(amount, row.memo, rules)) {
          this.role[i] = Role.WITHDRAWAL;
          this.up[i] = Math.abs(amount);
        } else {
          this.role[i] = Role.LINE;
          this.lineKind[i] = lineKinds.ofWalletRow(amount, row.memo);
        }
      }
    } catch (error) {
      if (error instanceof InvalidDateError) throw new ReconcileInputError("INVALID_DATE", { id: current, value: error.value });
      throw error;
    }
    this.ledgerDataUntil = ledgerDataUntil;
    this.bankDataUntil = bankDataUntil;
  }

  side(row: number): Side {
    return row < this.settlementStart ? "order" : row < this.bankStart ? "settlement" : "bank";
  }

  id(row: number): string {
    return this.ids[row]!;
  }

  order(row: number): OrderInput {
    return this.orders[row]!;
  }

  settlementLine(row: number): SettlementLineInput {
    return this.settlement[row - this.settlementStart]!;
  }

  bankRow(row: number): BankTransactionInput {
    return this.bank[row - this.bankStart]!;
  }

  isSettlement(row: number): boolean {
    return row >= this.settlementStart && row < this.bankStart;
  }

  /** Position within the ledger as exported; falls back to the id order. */
  sequence(row: number): number {
    return this.sequenceOf[row]!;
  }

  ledger(row: number): Ledger {
    return this.ledgers[this.ledgerOf[row]!]!;
  }

  /** The row with this side and id, or −1 (binary search over the id-sorted block). */
  indexOf(side: Side, id: string): number {
    const [start, end] = this.block(side);
    const numbers = this.numericIds();
    if (numbers) {
      // Every id is a plain decimal, so an id in any other spelling ("007", "1e3") is not here.
      const wanted = Number(id);
      if (!Number.isSafeInteger(wanted) || wanted < 0 || String(wanted) !== id) return -1;
      return searchNumbers(numbers, start, end, wanted);
    }
    return binarySearch(start, end, (row) => compareIds(this.ids[row]!, id));
  }

  /** The rows of one side: [first, end). */
  private block(side: Side): [number, number] {
    return side === "order" ? [0, this.settlementStart] : side === "settlement" ? [this.settlementStart, this.bankStart] : [this.bankStart, this.size];
  }

  /** indexOf for an id given as a number (its decimal spelling). */
  indexOfNumber(side: Side, id: number): number {
    const numbers = this.numericIds();
    if (!numbers) return this.indexOf(side, String(id));
    if (!Number.isSafeInteger(id) || id < 0) return -1;
    const [start, end] = this.block(side);
    return searchNumbers(numbers, start, end, id);
  }

  /**
   * The ids as numbers when every one is a plain non-negative decimal below 2^53 (database bigints):
   * a run that spends a month's confirmed groups looks up millions of items, and comparing numbers is
   * several times faster than comparing strings. Each block is sorted by id, which for these is
   * numeric order.
   */
  private numericIds(): Float64Array | null {
    if (this.idNumbers === undefined) {
      const numbers = new Float64Array(this.size);
      for (let row = 0; row < this.size; row++) {
        const id = this.ids[row]!;
        const value = Number(id);
        if (!Number.isSafeInteger(value) || value < 0 || String(value) !== id) return (this.idNumbers = null);
        numbers[row] = value;
      }
      this.idNumbers = numbers;
    }
    return this.idNumbers;
  }
  private idNumbers: Float64Array | null | undefined;
}

/**
 * The row in [start, end) whose id is `wanted`, or -1. Database ids are nearly dense, so a guess
 * from where `wanted` lies between the block's ends usually lands on it or next to it; a million
 * lookups that way touch a few cache lines each instead of the twenty of a binary search. Two
 * guesses at most, then binary search, so ids spread any other way cost no more than before.
 */
function searchNumbers(numbers: Float64Array, start: number, end: number, wanted: number): number {
  let low = start;
  let high = end - 1;
  for (let guesses = 0; guesses < 2 && low <= high; guesses++) {
    const lowId = numbers[low]!;
    const highId = numbers[high]!;
    if (wanted < lowId || wanted > highId) return -1;
    const guess = highId === lowId ? low : low + Math.floor(((wanted - lowId) / (highId - lowId)) * (high - low));
    const id = numbers[guess]!;
    if (id === wanted) return guess;
    if (id < wanted) low = guess + 1;
    else high = guess - 1;
  }
  return binarySearch(low, high + 1, (row) => numbers[row]! - wanted);
}

/** The row in [start, end) where `compare` is 0, or -1; `compare` < 0 means the row sorts before. */
function binarySearch(start: number, end: number, compare: (row: number) => number): number {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compare(middle);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

