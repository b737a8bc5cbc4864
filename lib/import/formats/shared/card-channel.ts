// The channel a credit-card statement row is stored with: the card's last digits, shown masked as
// "****1234" like the statement account taken from the preamble, so that the bank card adapters write a
// card the same way and rows of one card compare equal across banks' layouts.
import type { ColumnNames } from "../../normalize/column-names";
import type { RowCells } from "../../normalize/row-cells";

/** "****1234" from the row's last-digits column; undefined when the column is absent or empty. */
export function lastDigitsChannel(row: RowCells, column: ColumnNames): string | undefined {
  const card = row.text(column);
  return card ? `****${card}` : undefined;
}
