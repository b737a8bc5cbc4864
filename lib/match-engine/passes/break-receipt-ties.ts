// Pass 3, a withdrawal whose amount the bank shows more than once within the date window: the
// receipts that cannot be its money are set aside where the facts say so — one booked before the
// withdrawal left the wallet, one from a named payer that is not the wallet's or platform's paying
// entity while exactly one other comes from it. What is left is unique (and may be booked like any
// pass 3 pair) or still several, which a person must decide between: proposed, naming the others,
// never automatic. The preferred candidate of such a proposal is chosen by facts and row order
// (ids), never by input order.
import { reason, dayText } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import type { Reason } from "../types";

/** Beyond this many equal candidates a proposal naming them all helps nobody: left open. */
export const MAX_TIED_RECEIPTS = 3;

export interface NarrowedReceipts {
  /** The receipts still possible, in row order. */
  receipts: readonly number[];
  /** Why the others were set aside (empty when none was). */
  reasons: Reason[];
}

function explicitTime(context: RunContext, row: number): boolean {
  const { table } = context;
  return (table.isSettlement(row) ? table.settlementLine(row).occurredAt : table.bankRow(row).occurredAt) !== undefined;
}

/** A receipt booked before the withdrawal left (by day, or by time on the same day when both print one). */
function bookedBefore(context: RunContext, receipt: number, withdrawal: number): boolean {
  const { table } = context;
  if (table.day[receipt]! !== table.day[withdrawal]!) return table.day[receipt]! < table.day[withdrawal]!;
  return explicitTime(context, receipt) && explicitTime(context, withdrawal) && table.instant[receipt]! < table.instant[withdrawal]!;
}

function withdrawnAt(context: RunContext, withdrawal: number): string {
  const { table } = context;
  const row = table.isSettlement(withdrawal) ? table.settlementLine(withdrawal) : table.bankRow(withdrawal);
  return row.occurredAt?.replace("T", " ") ?? row.occurredOn;
}

const counterpartyOf = (context: RunContext, receipt: number) => context.table.bankRow(receipt).counterparty?.trim() ?? "";

export function narrowReceipts(context: RunContext, withdrawal: number, found: readonly number[]): NarrowedReceipts {
  if (found.length < 2) return { receipts: found, reasons: [] };
  const { table, payers } = context;
  const ledger = table.ledgerOf[withdrawal]!;
  const reasons: Reason[] = [];
  let receipts = [...found].sort((a, b) => a - b);
  const notBefore = receipts.filter((receipt) => !bookedBefore(context, receipt, withdrawal));
  if (notBefore.length > 0 && notBefore.length < receipts.length) {
    reasons.push(reason("SAME_AMOUNT_BOOKED_BEFORE", { count: receipts.length - notBefore.length, withdrawnAt: withdrawnAt(context, withdrawal) }));
    receipts = notBefore;
  }
  if (receipts.length > 1) {
    const fromPayer = receipts.filter((receipt) => payers.paysFor(table.bankRow(receipt).counterparty, ledger));
    const others = receipts.filter((receipt) => !payers.paysFor(table.bankRow(receipt).counterparty, ledger));
    // A receipt that prints no payer could be the platform's: only named other payers are set aside.
    if (fromPayer.length === 1 && others.every((receipt) => counterpartyOf(context, receipt) !== "")) {
      const names = [...new Set(others.map((receipt) => counterpartyOf(context, receipt)))].sort();
      reasons.push(reason("SAME_AMOUNT_OTHER_PAYER", { count: others.length, counterparty: names.join("、") }));
      receipts = fromPayer;
    }
  }
  return { receipts, reasons };
}

/**
 * Several receipts still fit: the one a person most likely wants first (from the paying entity,
 * booked at or after the withdrawal, nearest in time, then the lowest row), and a blocker naming
 * the others by day and payer.
 */
export function preferredOfTied(context: RunContext, withdrawal: number, receipts: readonly number[]): { receipt: number; blocker: Reason } {
  const { table, payers } = context;
  const ledger = table.ledgerOf[withdrawal]!;
  const rank = (receipt: number) => [
    payers.paysFor(table.bankRow(receipt).counterparty, ledger) ? 0 : 1,
    bookedBefore(context, receipt, withdrawal) ? 1 : 0,
    Math.abs(table.instant[receipt]! - table.instant[withdrawal]!),
    receipt,
  ];
  const ordered = [...receipts].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k]! - rb[k]!;
    return 0;
  });
  const others = ordered.slice(1).map((receipt) => [dayText(table.day[receipt]!), counterpartyOf(context, receipt)].filter(Boolean).join(" "));
  return { receipt: ordered[0]!, blocker: reason("SAME_AMOUNT_RECEIPTS", { count: others.length, others: others.join("；") }) };
}
