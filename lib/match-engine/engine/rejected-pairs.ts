// Pairs of rows a person said do not belong together. Resolved to row indices once; a proposal that
// would hold both rows of a pair is never made (passes drop the offending row or give up the group).
import type { RejectedPair } from "../types";
import type { RowTable } from "./row-table";

export class RejectedPairs {
  private readonly partners = new Map<number, number[]>();

  constructor(table: RowTable, pairs: readonly RejectedPair[]) {
    for (const pair of pairs) {
      const a = table.indexOf(pair.a.side, pair.a.id);
      const b = table.indexOf(pair.b.side, pair.b.id);
      if (a < 0 || b < 0 || a === b) continue;
      this.link(a, b);
      this.link(b, a);
    }
  }

  get isEmpty(): boolean {
    return this.partners.size === 0;
  }

  rejected(a: number, b: number): boolean {
    return this.partners.get(a)?.includes(b) ?? false;
  }

  /** Is any rejected pair inside this set of rows? */
  conflicts(rows: readonly number[]): boolean {
    if (this.partners.size === 0) return false;
    let members: Set<number> | undefined;
    for (const row of rows) {
      const partners = this.partners.get(row);
      if (!partners) continue;
      members ??= new Set(rows);
      for (const partner of partners) if (members.has(partner)) return true;
    }
    return false;
  }

  private link(from: number, to: number): void {
    const list = this.partners.get(from);
    if (!list) this.partners.set(from, [to]);
    else if (!list.includes(to)) list.push(to);
  }
}
