// The totals row, added up exactly (bigint) while the rows stream past, and checked against the
// totals the page showed when it gave them.
import { AppError } from "@/lib/errors";
import type { ExportColumn, ExportRow, ExportTable } from "./export-table";

export class RunningTotals {
  readonly columns: ExportColumn[];
  private readonly sums = new Map<string, bigint>();

  constructor(columns: ExportColumn[]) {
    this.columns = columns.filter((c) => c.total && (c.type === "money" || c.type === "integer"));
    for (const column of this.columns) this.sums.set(column.key, 0n);
  }

  get any(): boolean {
    return this.columns.length > 0;
  }

  add(row: ExportRow): void {
    for (const column of this.columns) {
      const value = row[column.key];
      if (value === null || value === undefined) continue;
      this.sums.set(column.key, this.sums.get(column.key)! + BigInt(value as bigint | number));
    }
  }

  get(key: string): bigint | undefined {
    return this.sums.get(key);
  }

  /** Refuses a file whose sums differ from the page's totals. */
  check(expected: ExportTable["expectedTotals"]): void {
    for (const [key, want] of Object.entries(expected ?? {})) {
      const got = this.sums.get(key);
      if (got !== want) {
        const column = this.columns.find((c) => c.key === key);
        throw new AppError("CONFLICT", {
          messageKey: "exportTotalsChanged",
          params: { column: column?.label ?? key },
        });
      }
    }
  }
}
