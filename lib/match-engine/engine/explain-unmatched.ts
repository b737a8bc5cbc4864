// Every row with something left on a side gets an entry saying why: first what the passes noted when
// they tried (a sum that did not agree, two candidates), then what the row's own facts say (the order
// is not due yet, the line was not withdrawn yet, the receipt is not from a platform).
import type { Reason, UnmatchedItem } from "../types";
import { orderFacts } from "./explain-difference";
import { SECONDS_PER_DAY } from "./local-date";
import { AMBIGUOUS_ORDER, ORDER_NOT_FOUND } from "./order-index";
import { dayText, reason, ReasonLists, sharedReason } from "./reasons";
import type { RunContext } from "./run-context";
import { NO_DAY, Role } from "./row-table";

export interface UnmatchedLists {
  orders: UnmatchedItem[];
  settlement: UnmatchedItem[];
  bank: UnmatchedItem[];
}

export function explainUnmatched(context: RunContext): UnmatchedLists {
  const { table } = context;
  const lists: UnmatchedLists = { orders: [], settlement: [], bank: [] };
  const lastWithdrawal = lastWithdrawalInstants(context);
  // Most leftovers share one of a few reasons ("not due until 2025-04-03"): share those lists.
  const sharedLists = new ReasonLists();
  for (let row = 0; row < table.size; row++) {
    for (const direction of ["upstream", "downstream"] as const) {
      const left = direction === "upstream" ? table.up[row]! : table.down[row]!;
      if (!(left > 0)) continue;
      const noted = context.notes.get(row, direction);
      const own = ownReason(context, row, direction, lastWithdrawal);
      const list: Reason[] = noted.length === 0 ? [own] : noted.some((other) => other.code === own.code) ? [...noted] : [...noted, own];
      const reasons = sharedLists.get(list) ?? list;
      const item: UnmatchedItem = { side: table.side(row), id: table.id(row), direction, remainingMinor: context.sink.bigints.of(left), reasons };
      (item.side === "order" ? lists.orders : item.side === "settlement" ? lists.settlement : lists.bank).push(item);
    }
  }
  return lists;
}

function lastWithdrawalInstants(context: RunContext): Float64Array {
  const { table } = context;
  const last = new Float64Array(table.ledgers.length).fill(Number.NEGATIVE_INFINITY);
  for (let row = table.settlementStart; row < table.size; row++) {
    if (table.role[row] === Role.WITHDRAWAL) last[table.ledgerOf[row]!] = Math.max(last[table.ledgerOf[row]!]!, table.instant[row]!);
  }
  return last;
}

const dateText = (day: number) => (day === NO_DAY ? "" : dayText(day));

function ownReason(context: RunContext, row: number, direction: "upstream" | "downstream", lastWithdrawal: Float64Array): Reason {
  const { table, index, rules, payers } = context;
  switch (table.role[row]) {
    case Role.ORDER: {
      const group = index.groupOfRow[row]!;
      const facts = orderFacts(table, index, rules, group);
      const order = table.order(row);
      if (facts.refund >= facts.paid && facts.paid > 0) return reason("FULLY_REFUNDED", { refundMinor: facts.refund });
      if (facts.refundByStatus && facts.received === 0) return reason("FULLY_REFUNDED", { refundMinor: facts.paid });
      const instant = table.instant[row]!;
      if (Number.isNaN(instant)) return sharedReason("NOT_CONFIRMED_YET", { status: order.status ?? "" });
      const expected = Math.floor(instant / SECONDS_PER_DAY);
      const dataUntil = Math.max(table.ledgerDataUntil, table.bankDataUntil);
      if (dataUntil === NO_DAY || expected > dataUntil) return sharedReason("NOT_DUE_YET", { expectedOn: dayText(expected), dataUntil: dateText(dataUntil) });
      return reason("NO_SETTLEMENT_FOUND", { orderNo: index.groupKey[group]!, expectedOn: dayText(expected) });
    }
    case Role.LINE: {
      if (direction === "upstream") {
        const group = index.lineGroup[row]!;
        const orderNo = index.lineKeyText(row);
        if (group === ORDER_NOT_FOUND) return reason("ORDER_NOT_FOUND", { orderNo });
        if (group === AMBIGUOUS_ORDER) return reason("AMBIGUOUS_ORDER_NO", { orderNo, candidates: Math.max(2, index.ambiguityOf(orderNo)) });
        return sharedReason("NO_CANDIDATE");
      }
      if (table.instant[row]! > lastWithdrawal[table.ledgerOf[row]!]!) {
        const last = lastWithdrawal[table.ledgerOf[row]!]!;
        return sharedReason("NOT_WITHDRAWN_YET", { since: Number.isFinite(last) ? dayText(Math.floor(last / SECONDS_PER_DAY)) : dateText(table.day[row]!) });
      }
      return sharedReason("NO_CANDIDATE");
    }
    case Role.WITHDRAWAL: {
      if (direction === "upstream") return sharedReason("NO_CANDIDATE");
      const withdrawnOn = dateText(table.day[row]!);
      if (table.bankDataUntil === NO_DAY || table.day[row]! + rules.bookingLagDays > table.bankDataUntil) {
        return sharedReason("NOT_IN_BANK_YET", { withdrawnOn, dataUntil: dateText(table.bankDataUntil) });
      }
      return sharedReason("NO_BANK_RECEIPT", { withdrawnOn });
    }
    default: {
      if (table.amount[row]! < 0) return sharedReason("OUTGOING_PAYMENT");
      const counterparty = table.bankRow(row).counterparty;
      const platforms = payers.platformsOf(counterparty);
      if (platforms.length > 0 || payers.isKnownPayer(counterparty)) return sharedReason("FROM_PLATFORM_UNMATCHED", { platform: platforms.join("/") || (counterparty ?? "") });
      return sharedReason("NOT_FROM_PLATFORM", { counterparty: counterparty ?? "" });
    }
  }
}
