// A movement of a Douyin 抖店 shop account, as both of its exports write one (资金流水, douyin-fund-flow, and
// the 账户流水 with a balance, douyin-account-ledger): a time, a flow number (动帐/动账流水号), a direction
// (动账方向 / 账户方向: 入账 or 出账) and an amount written unsigned by some downloads and signed by others.
// The two read these the same way, in the same order, so that one movement gets the same sign, and a
// broken row the same errors, whichever export it came from; kept here once.
import type { ColumnNames } from "../../normalize/column-names";
import type { ParsedDateTime } from "../../normalize/parse-date-time";
import type { RowCells } from "../../normalize/row-cells";
import { amountByDirection, readDirectionMark } from "./amount-by-direction";

export type DouyinMovementColumns = { time: ColumnNames; flowNo: ColumnNames; direction: ColumnNames; amount: ColumnNames };

export type DouyinMovement = { when: ParsedDateTime; flowNo: string; amountMinor: bigint };

/**
 * The movement's time, flow number and signed amount (+ in, − out), or null when the row is refused (its
 * errors recorded, each naming its column): a missing cell, an unknown direction, a negative amount under 入账.
 */
export function readDouyinMovement(row: RowCells, columns: DouyinMovementColumns): DouyinMovement | null {
  const when = row.dateTime(columns.time, { required: true });
  const flowNo = row.requiredText(columns.flowNo);
  const amount = row.amount(columns.amount, { required: true });
  const mark = readDirectionMark(row, columns.direction);
  if (mark === "refused") return null;
  if (!when || !flowNo || amount === undefined || mark === "missing") return null;
  const amountMinor = amountByDirection(row, amount, mark, { direction: columns.direction, amount: columns.amount });
  if (amountMinor === undefined) return null;
  return { when, flowNo, amountMinor };
}
