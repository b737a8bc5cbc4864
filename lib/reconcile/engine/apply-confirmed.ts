// Confirmed groups are history: before any pass runs, what they allocated is taken off their rows, so
// a new run can only work with what is left and never proposes those allocations again. Items whose
// rows are not in this run's input are ignored (they belong to other periods).
import type { ConfirmedMatch } from "../types";
import { compareIds } from "./canonical-order";
import type { RowTable } from "./row-table";
import { inferLink, slotFor } from "./slots";

/** Spends confirmed allocations; returns how many items asked for more than their row had left. */
export function applyConfirmed(table: RowTable, matches: readonly ConfirmedMatch[]): number {
  let overAllocated = 0;
  // Key order, so that clamping (only for inconsistent input) does not depend on the loader.
  const ordered = [...matches].sort((a, b) => compareIds(a.key, b.key));
  for (const match of ordered) {
    const rows = match.items.map((item) => table.indexOf(item.side, item.id));
    const link = match.link ?? inferLink(new Set(rows.filter((row) => row >= 0).map((row) => table.role[row]!)));
    if (!link) continue;
    match.items.forEach((item, position) => {
      const row = rows[position]!;
      if (row < 0) return;
      const slot = slotFor(table.role[row]!, link);
      if (!slot) return;
      const left = table[slot][row]!;
      if (Number.isNaN(left)) return;
      const spent = Math.abs(Number(item.amountMinor));
      if (spent > left) overAllocated++;
      table[slot][row] = Math.max(0, left - spent);
    });
  }
  return overAllocated;
}
