// Dates on credit-card statements. Most print a full date; CMB's monthly statement prints "12/29"
// under a title that names the statement month ("招商银行信用卡对账单（个人消费卡账户 2024年01月）").
// A month-day is placed in the statement's year, or the year before when its month comes after the
// statement month (a January statement holds December's spending). Without a statement month in the
// preamble a month-day cannot be placed, and the row is rejected with INVALID_DATE.
import type { ColumnNames } from "../../normalize/column-names";
import { parseDateTime, type ParsedDateTime } from "../../normalize/parse-date-time";
import type { RowCells } from "../../normalize/row-cells";

const STATEMENT_MONTH = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/;
const MONTH_DAY = /^(\d{1,2})[/-](\d{1,2})$/;

/** The statement's year and month from the first preamble line that names one ("2024年01月"). */
export function statementMonth(preamble: readonly string[]): { year: number; month: number } | null {
  for (const line of preamble) {
    const match = STATEMENT_MONTH.exec(line);
    const month = Number(match?.[2]);
    if (match && month >= 1 && month <= 12) return { year: Number(match[1]), month };
  }
  return null;
}

/** The date in a card row's column: a full date as written, or a month-day placed by the statement month. */
export function cardRowDate(
  row: RowCells,
  names: ColumnNames,
  preamble: readonly string[],
  options: { required?: boolean } = {},
): ParsedDateTime | undefined {
  const text = row.text(names);
  if (text === undefined) {
    if (options.required) row.error("MISSING_VALUE", names, {});
    return undefined;
  }
  const monthDay = MONTH_DAY.exec(text);
  if (!monthDay) return row.dateTime(names, options);
  const statement = statementMonth(preamble);
  const month = Number(monthDay[1]);
  const year = statement ? (month > statement.month ? statement.year - 1 : statement.year) : undefined;
  const parsed = year === undefined ? null : parseDateTime(`${year}-${monthDay[1]}-${monthDay[2]}`);
  if (!parsed) {
    row.error("INVALID_DATE", names, { value: text.slice(0, 60) });
    return undefined;
  }
  return parsed;
}
