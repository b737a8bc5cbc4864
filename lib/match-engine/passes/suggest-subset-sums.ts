// Pass 4, bounded subset-sum: an open receipt against the open withdrawals booked in the date window
// before it (any wallet its payer may pay for), or against the open orders of a directly-paid store
// settling in that window. Only a unique combination within the tolerance is suggested; with more
// candidates than the cap the search is skipped and the receipt says so.
import { rowsInDayRange } from "../engine/day-range";
import { settledBefore } from "../engine/direct-payouts";
import { SECONDS_PER_DAY } from "../engine/local-date";
import { toleranceFor } from "../engine/money";
import { draftOrdersToBank } from "../engine/orders-to-bank";
import { explainTransfer } from "../engine/explain-difference";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";
import { uniqueSubsetSum } from "../engine/subset-sum";

export function suggestSubsetSums(context: RunContext): void {
  const { table, rules, payers, notes } = context;
  const cap = rules.subsetSum.maxCandidates;
  const withdrawals: number[] = [];
  for (let row = table.settlementStart; row < table.size; row++) {
    if (table.role[row] === Role.WITHDRAWAL && table.down[row]! > 0 && table.amount[row]! < 0) withdrawals.push(row);
  }
  withdrawals.sort((a, b) => table.day[a]! - table.day[b]! || a - b);
  const stores = context.directPayoutStores();

  for (let receipt = table.bankStart; receipt < table.size; receipt++) {
    if (table.role[receipt] !== Role.BANK || !(table.up[receipt]! > 0) || table.amount[receipt]! <= 0) continue;
    const day = table.day[receipt]!;
    const amount = table.up[receipt]!;
    const tolerance = toleranceFor(amount, Number(rules.toleranceMinor), rules.tolerancePercentBps);
    const counterparty = table.bankRow(receipt).counterparty;
    const knownPayer = payers.isKnownPayer(counterparty);

    const fromWallets = rowsInDayRange(table, withdrawals, day - rules.dateWindowDays, day).filter(
      (row) => table.down[row]! > 0 && table.currencyOf[row] === table.currencyOf[receipt] && (!knownPayer || payers.paysFor(counterparty, table.ledgerOf[row]!)),
    );
    if (fromWallets.length > cap) notes.add(receipt, "upstream", reason("TOO_MANY_CANDIDATES", { count: fromWallets.length, cap }));
    else if (fromWallets.length >= 2 && trySubset(context, receipt, fromWallets, fromWallets.map((row) => table.down[row]!), amount, tolerance, "withdrawals")) continue;

    for (const store of stores) {
      if (!payers.paysFor(counterparty, store.ledger)) continue;
      const groups: number[] = [];
      const nets: number[] = [];
      // Orders are sorted by settlement time: the window is one slice, found by binary search.
      const from = settledBefore(store, (day - rules.dateWindowDays) * SECONDS_PER_DAY);
      const to = settledBefore(store, (day + 1) * SECONDS_PER_DAY);
      for (let position = from; position < to && groups.length <= cap; position++) {
        const group = store.groups[position]!;
        if (!(table.down[context.index.firstRow[group]!]! > 0)) continue;
        groups.push(group);
        nets.push(store.nets[position]!);
      }
      if (groups.length > cap) notes.add(receipt, "upstream", reason("TOO_MANY_CANDIDATES", { count: `${cap + 1}+`, cap }));
      else if (groups.length >= 2 && trySubset(context, receipt, groups, nets, amount, tolerance, "orders")) break;
    }
  }
}

function trySubset(context: RunContext, receipt: number, candidates: readonly number[], values: readonly number[], amount: number, tolerance: number, kind: "withdrawals" | "orders"): boolean {
  const { table, rules, sink, notes } = context;
  const search = uniqueSubsetSum(values, amount, tolerance);
  if (search.kind === "ambiguous") {
    notes.add(receipt, "upstream", reason("AMBIGUOUS_CANDIDATES", { count: candidates.length }));
    return false;
  }
  if (search.kind === "none") return false;
  const chosen = search.indices.map((position) => candidates[position]!);
  const subsetReason = reason("SUBSET_SUM_UNIQUE", { candidates: candidates.length, chosen: chosen.length });
  if (kind === "withdrawals") {
    const sent = chosen.reduce((sum, row) => sum + table.down[row]!, 0);
    const explanation = explainTransfer(rules, sent, amount);
    return (
      sink.commit({
        pass: 4,
        rule: "SUBSET_SUM",
        link: "PAYOUT_BANK",
        rows: [...chosen, receipt],
        adjustments: explanation.adjustments,
        reasons: [subsetReason, ...explanation.reasons],
        blockers: explanation.blockers,
        confidence: 60,
      }) !== undefined
    );
  }
  const draft = draftOrdersToBank(context, chosen, [receipt], true);
  return (
    sink.commit({
      pass: 4,
      rule: "SUBSET_SUM",
      link: "ORDER_BANK",
      rows: draft.rows,
      adjustments: draft.adjustments,
      reasons: [subsetReason, ...draft.notes],
      blockers: draft.blockers,
      confidence: 55,
    }) !== undefined
  );
}
