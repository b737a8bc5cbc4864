// Column headers are matched loosely: exports pad them with spaces ("订单付款时间 ", "记账日          "),
// mix full- and half-width brackets ("收入金额（+元）" vs "收入金额(+元)") and change letter case.
// Comparing normalised names lets each adapter list a column once.

/** NFKC folds full-width forms and ideographic spaces; then all whitespace goes and case is ignored. */
export function normalizeColumnName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, "")
    .toLowerCase();
}

/** A column and its accepted spellings; the first spelling present in the header wins. */
export type ColumnNames = string | readonly string[];

export function columnAlternatives(names: ColumnNames): readonly string[] {
  return typeof names === "string" ? [names] : names;
}

/** Position of each header column by normalised name; the first of duplicate names wins. */
export class ColumnIndex {
  readonly header: readonly string[];
  private readonly positions = new Map<string, number>();
  // Adapters look up the same (constant) names on every row; resolving each once keeps a
  // million-row import from normalising header names millions of times.
  // -1 stands for "absent", so one get() answers both whether and where.
  private readonly resolved = new Map<ColumnNames, number>();

  constructor(header: readonly string[]) {
    this.header = header;
    header.forEach((name, index) => {
      const key = normalizeColumnName(name);
      if (key && !this.positions.has(key)) this.positions.set(key, index);
    });
  }

  /** Index of the first present alternative, or undefined. */
  find(names: ColumnNames): number | undefined {
    const cached = this.resolved.get(names);
    if (cached !== undefined) return cached === -1 ? undefined : cached;
    let found: number | undefined;
    for (const name of columnAlternatives(names)) {
      found = this.positions.get(normalizeColumnName(name));
      if (found !== undefined) break;
    }
    this.resolved.set(names, found ?? -1);
    return found;
  }

  has(names: ColumnNames): boolean {
    return this.find(names) !== undefined;
  }

  /** The header text as the file spells it, for error messages. */
  displayName(names: ColumnNames): string {
    const index = this.find(names);
    return index === undefined ? (columnAlternatives(names)[0] ?? "") : (this.header[index] ?? "");
  }
}
