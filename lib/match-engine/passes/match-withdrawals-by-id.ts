// Pass 1, withdrawal / payout ↔ bank receipt by the withdrawal's number in the bank reference or
// memo. A pair is made only when each side names exactly one of the other; money must flow the
// right way (out of the wallet, into the bank) and agree within the tolerance.
import { explainTransfer } from "../engine/explain-difference";
import { toleranceFor } from "../engine/money";
import { AMBIGUOUS_PAYOUT, bankKeys, indexWithdrawals } from "../engine/payout-keys";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";

export function matchWithdrawalsById(context: RunContext): void {
  const { table, sink, notes, rules } = context;
  const link = "PAYOUT_BANK";
  const withdrawals = indexWithdrawals(table);
  if (withdrawals.size === 0) return;

  // Each bank row → the one withdrawal it names (and how); each withdrawal → how many rows name it.
  const named = new Map<number, { withdrawal: number; key: string; via: "REFERENCE" | "MEMO" }>();
  const namedBy = new Map<number, number>();
  for (let row = table.bankStart; row < table.size; row++) {
    if (table.role[row] !== Role.BANK || !(table.up[row]! > 0)) continue;
    const found: { withdrawal: number; key: string; via: "REFERENCE" | "MEMO" }[] = [];
    let ambiguous = false;
    for (const { key, via } of bankKeys(table, row)) {
      const withdrawal = withdrawals.get(key);
      if (withdrawal === undefined) continue;
      if (withdrawal === AMBIGUOUS_PAYOUT) ambiguous = true;
      else if (!found.some((hit) => hit.withdrawal === withdrawal)) found.push({ withdrawal, key, via });
    }
    if (found.length === 0 && !ambiguous) continue;
    if (found.length !== 1 || ambiguous) {
      notes.add(row, "upstream", reason("AMBIGUOUS_CANDIDATES", { count: Math.max(2, found.length) }));
      continue;
    }
    const hit = found[0]!;
    named.set(row, hit);
    namedBy.set(hit.withdrawal, (namedBy.get(hit.withdrawal) ?? 0) + 1);
  }

  for (const [bankRow, { withdrawal, key, via }] of named) {
    if (namedBy.get(withdrawal) !== 1) {
      notes.add(bankRow, "upstream", reason("AMBIGUOUS_CANDIDATES", { count: namedBy.get(withdrawal) ?? 0 }));
      notes.add(withdrawal, "downstream", reason("AMBIGUOUS_CANDIDATES", { count: namedBy.get(withdrawal) ?? 0 }));
      continue;
    }
    const sent = sink.signedAvailable(withdrawal, link);
    const received = sink.signedAvailable(bankRow, link);
    // A withdrawal leaves the wallet (its item is −) and arrives in the bank (+).
    if (!(sent < 0 && received > 0)) continue;
    if (table.currencyOf[withdrawal] !== table.currencyOf[bankRow]) {
      notes.add(bankRow, "upstream", reason("CURRENCY_MISMATCH", { currency: table.currencies[table.currencyOf[bankRow]!]!, expected: table.currencies[table.currencyOf[withdrawal]!]! }));
      continue;
    }
    const tolerance = toleranceFor(-sent, Number(rules.toleranceMinor), rules.tolerancePercentBps);
    if (Math.abs(-sent - received) > tolerance) {
      const mismatch = reason("SUM_MISMATCH", { expectedMinor: -sent, actualMinor: received, differenceMinor: received + sent });
      notes.add(bankRow, "upstream", mismatch);
      notes.add(withdrawal, "downstream", mismatch);
      continue;
    }
    const explanation = explainTransfer(rules, -sent, received);
    const days = table.day[bankRow]! - table.day[withdrawal]!;
    const blockers = [...explanation.blockers];
    if (Math.abs(days) > rules.dateWindowDays) blockers.push(reason("DATE_OUTSIDE_WINDOW", { days, windowDays: rules.dateWindowDays }));
    const reasons = [reason(via === "REFERENCE" ? "PAYOUT_ID_IN_REFERENCE" : "PAYOUT_ID_IN_MEMO", { payoutId: key }), ...explanation.reasons];
    if (days !== 0) reasons.push(reason("DATE_DIFF_DAYS", { days }));
    sink.commit({
      pass: 1,
      rule: "PAYOUT_ID",
      link,
      rows: [withdrawal, bankRow],
      adjustments: explanation.adjustments,
      reasons,
      blockers,
      confidence: blockers.length === 0 ? 100 : 85,
    });
  }
}
