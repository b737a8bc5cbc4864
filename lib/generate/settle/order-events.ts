// The wallet lines one order produces, cut to the month: a sale when the platform settles, fee lines
// at the same moment (commission, 花呗/credit-card fee, 多多进宝), and a refund line when money goes
// back after settlement. Lines outside [0, month end) belong to another month's files.
import type { MonthCalendar } from "../calendar/month-calendar";
import { NEVER, type SimulatedOrder } from "../simulate/simulated-order";
import { EventType, type EventLog } from "./event-log";

export function addOrderEvents(order: SimulatedOrder, log: EventLog, calendar: MonthCalendar): void {
  const inMonth = (sec: number) => sec !== NEVER && sec >= 0 && sec < calendar.endSec;
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
