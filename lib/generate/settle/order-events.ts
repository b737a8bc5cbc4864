// The wallet lines one order produces, cut to the month: a sale when the platform settles, fee lines
// at the same moment (commission, 花呗/credit-card fee, 多多进宝), and a refund line when money goes
// back after settlement. Lines outside [0, month end) belong to another month's files; those after
// the last withdrawal before the month (`carried`) are still in the wallet when the month begins.
import type { MonthCalendar } from "../calendar/month-calendar";
import { NEVER, type SimulatedOrder } from "../simulate/simulated-order";
import { addMinor } from "../money/percent-of-minor";
import { EventType, type EventLog } from "./event-log";

/** What arrived in a wallet from `fromSec` (the last withdrawal before the month) until the month began. */
export interface CarriedInBalance {
  fromSec: number;
  minor: number;
}

export function addOrderEvents(order: SimulatedOrder, log: EventLog, calendar: MonthCalendar, carried?: CarriedInBalance): void {
  const inMonth = (sec: number) => sec !== NEVER && sec >= 0 && sec < calendar.endSec;
  const beforeMonth = (sec: number) => carried !== undefined && sec !== NEVER && sec >= carried.fromSec && sec < 0;
  if (order.saleMinor > 0 && beforeMonth(order.settleSec)) {
    const net = order.saleMinor - order.commissionMinor - order.serviceFeeMinor - order.promotionMinor;
    carried!.minor = addMinor(carried!.minor, net);
  }
  if (order.refundLineMinor > 0 && beforeMonth(order.refundSec)) carried!.minor = addMinor(carried!.minor, -order.refundLineMinor);
  if (order.saleMinor > 0 && inMonth(order.settleSec)) {
    const at = order.settleSec;
    log.add(at, order.index, EventType.SALE, order.saleMinor);
    if (order.commissionMinor > 0) log.add(at, order.index, EventType.COMMISSION, -order.commissionMinor);
    if (order.serviceFeeMinor > 0) {
      const type = order.payChannel === "HUABEI" ? EventType.SERVICE_FEE_HUABEI : EventType.SERVICE_FEE_CREDIT_CARD;
      log.add(at, order.index, type, -order.serviceFeeMinor);
    }
    if (order.promotionMinor > 0) log.add(at, order.index, EventType.PROMOTION, -order.promotionMinor);
  }
  if (order.refundLineMinor > 0 && inMonth(order.refundSec)) {
    log.add(order.refundSec, order.index, EventType.REFUND, -order.refundLineMinor);
  }
}
