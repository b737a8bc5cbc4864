// Whose statement a bank or wallet file is: the account number, holder name and bank the file
// itself prints. Read only from where the layout puts them (a labelled line above the header, the
// statement's own account element), never guessed from a row's counterparty columns: a wrong guess
// would send the file to the wrong account.

/** The file's own account as printed: a number may be masked ("6214****5678"). */
export interface StatementAccount {
  number?: string;
  name?: string;
  bank?: string;
}

/** Where a layout prints its account above the header, as the labels it uses, and the bank it is. */
export interface StatementAccountLayout {
  /** The institution the format belongs to (a CCB export is always CCB's). */
  bank?: string;
  numberLabels?: readonly string[];
  /**
   * Labels of a number's last digits only (card statements: "卡号末四位：1234"). Kept as "****1234",
   * so it is compared with an account's number on its visible tail, never as a whole number.
   */
  lastDigitsLabels?: readonly string[];
  nameLabels?: readonly string[];
}

const SPACE = "[\\s\\u3000]*";

/**
 * "账　　号： 1234" / "#账号：[2088…]" / "卡号: 1234****5678 卡别名:" → the value after the label; a
 * number grouped by blanks ("6214 8300 1234 5678") is kept whole.
 */
function labelledValue(lines: readonly string[], labels: readonly string[] = []): string | undefined {
  for (const label of labels) {
    const spaced = [...label].map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(SPACE);
    const pattern = new RegExp(`(?:^|[\\s#,(（])${spaced}${SPACE}[:：]${SPACE}\\[?([^\\]\\s\\u3000,)）]+(?: [0-9*]+)*)`);
    for (const line of lines) {
      const value = pattern.exec(line)?.[1]?.trim();
      if (value) return value;
    }
  }
  return undefined;
}

/** The account a table-shaped export prints above its header, by the layout's own labels. */
export function accountFromPreamble(layout: StatementAccountLayout | undefined, preamble: readonly string[]): StatementAccount | null {
  if (!layout) return null;
  const lastDigits = labelledValue(preamble, layout.lastDigitsLabels)?.replace(/\D/g, "");
  const account: StatementAccount = {
    number: labelledValue(preamble, layout.numberLabels) ?? (lastDigits ? `****${lastDigits}` : undefined),
    name: labelledValue(preamble, layout.nameLabels),
    bank: layout.bank,
  };
  return withoutEmpty(account);
}

export function withoutEmpty(account: StatementAccount): StatementAccount | null {
  const kept = Object.fromEntries(Object.entries(account).filter(([, value]) => value)) as StatementAccount;
  return Object.keys(kept).length > 0 ? kept : null;
}
