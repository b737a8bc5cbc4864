// Orders as the chain sees them: all rows of one store with one order number form an order group
// (JD exports a row per SKU, Douyin a row per sub-order). The index answers "which order is this
// number?" for bill lines, wallet lines and bank memos; a number found in two stores is ambiguous
// and only a line of one of those stores (or a wallet tied to it) can still resolve it.
import type { ReconcileRules } from "../rules";
import { memoTokens, normalizeKey } from "./keys";
import { StringIndex } from "./string-index";
import { Role, type RowTable } from "./row-table";

/** lineGroup values that are not a group. */
export const NO_ORDER_KEY = -1;
export const AMBIGUOUS_ORDER = -2;
export const ORDER_NOT_FOUND = -3;

/** How a line's order number was found (for the reason codes). */
export const KeyVia = { ORDER_NO: 0, PREFIX: 1, MEMO: 2, SUB_ORDER_NO: 3 } as const;
export type KeyViaCode = (typeof KeyVia)[keyof typeof KeyVia];

export interface OrderKeyHit {
  group: number;
  via: KeyViaCode;
  key: string;
  prefix?: string;
}

export class OrderIndex {
  groupCount = 0;
  readonly groupOfRow: Int32Array;
  /** Rows of a group as a linked list in id order: first row, then nextRow… until −1. */
  firstRow: Int32Array;
  readonly nextRow: Int32Array;
  private lastRow: Int32Array;
  groupLedger: Int32Array;
  readonly groupKey: string[] = [];
  private readonly byKey: StringIndex;
  private readonly ambiguous = new Map<string, number[]>();
  private readonly bySubOrderNo = new StringIndex();
  /** Per bill or wallet line: its order group, or NO_ORDER_KEY / AMBIGUOUS_ORDER / ORDER_NOT_FOUND. */
  readonly lineGroup: Int32Array;
  readonly lineKeyVia: Uint8Array;
  /** 1 + the index in rules.orderNoPrefixes of the prefix a line's number carried; 0: none. */
  private readonly linePrefixOf: Uint8Array;
  private readonly upperPrefixes: string[];
  /** Lines of each group as a linked list in id order (filled by linkLines). */
  lineHead: Int32Array;
  private lineTail: Int32Array;
  readonly nextLine: Int32Array;

  constructor(
    private readonly table: RowTable,
    private readonly rules: ReconcileRules,
    walletStores: ReadonlyMap<number, ReadonlySet<number>>,
  ) {
    this.upperPrefixes = rules.orderNoPrefixes.map((prefix) => prefix.toUpperCase());
    this.byKey = new StringIndex(table.orderCount);
    const orderCount = table.orderCount;
    this.groupOfRow = new Int32Array(orderCount);
    this.nextRow = new Int32Array(orderCount).fill(-1);
    this.firstRow = new Int32Array(Math.max(16, orderCount));
    this.lastRow = new Int32Array(this.firstRow.length);
    this.groupLedger = new Int32Array(this.firstRow.length);
    for (let row = 0; row < orderCount; row++) this.addOrderRow(row);
    this.lineGroup = new Int32Array(table.size).fill(NO_ORDER_KEY);
    this.lineKeyVia = new Uint8Array(table.size);
    this.linePrefixOf = new Uint8Array(table.size);
    this.lineHead = new Int32Array(this.groupCount).fill(-1);
    this.lineTail = new Int32Array(this.groupCount).fill(-1);
    this.nextLine = new Int32Array(table.size).fill(-1);
    this.resolveLines(walletStores);
  }

  /** Resolves a number as written, then without a known prefix, then as a sub-order number. */
  find(rawKey: string | undefined, allowed: ReadonlySet<number> | undefined): OrderKeyHit | undefined {
    const key = normalizeKey(rawKey);
    if (!key) return undefined;
    const group = this.resolveNormalized(key, allowed);
    const prefix = this.foundPrefix >= 0 ? this.rules.orderNoPrefixes[this.foundPrefix] : undefined;
    const found = prefix !== undefined ? key.slice(prefix.length) : key;
    return { group, via: this.foundVia, key: found, ...(prefix !== undefined ? { prefix } : {}) };
  }

  /** How the last resolveNormalized() found its group, and the prefix it removed (−1: none). */
  private foundVia: KeyViaCode = KeyVia.ORDER_NO;
  private foundPrefix = -1;

  /**
   * The group of a normalised number (or AMBIGUOUS_ORDER / ORDER_NOT_FOUND); no objects are made,
   * because every bill and wallet line of a month goes through here. A prefixed form (T200P…) is
   * tried unwrapped first: it is what wallets write on every line.
   */
  private resolveNormalized(key: string, allowed: ReadonlySet<number> | undefined): number {
    this.foundPrefix = -1;
    for (let p = 0; p < this.upperPrefixes.length; p++) {
      const prefix = this.upperPrefixes[p]!;
      if (key.length <= prefix.length + 5 || !key.startsWith(prefix)) continue;
      const group = this.resolveKey(key, prefix.length, allowed, this.byKey);
      if (group !== ORDER_NOT_FOUND) {
        this.foundVia = KeyVia.PREFIX;
        this.foundPrefix = p;
        return group;
      }
    }
    const direct = this.resolveKey(key, 0, allowed, this.byKey);
    if (direct !== ORDER_NOT_FOUND) {
      this.foundVia = KeyVia.ORDER_NO;
      return direct;
    }
    const sub = this.resolveKey(key, 0, allowed, this.bySubOrderNo);
    this.foundVia = sub !== ORDER_NOT_FOUND ? KeyVia.SUB_ORDER_NO : KeyVia.ORDER_NO;
    return sub;
  }

  /** The prefix a line's number was found under (for ORDER_NO_WITH_PREFIX), or "". */
  linePrefix(row: number): string {
    const at = this.linePrefixOf[row]!;
    return at > 0 ? this.rules.orderNoPrefixes[at - 1]! : "";
  }

  /** Order numbers mentioned in free text that name exactly one order group. */
  findInText(text: string | undefined, allowed: ReadonlySet<number> | undefined): OrderKeyHit[] {
    return this.findInTokens(memoTokens(text), allowed);
  }

  /** findInText() for tokens already cut from a text. */
  findInTokens(tokens: readonly string[], allowed: ReadonlySet<number> | undefined): OrderKeyHit[] {
    const hits: OrderKeyHit[] = [];
    for (const token of tokens) {
      const hit = this.find(token, allowed);
      if (hit && hit.group >= 0 && !hits.some((other) => other.group === hit.group)) hits.push({ ...hit, via: KeyVia.MEMO });
    }
    return hits;
  }

  /** The number of store groups an ambiguous number has (for AMBIGUOUS_ORDER_NO). */
  ambiguityOf(rawKey: string): number {
    return this.ambiguous.get(normalizeKey(rawKey))?.length ?? 0;
  }

  /** The line's order number as written on it (for ORDER_NOT_FOUND), stripped of a known prefix. */
  lineKeyText(row: number): string {
    const table = this.table;
    const raw = table.isSettlement(row) ? table.settlementLine(row).orderNo : table.bankRow(row).merchantOrderNo;
    const key = normalizeKey(raw);
    const prefix = this.upperPrefixes.find((candidate) => key.length > candidate.length + 5 && key.startsWith(candidate));
    return prefix ? key.slice(prefix.length) : key;
  }

  private addOrderRow(row: number): void {
    const ledger = this.table.ledgerOf[row]!;
    const key = normalizeKey(this.table.keyText[row]);
    let group = this.byKey.get(key);
    if (group === undefined) {
      group = this.newGroup(key, ledger);
      this.byKey.set(key, group);
    } else if (group >= 0 && this.groupLedger[group] !== ledger) {
      const other = this.newGroup(key, ledger);
      this.ambiguous.set(key, [group, other]);
      this.byKey.set(key, AMBIGUOUS_ORDER);
      group = other;
    } else if (group === AMBIGUOUS_ORDER) {
      const groups = this.ambiguous.get(key)!;
      const same = groups.find((candidate) => this.groupLedger[candidate] === ledger);
      if (same === undefined) {
        group = this.newGroup(key, ledger);
        groups.push(group);
      } else {
        group = same;
      }
    }
    this.groupOfRow[row] = group;
    if (this.firstRow[group] === -1) this.firstRow[group] = row;
    else this.nextRow[this.lastRow[group]!] = row;
    this.lastRow[group] = row;
    const subOrderNo = this.table.order(row).subOrderNo;
    if (subOrderNo === undefined) return;
    const sub = normalizeKey(subOrderNo);
    if (sub && sub !== key && this.bySubOrderNo.get(sub) === undefined) this.bySubOrderNo.set(sub, group);
  }

  private newGroup(key: string, ledger: number): number {
    const group = this.groupCount++;
    if (group === this.firstRow.length) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.firstRow = grow(this.firstRow);
      this.lastRow = grow(this.lastRow);
      this.groupLedger = grow(this.groupLedger);
    }
    this.firstRow[group] = -1;
    this.groupLedger[group] = ledger;
    this.groupKey.push(key);
    return group;
  }

  /** The group of text[start…] as a number in `index`, among the allowed ledgers. */
  private resolveKey(text: string, start: number, allowed: ReadonlySet<number> | undefined, index: StringIndex): number {
    const group = index.get(text, start);
    if (group === undefined) return ORDER_NOT_FOUND;
    if (group >= 0) return !allowed || allowed.has(this.groupLedger[group]!) ? group : ORDER_NOT_FOUND;
    const key = start === 0 ? text : text.slice(start);
    const candidates = (this.ambiguous.get(key) ?? []).filter((candidate) => !allowed || allowed.has(this.groupLedger[candidate]!));
    return candidates.length === 1 ? candidates[0]! : candidates.length === 0 ? ORDER_NOT_FOUND : AMBIGUOUS_ORDER;
  }

  /** Finds each bill and wallet line's order and threads the lines of each group in id order. */
  private resolveLines(walletStores: ReadonlyMap<number, ReadonlySet<number>>): void {
    const table = this.table;
    // Which order groups a line may name: a store's bill only its own; a wallet its stores (or any).
    const allowedFor: (ReadonlySet<number> | undefined)[] = table.ledgers.map((ledger, position) => (ledger.kind === "store" ? new Set([position]) : walletStores.get(position)));
    for (let row = table.settlementStart; row < table.size; row++) {
      if (table.role[row] !== Role.LINE) continue;
      let group = NO_ORDER_KEY;
      let via: KeyViaCode = KeyVia.ORDER_NO;
      const allowed = allowedFor[table.ledgerOf[row]!];
      const key = normalizeKey(table.keyText[row]);
      if (key) {
        group = this.resolveNormalized(key, allowed);
        via = this.foundVia;
        this.linePrefixOf[row] = this.foundPrefix + 1;
      }
      if (group < 0 && !table.isSettlement(row)) {
        // A wallet line without a usable 商户订单号 may still name its order in the memo.
        const inMemo = this.findInText(table.bankRow(row).memo, allowed);
        if (inMemo.length === 1) {
          group = inMemo[0]!.group;
          via = KeyVia.MEMO;
        } else if (inMemo.length > 1) {
          group = AMBIGUOUS_ORDER;
          via = KeyVia.MEMO;
        }
      }
      if (group === NO_ORDER_KEY) continue;
      this.lineGroup[row] = group;
      this.lineKeyVia[row] = via;
      table.up[row] = Math.abs(table.amount[row]!);
      if (group < 0) continue;
      if (this.lineHead[group] === -1) this.lineHead[group] = row;
      else this.nextLine[this.lineTail[group]!] = row;
      this.lineTail[group] = row;
    }
  }
}
