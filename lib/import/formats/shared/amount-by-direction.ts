// One amount beside a direction column (收支方向 收入/支出, 动账方向 入账/出账, 借贷 "借 Dr"/"贷 Cr"): the
// column gives the sign, and the amount is written unsigned by some downloads and signed by others. Several
// adapters read it (JD settlement and wallet through jd-fee-line, Douyin fund flow and ledger through
// douyin-movement, BOCOM debit; the mark alone the JD and Meituan bills, which resolve 不计收支 themselves).
// It lives here once so that they all refuse the same rows the same way: a mark that is unknown or neutral
// (不计收支) is refused rather than guessed, and so is a negative amount under an inflow mark, which
// contradicts itself ("13.80" under 支出 is only the unsigned way of writing money out, but "-13.80" under
// 收入 cannot be both).
//
// It is two steps because the adapters read their cells in different orders and those orders decide which
// errors a broken row reports: the mark is read where each adapter reads it, and the amount is signed
// once the row's other required cells are known to be there.
import type { ColumnNames } from "../../normalize/column-names";
import type { RowCells } from "../../normalize/row-cells";
import { parseDirection } from "./money-direction";
import { abs } from "./row-values";

/** A direction mark as written and the sign it gives: 1 money in, −1 money out. */
export type DirectionMark = { text: string; sign: 1 | -1 };

/** A mark that may be neutral (不计收支): the adapter signs such a row from its own words, or refuses it. */
export type DirectionOrNeutralMark = { text: string; sign: 1 | -1 | "neutral" };

/**
 * The required direction column of the row. "missing" when the cell is empty (MISSING_VALUE is recorded:
 * keep reading the row's other cells to report them too); "refused" when the mark is not a direction or
 * is neutral (INVALID_DIRECTION naming the column and echoing the mark is recorded: stop reading the row).
 */
export function readDirectionMark(row: RowCells, column: ColumnNames): DirectionMark | "missing" | "refused" {
  const mark = readDirectionOrNeutralMark(row, column);
  if (typeof mark === "string") return mark;
  const { text, sign } = mark;
  if (sign === "neutral") {
    row.error("INVALID_DIRECTION", column, { value: text });
    return "refused";
  }
  return { text, sign };
}

/**
 * The same, for the wallet bills whose 收/支 may say 不计收支 (JD, Meituan): a neutral mark is returned for
 * the adapter to resolve; only a mark that is not a direction at all is refused here.
 */
export function readDirectionOrNeutralMark(row: RowCells, column: ColumnNames): DirectionOrNeutralMark | "missing" | "refused" {
  const text = row.requiredText(column);
  if (text === undefined) return "missing";
  const direction = parseDirection(text);
  if (direction === null) {
    row.error("INVALID_DIRECTION", column, { value: text });
    return "refused";
  }
  return { text, sign: direction };
}

/**
 * abs(amount) × the mark's sign, or undefined when a negative amount stands under an inflow mark:
 * INVALID_DIRECTION names the direction column and echoes the mark, followed by the amount cell as
 * written when `amountColumn` is given (the adapters that have always shown both keep showing both).
 */
export function amountByDirection(
  row: RowCells,
  amount: bigint,
  mark: DirectionMark,
  columns: { direction: ColumnNames; amount?: ColumnNames },
): bigint | undefined {
  if (amount < 0n && mark.sign > 0) {
    const value = columns.amount === undefined ? mark.text : `${mark.text} ${row.text(columns.amount) ?? ""}`;
    row.error("INVALID_DIRECTION", columns.direction, { value });
    return undefined;
  }
  return abs(amount) * BigInt(mark.sign);
}
