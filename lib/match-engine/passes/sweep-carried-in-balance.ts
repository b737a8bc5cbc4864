// Pass 2, a wallet statement's first withdrawal: it sweeps what arrived since the previous
// withdrawal, and part of that arrived before the statement begins, so the lines since the start
// add up to less than it. The statement prints its running balance (Alipay 账户余额): the balance
// before the first row is what was carried in, and the balance printed on the withdrawal is what
// the wallet kept. The withdrawal then took every line since the start plus (opening − kept) of
// the carried-in money, which the group records as a CARRIED_IN_BALANCE adjustment.
//
// That holds only where the balances prove it: every row from the first to the withdrawal prints a
// balance and each follows from the one before (no row is missing), the run holds all of those rows
// whole, and either the withdrawal emptied the wallet (kept = 0: nothing can be left of any line) or
// the statement's later sweeps, each exact, leave the same balance (the wallet keeps a floor no
// sweep touches). Otherwise the withdrawal stays open with CARRIED_IN_BALANCE_UNPROVEN. A first
// withdrawal before any line took carried-in money only: no group, a note (SWEPT_CARRIED_IN_BALANCE_ONLY).
import { dayText, reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";

export interface FirstSweep {
  withdrawal: number;
  /** The withdrawal's position in its ledger's rows (booking order). */
  position: number;
  /** The open lines before it, in booking order. */
  lines: readonly number[];
}

/** The balance printed after a wallet row, as a number of minor units (undefined: none printed). */
export function printedBalance(context: RunContext, row: number): number | undefined {
  if (context.table.isSettlement(row)) return undefined;
  const balance = context.table.bankRow(row).balanceMinor;
  if (balance === undefined) return undefined;
  const value = Number(balance);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Ties a ledger's first withdrawal whose lines fell short, when the printed balances prove what
 * was carried in. `keptAfterSweeps`: the balances printed on the ledger's later withdrawals that
 * exact sweeps tied.
 */
export function tieFirstSweep(context: RunContext, rows: readonly number[], first: FirstSweep, keptAfterSweeps: readonly number[]): void {
  const { table, sink, notes } = context;
  const { withdrawal, position, lines } = first;
  // The run must be every row since the statement's start, each whole.
  if (lines.length !== position) return;
  for (const line of lines) if (table.down[line] !== Math.abs(table.amount[line]!)) return;
  if (table.up[withdrawal] !== Math.abs(table.amount[withdrawal]!)) return;
  // Balances printed on every row and chained: balance = previous balance + amount.
  let previous: number | undefined;
  for (let k = 0; k <= position; k++) {
    const balance = printedBalance(context, rows[k]!);
    if (balance === undefined) return;
    if (previous !== undefined && balance !== previous + table.amount[rows[k]!]!) return;
    previous = balance;
  }
  const opening = printedBalance(context, rows[0]!)! - table.amount[rows[0]!]!;
  const kept = previous!;
  const sent = lines.reduce((sum, line) => sum + table.amount[line]!, 0);
  const withdrawn = -table.amount[withdrawal]!;
  const carriedIn = withdrawn - sent;
  // The chain makes opening − kept = carriedIn; a withdrawal that took less than the lines brought,
  // or left more than there was at the start, swept no carried-in money.
  if (carriedIn !== opening - kept || carriedIn <= 0 || kept < 0) return;
  const floorShown = keptAfterSweeps.length > 0 && keptAfterSweeps.every((balance) => balance === kept);
  if (kept !== 0 && !floorShown) {
    notes.add(withdrawal, "upstream", reason("CARRIED_IN_BALANCE_UNPROVEN", { openingMinor: opening, carriedInMinor: carriedIn, keptMinor: kept }));
    return;
  }
  // Before any line: all it took was carried in. No row of the input shows where from, so no group,
  // but the withdrawal's open upstream side says so.
  if (lines.length === 0) {
    notes.add(withdrawal, "upstream", reason("SWEPT_CARRIED_IN_BALANCE_ONLY", { openingMinor: opening, keptMinor: kept }));
    return;
  }
  const committed = sink.commit({
    pass: 2,
    rule: "WALLET_SWEEP",
    link: "SETTLEMENT_PAYOUT",
    rows: [...lines, withdrawal],
    adjustments: [{ type: "CARRIED_IN_BALANCE", amount: -carriedIn }],
    reasons: [
      reason("SWEEP_WITH_CARRIED_IN_BALANCE", {
        lines: lines.length,
        fromDate: dayText(table.day[lines[0]!]!),
        toDate: dayText(table.day[lines[lines.length - 1]!]!),
        openingMinor: opening,
        carriedInMinor: carriedIn,
        keptMinor: kept,
      }),
    ],
    blockers: [],
    confidence: kept === 0 ? 98 : 95,
  });
  if (!committed) notes.add(withdrawal, "upstream", reason("REJECTED_BY_USER"));
}

