// Pass 2, withdrawals that no number tied to the bank ↔ bank receipts from the paying entity of the
// withdrawal's wallet or platform (支付宝（中国）网络技术有限公司 for an Alipay wallet …). A receipt may
// combine consecutive withdrawals of one wallet booked within the date window. Each receipt must have
// exactly one fitting run, and each withdrawal must be claimed by exactly one receipt.
import { rowsInDayRange } from "../engine/day-range";
import { explainTransfer } from "../engine/explain-difference";
import { toleranceFor } from "../engine/money";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";
import type { Reason } from "../types";

/** Longest run of withdrawals one receipt may combine. */
const MAX_RUN = 6;

interface Fit {
  receipt: number;
  withdrawals: number[];
}

export function matchPlatformWithdrawals(context: RunContext): void {
  const { table, sink, notes, rules, payers } = context;
  const link = "PAYOUT_BANK";
  const byLedger = new Map<number, number[]>();
  for (let row = table.settlementStart; row < table.size; row++) {
    if (table.role[row] !== Role.WITHDRAWAL || !(table.down[row]! > 0) || table.amount[row]! >= 0) continue;
    const list = byLedger.get(table.ledgerOf[row]!) ?? [];
    list.push(row);
    byLedger.set(table.ledgerOf[row]!, list);
  }
  if (byLedger.size === 0) return;
  for (const list of byLedger.values()) list.sort((a, b) => table.day[a]! - table.day[b]! || table.instant[a]! - table.instant[b]! || a - b);
  const ledgers = [...byLedger.keys()].sort((a, b) => a - b);

  const fits: Fit[] = [];
  const claims = new Map<number, number>();
  for (let receipt = table.bankStart; receipt < table.size; receipt++) {
    if (table.role[receipt] !== Role.BANK || !(table.up[receipt]! > 0) || table.amount[receipt]! <= 0) continue;
    const counterparty = table.bankRow(receipt).counterparty;
    const received = table.up[receipt]!;
    const tolerance = toleranceFor(received, Number(rules.toleranceMinor), rules.tolerancePercentBps);
    const day = table.day[receipt]!;
    const found: number[][] = [];
    for (const ledger of ledgers) {
      if (!payers.paysFor(counterparty, ledger)) continue;
      const inWindow = rowsInDayRange(table, byLedger.get(ledger)!, day - rules.dateWindowDays, day).filter(
        (row) => table.down[row]! > 0 && table.currencyOf[row] === table.currencyOf[receipt],
      );
      for (let end = 0; end < inWindow.length; end++) {
        let sum = 0;
        for (let start = end; start >= 0 && end - start < MAX_RUN; start--) {
          sum += table.down[inWindow[start]!]!;
          if (Math.abs(sum - received) <= tolerance) found.push(inWindow.slice(start, end + 1));
        }
      }
    }
    if (found.length === 0) continue;
    if (found.length > 1) {
      notes.add(receipt, "upstream", reason("AMBIGUOUS_CANDIDATES", { count: found.length }));
      continue;
    }
    fits.push({ receipt, withdrawals: found[0]! });
    for (const withdrawal of found[0]!) claims.set(withdrawal, (claims.get(withdrawal) ?? 0) + 1);
  }

  for (const { receipt, withdrawals } of fits) {
    if (withdrawals.some((withdrawal) => claims.get(withdrawal) !== 1)) {
      for (const withdrawal of withdrawals) notes.add(withdrawal, "downstream", reason("AMBIGUOUS_CANDIDATES", { count: claims.get(withdrawal) ?? 0 }));
      continue;
    }
    const sent = withdrawals.reduce((sum, row) => sum + table.down[row]!, 0);
    const received = table.up[receipt]!;
    const explanation = explainTransfer(rules, sent, received);
    const days = table.day[receipt]! - table.day[withdrawals[0]!]!;
    const counterparty = table.bankRow(receipt).counterparty ?? "";
    const platform = table.ledger(withdrawals[0]!).platform ?? table.ledger(withdrawals[0]!).accountType ?? "";
    const reasons: Reason[] = [reason("COUNTERPARTY_IS_PLATFORM", { counterparty, platform }), ...explanation.reasons];
    if (explanation.reasons.length === 0) {
      reasons.push(reason("SUM_WITHIN_TOLERANCE", { expectedMinor: sent, actualMinor: received, differenceMinor: received - sent, toleranceMinor: toleranceFor(received, Number(rules.toleranceMinor), rules.tolerancePercentBps) }));
    }
    if (days !== 0) reasons.push(reason("DATE_DIFF_DAYS", { days }));
    sink.commit({
      pass: 2,
      rule: "PLATFORM_WITHDRAWALS",
      link,
      rows: [...withdrawals, receipt],
      adjustments: explanation.adjustments,
      reasons,
      blockers: explanation.blockers,
      confidence: explanation.blockers.length === 0 ? 95 : 80,
    });
  }
}
