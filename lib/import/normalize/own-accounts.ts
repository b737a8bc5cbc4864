// Corporate exports print the company's own account on every row (本方账号, 账号) instead of above the
// header, so one file may hold several accounts. One import goes into one fund account: the rows of
// the chosen account are read and the others passed over; without a choice, a file of more than one
// account is refused whole, naming them (the same STATEMENT_SEVERAL_ACCOUNTS as a statement file's).
import { accountKey, severalAccountsError } from "../statements/statement-accounts";
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
    return severalAccountsError({ formatId: this.formatId }, [...this.seen.values()], chosenMissing ? this.chosen!.trim() : undefined);
  }
}
