// Amounts in exports whose decimal mark follows the account's locale: PayPal writes "1,234.56" for a
// US account and "1.234,56" for a European one under the same English header. The mark is read from
// the text and the currency's minor digits, never guessed: a comma is the decimal mark only when
// 1..minor-digits digits follow it and no dot does ("12,34", "1.234,56"); otherwise commas group
// thousands ("1,234.56", and "1,234" for yen). Anything else is left to the shared parser, which
// rejects what it cannot read rather than scaling it.
import type { ColumnNames } from "../../normalize/column-names";
import { parseAmount } from "../../normalize/parse-amount";
import type { RowCells } from "../../normalize/row-cells";

const MAX_ECHO_CHARS = 60;
const echo = (text: string) => (text.length > MAX_ECHO_CHARS ? `${text.slice(0, MAX_ECHO_CHARS)}…` : text);

/** "1.234,56" → "1234.56" when the comma is the decimal mark for `decimals`; else the text unchanged. */
export function withDecimalPoint(text: string, decimals: number): string {
  const compact = text.replace(/[\s\u00a0\u202f]+/g, "");
  if (decimals === 0) return compact;
  const comma = compact.lastIndexOf(",");
  if (comma < 0) return compact;
  const tail = compact.slice(comma + 1);
  if (!new RegExp(`^\\d{1,${decimals}}$`).test(tail)) return compact;
  const head = compact.slice(0, comma);
  // The integer part may group thousands with dots ("1.234"), never with commas here.
  const digits = /^(.*?)(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(head);
  if (!digits || head.includes(",")) return compact;
  return `${digits[1] ?? ""}${(digits[2] ?? "").replace(/\./g, "")}.${tail}`;
}

/** Signed amount in minor units, decimal comma or point as written; records the problem on the row. */
export function amountWithDecimalMark(
  row: RowCells,
  names: ColumnNames,
  options: { required?: boolean; decimals: number; balance?: boolean },
): bigint | undefined {
  const text = row.text(names);
  if (text === undefined) {
    if (options.required) row.error("MISSING_VALUE", names, {});
    return undefined;
  }
  const parsed = parseAmount(withDecimalPoint(text, options.decimals), options.decimals);
  if (parsed.ok) return parsed.value;
  if (options.balance) {
    // A running balance is a check figure: the row is kept and the user told (as RowCells.balance).
    row.warn("BALANCE_IGNORED", names, { value: echo(text) });
  } else if (parsed.code === "TOO_MANY_DECIMALS") {
    row.error("AMOUNT_TOO_MANY_DECIMALS", names, { value: echo(text), decimals: options.decimals });
  } else {
    row.error("INVALID_AMOUNT", names, { value: echo(text) });
  }
  return undefined;
}
