// One string per distinct value for columns that repeat (store ids, currencies, statuses, dates,
// counterparties): a million rows then hold pointers to a few strings instead of a million copies,
// which keeps the input small and the garbage collector's marking short (lib/match-engine README
// "Speed and memory").

/** Distinct texts; stops remembering new ones after `limit`, so a column of unique values costs no more than without it. */
export class SharedStrings {
  private readonly known = new Map<string, string>();

  constructor(private readonly limit = 50_000) {}

  of(value: string): string;
  of(value: string | undefined): string | undefined;
  of(value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const known = this.known.get(value);
    if (known !== undefined) return known;
    if (this.known.size < this.limit) this.known.set(value, value);
    return value;
  }
}

/** "YYYY-MM-DD" strings by their YYYYMMDD number: no string is made for a day already seen. */
export class SharedDates {
  private readonly known = new Map<number, string>();

  of(key: number): string | undefined {
    if (Number.isNaN(key)) return undefined;
    let text = this.known.get(key);
    if (text === undefined) {
      const digits = String(key).padStart(8, "0");
      text = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
      this.known.set(key, text);
    }
    return text;
  }
}
