// Corporate exports print the company's own account on every row (本方账号, 账号) instead of above the
// header, so one file may hold several accounts. One import goes into one fund account: the rows of
// the chosen account are read and the others passed over; without a choice, a file of more than one
// account is refused whole, naming them (the same STATEMENT_SEVERAL_ACCOUNTS as a statement file's).
import { ACCOUNT_LIST_SEPARATOR, accountKey } from "../statements/statement-accounts";
import type { ImportError } from "../types";

export class OwnAccounts {
  private readonly seen = new Map<string, string>();
  private chosenSeen = false;

  constructor(
    private readonly formatId: string,
    private readonly chosen: string | undefined,
  ) {}

  /** Records the row's own account; false when a chosen account is another one (the row is passed over). */
  keep(account: string | undefined): boolean {
    const key = accountKey(account);
    if (!this.seen.has(key)) this.seen.set(key, (account ?? "").trim());
    if (this.chosen === undefined) return true;
    const kept = key === accountKey(this.chosen);
    if (kept) this.chosenSeen = true;
    return kept;
  }

  /** The file's refusal once every row was read, or null when it holds one account (or the chosen one). */
  refusal(): ImportError | null {
    const several = this.chosen === undefined && this.seen.size > 1;
    const chosenMissing = this.chosen !== undefined && !this.chosenSeen;
    if (!several && !chosenMissing) return null;
    const named = [...this.seen.values()].map((account) => account || "?");
    const params: Record<string, string | number> = { formatId: this.formatId, count: named.length, accounts: named.join(ACCOUNT_LIST_SEPARATOR) };
    if (chosenMissing) params.chosen = this.chosen!.trim();
    return { row: null, column: null, code: "STATEMENT_SEVERAL_ACCOUNTS", params, severity: "error" };
  }
}
