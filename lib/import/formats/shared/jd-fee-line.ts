// A JD fee line, as both JD settlement exports write it (订单结算明细, jd-settlement-detail, and the 京东钱包
// 结算明细, jd-wallet-settlement): an order number, a fee name (费用名称 / 费用项), an amount beside 收支方向,
// a date from the first filled of several date columns, and 币种. The two exports read these the same way
// and type their lines by the same fee names, so that a JD order's fees are the same lines whichever export
// they came from; kept here once.
import type { ColumnNames } from "../../normalize/column-names";
import type { ParsedDateTime } from "../../normalize/parse-date-time";
import type { RowCells } from "../../normalize/row-cells";
import type { SettlementLineType } from "../../types";
import { amountByDirection, readDirectionMark } from "./amount-by-direction";
import { lineTypeByWords, type LineTypeWords } from "./line-type-by-words";
import { currencyFrom } from "./row-values";

const FEE_TYPES: LineTypeWords = [
  [/佣金/, "COMMISSION"],
  [/赔付|罚|违约|调整|扣款/, "ADJUSTMENT"],
  [/服务费|保险|手续费/, "SERVICE_FEE"],
  [/京豆|东券|优惠|补贴|营销|广告|推广|促销/, "PROMOTION"],
];
const GOODS = /货款|配送费|运费/;

/** 货款 (and 代收配送费) coming in is a sale and going out a refund; fees by their names; else OTHER. */
export function jdSettlementLineType(feeName: string, sign: 1 | -1): SettlementLineType {
  const fee = lineTypeByWords(FEE_TYPES, feeName);
  if (fee) return fee;
  if (GOODS.test(feeName)) return sign > 0 ? "SALE" : "REFUND";
  return "OTHER";
}

export type JdFeeLineColumns = {
  orderNo: ColumnNames;
  feeName: ColumnNames;
  amount: ColumnNames;
  direction: ColumnNames;
  currency: ColumnNames;
  /** Tried in order; the first is named when none is filled. */
  dates: readonly [ColumnNames, ...ColumnNames[]];
};

export type JdFeeLine = {
  when: ParsedDateTime;
  orderNo: string;
  feeName: string;
  amountMinor: bigint;
  lineType: SettlementLineType;
  currency: string;
};

/**
 * The line's shared cells, or null when the row is refused (its errors recorded, each naming its column):
 * a direction that is unknown or neutral, a negative amount under 收入, a missing cell or no date at all.
 */
export function readJdFeeLine(row: RowCells, columns: JdFeeLineColumns): JdFeeLine | null {
  const orderNo = row.requiredText(columns.orderNo);
  const feeName = row.requiredText(columns.feeName);
  const amount = row.amount(columns.amount, { required: true });
  const mark = readDirectionMark(row, columns.direction);
  if (mark === "refused") return null;
  let when: ParsedDateTime | undefined;
  for (const column of columns.dates) {
    when = row.dateTime(column);
    if (when) break;
  }
  if (!when && !row.hasErrors) row.error("MISSING_VALUE", columns.dates[0], {});
  const currency = currencyFrom(row, columns.currency, "CNY");
  if (!orderNo || !feeName || amount === undefined || !when || mark === "missing") return null;
  // "-13.80" under 收入 cannot be both; "13.80" under 支出 is the unsigned way of writing it.
  const amountMinor = amountByDirection(row, amount, mark, { direction: columns.direction, amount: columns.amount });
  if (amountMinor === undefined) return null;
  return { when, orderNo, feeName, amountMinor, lineType: jdSettlementLineType(feeName, mark.sign), currency };
}
