// Fills merged ranges the way exceljs' workbook model shows them: every cell of a range holds the
// top-left cell's value, and rows that exist only inside a range (no <row> in the XML) are rows too.
import type { MergedRange } from "./merged-cells";

export class MergeFiller {
  private readonly waiting: MergedRange[];
  private active: { range: MergedRange; text: string }[] = [];
  /** Rows up to this one have been handed out. */
  private done = 0;

  constructor(ranges: MergedRange[]) {
    this.waiting = [...ranges].sort((a, b) => b.top - a.top); // popped from the end: lowest top first
  }

  /** The row's cells with the ranges covering it applied; null when it still has no value. */
  fill(row: number, cells: string[] | null): string[] | null {
    this.done = row;
    while (this.waiting.length > 0 && this.waiting[this.waiting.length - 1]!.top <= row) {
      const range = this.waiting.pop()!;
      // The top-left cell is in this row when the range starts here; a missing top row leaves it empty.
      this.active.push({ range, text: range.top === row ? (cells?.[range.left - 1] ?? "") : "" });
    }
    this.active = this.active.filter(({ range }) => range.bottom >= row);
    let out = cells;
    for (const { range, text } of this.active) {
      out ??= [];
      while (out.length < range.right) out.push("");
      for (let column = range.left; column <= range.right; column++) {
        if (column === range.left && row === range.top) continue;
        out[column - 1] = text;
      }
    }
    return out;
  }

  /** Rows before `row` that have no <row> element but lie inside a range. */
  *rowsBefore(row: number): Generator<{ sourceRow: number; cells: string[] }> {
    for (;;) {
      const next = this.nextCoveredRow();
      if (next === null || next >= row) return;
      const cells = this.fill(next, null);
      if (cells) yield { sourceRow: next, cells };
    }
  }

  private nextCoveredRow(): number | null {
    const candidate = this.done + 1;
    if (this.active.some(({ range }) => range.bottom >= candidate)) return candidate;
    const waiting = this.waiting[this.waiting.length - 1];
    return waiting ? Math.max(candidate, waiting.top) : null;
  }
}
