// The mapping screen's first guess for each field, from the common column names the generic layout
// knows (交易日期, 借方发生额, 对方户名…). Only a suggestion the person sees and can change: the
// meaning of a positive amount is never suggested, it is asked.
import { GENERIC_BANK_COLUMNS as G } from "../formats/generic-bank";
import { ColumnIndex, type ColumnNames } from "../normalize/column-names";
import type { ColumnMapping } from "./apply-column-mapping";

type SuggestedField = "date" | "time" | "amount" | "inflow" | "outflow" | "direction" | "reference" | "counterparty" | "orderNo" | "fee" | "memo" | "balance";

const NAMES: Record<SuggestedField, ColumnNames> = {
  date: G.date,
  time: G.time,
  amount: G.amount,
  inflow: G.inflow,
  outflow: G.outflow,
  direction: G.direction,
  reference: G.reference,
  counterparty: G.counterparty,
  orderNo: ["商户订单号", "商家订单号", "订单号", "订单编号", "order no", "order id", "order number"],
  fee: ["手续费", "服务费", "fee", "fees"],
  memo: G.memo,
  balance: G.balance,
};

export function suggestColumnMapping(header: readonly string[]): Partial<Pick<ColumnMapping, SuggestedField>> {
  const columns = new ColumnIndex(header);
  const suggested: Partial<Record<SuggestedField, string>> = {};
  const taken = new Set<number>();
  for (const field of Object.keys(NAMES) as SuggestedField[]) {
    const index = columns.find(NAMES[field]);
    // One column, one meaning: "交易时间" may be both the date and the time; the date keeps it.
    if (index === undefined || taken.has(index)) continue;
    taken.add(index);
    suggested[field] = header[index];
  }
  // Split columns replace the single amount only when both are there.
  if (!(suggested.inflow && suggested.outflow)) {
    delete suggested.inflow;
    delete suggested.outflow;
  } else delete suggested.amount;
  return suggested;
}
