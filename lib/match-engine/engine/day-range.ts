// Rows sorted by day: the slice whose days fall in [from, to], found by binary search so a pass over
// 200 000 bank rows does not scan every candidate list.
import type { RowTable } from "./row-table";

function firstAtOrAfter(table: RowTable, rows: readonly number[], day: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (table.day[rows[middle]!]! < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function rowsInDayRange(table: RowTable, rowsByDay: readonly number[], from: number, to: number): number[] {
  return rowsByDay.slice(firstAtOrAfter(table, rowsByDay, from), firstAtOrAfter(table, rowsByDay, to + 1));
}
