// Confirmed groups are history: before any pass runs, what they allocated is taken off their rows, so
// a new run can only work with what is left and never proposes those allocations again. Items whose
// rows are not in this run's input are ignored (they belong to other periods).
// A re-run after a month's run spends millions of items here, hence plain loops over a reused array.
import { SPENT_SIDES, SPENT_SLOTS, type SpentAllocations } from "../spent-allocations";
import type { ConfirmedMatch } from "../types";
import { compareIds } from "./canonical-order";
import type { RowTable } from "./row-table";
import { inferLink, slotFor } from "./slots";

/** Spends confirmed allocations; returns how many items asked for more than their row had left. */
export function applyConfirmed(table: RowTable, matches: readonly ConfirmedMatch[]): number {
  let overAllocated = 0;
  // Key order, so that clamping (only for inconsistent input) does not depend on the loader.
  const ordered = [...matches].sort((a, b) => compareIds(a.key, b.key));
  const rows: number[] = [];
  for (const match of ordered) {
    const items = match.items;
    rows.length = 0;
    for (const item of items) rows.push(table.indexOf(item.side, item.id));
    const link = match.link ?? inferLink(new Set(rows.filter((row) => row >= 0).map((row) => table.role[row]!)));
    if (!link) continue;
    for (let position = 0; position < items.length; position++) {
      const row = rows[position]!;
      if (row < 0) continue;
      const slot = slotFor(table.role[row]!, link);
      if (!slot) continue;
      const left = table[slot][row]!;
      if (Number.isNaN(left)) continue;
      const spent = Math.abs(Number(items[position]!.amountMinor));
      if (spent > left) overAllocated++;
      table[slot][row] = Math.max(0, left - spent);
    }
  }
  return overAllocated;
}

/**
 * The same for booked items given in columns: each spends from the side of its row it recorded.
 * Returns how many row sides were asked for more than they had: the loader's order (a parallel scan
 * varies it) changes neither that nor what is left.
 */
export function applySpent(table: RowTable, spent: SpentAllocations): number {
  const overAllocated = new Set<number>();
  for (let item = 0; item < spent.count; item++) {
    const row = table.indexOfNumber(SPENT_SIDES[spent.side[item]!]!, spent.rowId[item]!);
    if (row < 0) continue;
    const slot = SPENT_SLOTS[spent.slot[item]!]!;
    const left = table[slot][row]!;
    if (Number.isNaN(left)) continue;
    const amount = Math.abs(spent.amountMinor[item]!);
    if (amount > left) overAllocated.add(row * 2 + spent.slot[item]!);
    table[slot][row] = Math.max(0, left - amount);
  }
  return overAllocated.size;
}
