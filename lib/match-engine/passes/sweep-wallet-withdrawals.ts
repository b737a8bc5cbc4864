// Pass 2, wallet and platform-balance withdrawals: a seller's 提现 takes what arrived since the
// previous one, so in booking order each withdrawal groups the contiguous run of lines after the
// previous withdrawal. The run is a group when it adds up to the withdrawal (to the rounding limit:
// a sweep is exact or it is not this run); otherwise the run and the withdrawal stay open. A
// statement's first withdrawal also takes money carried in from before the statement: when the
// lines fall short of it, sweep-carried-in-balance.ts tries the printed balances.
import { explainTransfer } from "../engine/explain-difference";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";
import { printedBalance, tieFirstSweep, type FirstSweep } from "./sweep-carried-in-balance";

export function sweepWalletWithdrawals(context: RunContext): void {
  const { table, sink, notes, rules } = context;
  const link = "SETTLEMENT_PAYOUT";
  const rounding = Number(rules.autoConfirm.maxRoundingMinor);
  for (let ledger = 0; ledger < table.ledgers.length; ledger++) {
    const rows = context.ledgerRows(ledger);
    let run: number[] = [];
    let first: FirstSweep | undefined;
    const keptAfterSweeps: number[] = [];
    for (let position = 0; position < rows.length; position++) {
      const row = rows[position]!;
      const role = table.role[row];
      if (role === Role.LINE) {
        if (table.down[row]! > 0) run.push(row);
        continue;
      }
      if (role !== Role.WITHDRAWAL) continue;
      const lines = run;
      run = [];
      // No withdrawal before it, and every row before it open: the run starts where the ledger does.
      const isFirst = position === lines.length;
      if (isFirst && lines.length === 0 && table.up[row]! > 0) first = { withdrawal: row, position, lines };
      if (!(table.up[row]! > 0) || lines.length === 0) continue;
      const sent = -lines.reduce((sum, line) => sum + sink.signedAvailable(line, link), 0);
      const received = sink.signedAvailable(row, link);
      if (Math.abs(sent - received) > rounding) {
        const mismatch = reason("SWEEP_SUM_MISMATCH", { expectedMinor: received, actualMinor: sent, differenceMinor: sent - received });
        notes.add(row, "upstream", mismatch);
        for (const line of lines) notes.add(line, "downstream", mismatch);
        if (isFirst && sent < received) first = { withdrawal: row, position, lines };
        continue;
      }
      const explanation = explainTransfer(rules, sent, received, "OTHER");
      const committed = sink.commit({
        pass: 2,
        rule: "WALLET_SWEEP",
        link,
        rows: [...lines, row],
        adjustments: explanation.adjustments,
        reasons: [
          reason("SWEEP_SINCE_PREVIOUS_WITHDRAWAL", { lines: lines.length, fromDate: dayText(context, lines[0]!), toDate: dayText(context, lines[lines.length - 1]!) }),
          ...explanation.reasons,
        ],
        blockers: explanation.blockers,
        confidence: explanation.blockers.length === 0 ? 98 : 85,
      });
      if (!committed) notes.add(row, "upstream", reason("REJECTED_BY_USER"));
      else if (explanation.adjustments.length === 0) {
        const kept = printedBalance(context, row);
        if (kept !== undefined) keptAfterSweeps.push(kept);
      }
    }
    if (first) tieFirstSweep(context, rows, first, keptAfterSweeps);
  }
}

function dayText(context: RunContext, row: number): string {
  const bankRow = context.table.isSettlement(row) ? context.table.settlementLine(row) : context.table.bankRow(row);
  return bankRow.occurredOn;
}
