// JD prints a refund inside the amount cell of the order it belongs to: "131.77(已退款89.84)" is an
// order of 131.77 of which 89.84 was refunded, "468.32(已全额退款)" one refunded in full. Both numbers
// are read exactly; a cell with anything else in brackets is an error naming its row and column,
// never a number with its bracket silently dropped.
import type { ColumnNames } from "../../normalize/column-names";
import { parseAmount } from "../../normalize/parse-amount";
import type { RowCells } from "../../normalize/row-cells";

export interface AmountWithRefund {
  /** The amount before the bracket, as written (the order's full amount). */
  amount: bigint;
  /** What the bracket says was refunded; 0 when there is no bracket. */
  refund: bigint;
  /** The bracket as written ("已退款89.84", "已全额退款"), for the memo. */
  note?: string;
}

const WITH_BRACKET = /^(.*?)\s*[(（]\s*([^()（）]*?)\s*[)）]$/;
const PARTIAL = /^已退款\s*(.+)$/;
const FULL = /^已全额退款$/;

const echo = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function amountWithRefund(row: RowCells, names: ColumnNames): AmountWithRefund | undefined {
  const text = row.text(names);
  if (text === undefined) {
    row.error("MISSING_VALUE", names, {});
    return undefined;
  }
  const bracketed = WITH_BRACKET.exec(text);
  const amountText = bracketed ? (bracketed[1] ?? "") : text;
  const amount = parseAmount(amountText);
  if (!amount.ok || amount.value < 0n) {
    row.error("INVALID_AMOUNT", names, { value: echo(text) });
    return undefined;
  }
  if (!bracketed) return { amount: amount.value, refund: 0n };
  const note = bracketed[2] ?? "";
  if (FULL.test(note)) return { amount: amount.value, refund: amount.value, note };
  const refundText = PARTIAL.exec(note)?.[1];
  const refund = refundText === undefined ? undefined : parseAmount(refundText);
  // A refund larger than the order, or one that is not a plain number, is not something to guess at.
  if (!refund?.ok || refund.value < 0n || refund.value > amount.value) {
    row.error("INVALID_AMOUNT", names, { value: echo(text) });
    return undefined;
  }
  return { amount: amount.value, refund: refund.value, note };
}
