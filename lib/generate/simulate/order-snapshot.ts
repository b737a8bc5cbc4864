// What an export taken at the end of the month can know about an order: steps after the month end
// have not happened yet. Each platform turns this into its own status words (see layouts/).
import type { MonthCalendar } from "../calendar/month-calendar";
import { NEVER, type SimulatedOrder } from "./simulated-order";

export interface OrderSnapshot {
  paid: boolean;
  shipped: boolean;
  confirmed: boolean;
  /** Refunded in full before shipping: the order is closed / cancelled. */
  cancelled: boolean;
  /** Refunded to the buyer by the month end (fen). */
  refundedMinor: number;
}

export function happenedBy(sec: number, endSec: number): boolean {
  return sec !== NEVER && sec < endSec;
}

export function snapshotOf(order: SimulatedOrder, calendar: MonthCalendar): OrderSnapshot {
  const end = calendar.endSec;
  const refunded = order.refundKind !== "NONE" && happenedBy(order.refundSec, end);
  return {
    paid: happenedBy(order.paidSec, end),
    shipped: happenedBy(order.shippedSec, end),
    confirmed: happenedBy(order.confirmedSec, end),
    cancelled: order.refundKind === "FULL_BEFORE_SHIP" && refunded,
    refundedMinor: refunded ? order.refundMinor : 0,
  };
}
