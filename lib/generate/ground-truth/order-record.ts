// An order's ground-truth record: its export rows, its wallet lines (re-read from the event log the
// wallet run annotated with rows and withdrawals) and the amounts along the chain.
import type { BankLine } from "../bank/bank-line";
import type { MonthCalendar } from "../calendar/month-calendar";
import { happenedBy } from "../simulate/order-snapshot";
import { NEVER, type SimulatedOrder } from "../simulate/simulated-order";
import { lineTypeOf } from "../settle/event-log";
import type { StoreRun } from "../store-run";
import type { LineRecord, OrderAmounts, OrderRecord } from "./ground-truth-types";

export interface OrderRecordContext {
  calendar: MonthCalendar;
  ordersFile: string;
  /** The wallet file holding the store's lines; undefined for payout-only stores. */
  walletFile?: string;
  /** The id a wallet line carries, from its event number. */
  lineId?: (event: number) => string;
  /** Bank line of each withdrawal (by sequence), undefined when not on the statement. */
  bankLineOf: readonly (BankLine | undefined)[];
  orderNo: (order: SimulatedOrder) => string;
  subOrderNos?: (order: SimulatedOrder) => string[];
  /** Rows the order takes in its export: 1, or one per product line (JD, Douyin). */
  exportRowsOf: (order: SimulatedOrder) => number;
}

const isoDateTime = (calendar: MonthCalendar, sec: number) => calendar.dateTimeOf(sec).replace(" ", "T");

/** null when the order leaves no trace in the month's files (a carried-in order with nothing this month). */
export function orderRecord(order: SimulatedOrder, run: StoreRun, context: OrderRecordContext): OrderRecord | null {
  const { calendar } = context;
  const { log, digests, withdrawals } = run;
  const firstEvent = digests.firstEvent[order.index]!;
  const endEvent = digests.firstEvent[order.index + 1]!;
  if (!order.inExport && firstEvent === endEvent) return null;

  const amounts: OrderAmounts = { paid: 0, refunded: 0, sale: 0, commission: 0, serviceFee: 0, promotion: 0, refundLines: 0, net: 0, withdrawn: 0, inBank: 0 };
  const lines: LineRecord[] = [];
  for (let event = firstEvent; event < endEvent; event++) {
    const type = lineTypeOf(log.type[event]!);
    const amount = log.amount[event]!;
    const sweptBy = log.withdrawal[event]!;
    const withdrawal = sweptBy >= 0 ? withdrawals[sweptBy] : undefined;
    const line: LineRecord = { type, amount, on: calendar.dateOf(log.time[event]!), withdrawal: withdrawal?.id ?? null };
    if (context.walletFile && context.lineId) {
      line.file = context.walletFile;
      line.row = log.row[event]!;
      line.id = context.lineId(event);
    }
    lines.push(line);
    if (type === "SALE") amounts.sale += amount;
    else if (type === "COMMISSION") amounts.commission -= amount;
    else if (type === "SERVICE_FEE") amounts.serviceFee -= amount;
    else if (type === "PROMOTION") amounts.promotion -= amount;
    else if (type === "REFUND") amounts.refundLines -= amount;
    amounts.net += amount;
    if (withdrawal) {
      amounts.withdrawn += amount;
      if (context.bankLineOf[withdrawal.sequence]) amounts.inBank += amount;
    }
  }
  const end = calendar.endSec;
  amounts.paid = happenedBy(order.paidSec, end) ? order.paidMinor : 0;
  amounts.refunded = order.refundKind !== "NONE" && happenedBy(order.refundSec, end) ? order.refundMinor : 0;

  const exportRow = digests.exportRow[order.index]!;
  const record: OrderRecord = {
    type: "order",
    store: order.store,
    orderNo: context.orderNo(order),
    inExport: order.inExport,
    file: order.inExport ? context.ordersFile : undefined,
    rows: order.inExport ? Array.from({ length: context.exportRowsOf(order) }, (_, k) => exportRow + k) : [],
    subOrderNos: order.inExport && context.subOrderNos ? context.subOrderNos(order) : undefined,
    refundKind: order.refundKind,
    createdAt: isoDateTime(calendar, order.createdSec),
    paidAt: happenedBy(order.paidSec, end) ? isoDateTime(calendar, order.paidSec) : null,
    confirmedAt: happenedBy(order.confirmedSec, end) ? isoDateTime(calendar, order.confirmedSec) : null,
    expectedSettleOn: order.settleSec === NEVER || order.saleMinor === 0 ? null : calendar.dateOf(order.settleSec),
    amounts,
    lines,
  };
  return record;
}
