// Pass 1, orders named in a bank memo (a buyer's transfer "订单 2228…", a platform payout quoting
// its orders). Receipts and the orders they name form small connected sets — one receipt for several
// orders, several receipts for one order — and a set becomes a group when its sums agree within the
// tolerance. Sets that do not add up are left to pass 4 as partial payments.
import { toleranceFor } from "../engine/money";
import { bankKeys } from "../engine/payout-keys";
import { draftOrdersToBank } from "../engine/orders-to-bank";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";
import type { Reason } from "../types";

/** Largest set of receipts + orders handled as one (larger sets are left to a person). */
export const MAX_MEMO_SET = 20;

export interface MemoSet {
  receipts: number[];
  groups: number[];
}

/** Receipts with order numbers in their memo, grouped with the orders they name into connected sets. */
export function memoSets(context: RunContext): MemoSet[] {
  const { table, index } = context;
  const parent = new Map<string, string>();
  const find = (node: string): string => {
    let root = node;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(node, root);
    return root;
  };
  const union = (a: string, b: string) => {
    for (const node of [a, b]) if (!parent.has(node)) parent.set(node, node);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const receipts: number[] = [];
  const groupsOf = new Map<number, number[]>();
  for (let row = table.bankStart; row < table.size; row++) {
    if (table.role[row] !== Role.BANK || !(table.up[row]! > 0) || table.amount[row]! <= 0) continue;
    const tokens = bankKeys(table, row).filter((key) => key.via === "MEMO").map((key) => key.key);
    if (tokens.length === 0) continue;
    const hits = index.findInTokens(tokens, undefined).filter((hit) => {
      for (let order = index.firstRow[hit.group]!; order !== -1; order = index.nextRow[order]!) if (table.down[order]! > 0) return true;
      return false;
    });
    if (hits.length === 0) continue;
    receipts.push(row);
    groupsOf.set(row, hits.map((hit) => hit.group));
    for (const hit of hits) union(`b${row}`, `g${hit.group}`);
  }
  const sets = new Map<string, MemoSet>();
  for (const row of receipts) {
    const root = find(`b${row}`);
    const set = sets.get(root) ?? { receipts: [], groups: [] };
    set.receipts.push(row);
    for (const group of groupsOf.get(row)!) if (!set.groups.includes(group)) set.groups.push(group);
    sets.set(root, set);
  }
  // Receipts were visited in id order, so sets come out ordered by their first receipt.
  return [...sets.values()].map((set) => ({ receipts: set.receipts, groups: set.groups.sort((a, b) => a - b) }));
}

/** Does a known platform payer send any of these receipts for the orders' store? */
export function paidByPlatform(context: RunContext, set: MemoSet): boolean {
  const { table, index, payers } = context;
  return set.receipts.some((receipt) => set.groups.some((group) => payers.paysFor(table.bankRow(receipt).counterparty, index.groupLedger[group]!)));
}

export function matchOrderNumbersInBank(context: RunContext): void {
  const { sink, notes, rules, index } = context;
  for (const set of memoSets(context)) {
    if (set.receipts.length + set.groups.length > MAX_MEMO_SET) {
      for (const receipt of set.receipts) notes.add(receipt, "upstream", reason("TOO_MANY_CANDIDATES", { count: set.groups.length, cap: MAX_MEMO_SET }));
      continue;
    }
    const viaPlatform = paidByPlatform(context, set);
    const draft = draftOrdersToBank(context, set.groups, set.receipts, viaPlatform);
    const tolerance = toleranceFor(draft.expected, Number(rules.toleranceMinor), rules.tolerancePercentBps);
    const difference = draft.received - draft.expected;
    if (Math.abs(difference) > tolerance) {
      // Left for pass 4 (partial payments); say why here in case it stays unmatched.
      const mismatch = reason("SUM_MISMATCH", { expectedMinor: draft.expected, actualMinor: draft.received, differenceMinor: difference });
      for (const receipt of set.receipts) notes.add(receipt, "upstream", mismatch);
      continue;
    }
    const reasons: Reason[] = set.groups.map((group) => reason("ORDER_NO_IN_MEMO", { orderNo: index.groupKey[group]! }));
    if (set.groups.length > 1) reasons.push(reason("SEVERAL_ORDERS_ONE_RECEIPT", { orders: set.groups.length }));
    if (set.receipts.length > 1) reasons.push(reason("SEVERAL_RECEIPTS_ONE_ORDER", { receipts: set.receipts.length }));
    reasons.push(
      difference === 0
        ? reason("SUM_EXACT", { amountMinor: draft.received })
        : reason("SUM_WITHIN_TOLERANCE", { expectedMinor: draft.expected, actualMinor: draft.received, differenceMinor: difference, toleranceMinor: tolerance }),
      ...draft.notes,
    );
    sink.commit({
      pass: 1,
      rule: "ORDER_NO_IN_BANK_MEMO",
      link: "ORDER_BANK",
      rows: draft.rows,
      adjustments: draft.adjustments,
      reasons,
      blockers: draft.blockers,
      confidence: draft.blockers.length === 0 ? 100 : 85,
    });
  }
}
