// Pass 2, bill lines that carry a payout id (Amazon settlement-id, Shopify payout, a platform's
// 结算单号) ↔ the one withdrawal of the same store with that id, or the one bank receipt quoting it.
// Many lines → one receipt; the sums must agree within the tolerance, the gap is typed.
import { explainTransfer } from "../engine/explain-difference";
import { normalizeKey } from "../engine/keys";
import { toleranceFor } from "../engine/money";
import { AMBIGUOUS_PAYOUT, bankKeys, indexWithdrawals } from "../engine/payout-keys";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";
import type { Reason } from "../types";

export function matchPayoutIdGroups(context: RunContext): void {
  const { table, sink, notes, rules } = context;
  const link = "SETTLEMENT_PAYOUT";
  const groups = new Map<string, { ledger: number; key: string; lines: number[] }>();
  for (let row = table.settlementStart; row < table.bankStart; row++) {
    if (table.role[row] !== Role.LINE || !(table.down[row]! > 0)) continue;
    const key = normalizeKey(table.settlementLine(row).payoutId);
    if (!key) continue;
    const ledger = table.ledgerOf[row]!;
    const groupKey = `${ledger}\u0000${key}`;
    const group = groups.get(groupKey);
    if (group) group.lines.push(row);
    else groups.set(groupKey, { ledger, key, lines: [row] });
  }
  if (groups.size === 0) return;

  const withdrawals = indexWithdrawals(table);
  const wanted = new Set([...groups.values()].map((group) => group.key));
  const receiptsByKey = new Map<string, { row: number; via: "REFERENCE" | "MEMO" }[]>();
  for (let row = table.bankStart; row < table.size; row++) {
    if (table.role[row] !== Role.BANK || !(table.up[row]! > 0)) continue;
    for (const { key, via } of bankKeys(table, row)) {
      if (!wanted.has(key)) continue;
      const list = receiptsByKey.get(key) ?? [];
      list.push({ row, via });
      receiptsByKey.set(key, list);
    }
  }

  for (const { ledger, key, lines } of groups.values()) {
    const withdrawal = withdrawals.get(key);
    let target: number | undefined;
    let keyReason: Reason;
    if (withdrawal !== undefined && withdrawal !== AMBIGUOUS_PAYOUT && table.ledgerOf[withdrawal] === ledger && table.up[withdrawal]! > 0) {
      target = withdrawal;
      keyReason = reason("PAYOUT_ID_EXACT", { payoutId: key });
    } else {
      const receipts = (receiptsByKey.get(key) ?? []).filter(({ row }) => table.up[row]! > 0);
      if (receipts.length !== 1) {
        if (receipts.length > 1) for (const line of lines) notes.add(line, "downstream", reason("AMBIGUOUS_CANDIDATES", { count: receipts.length }));
        continue;
      }
      target = receipts[0]!.row;
      keyReason = reason(receipts[0]!.via === "REFERENCE" ? "PAYOUT_ID_IN_REFERENCE" : "PAYOUT_ID_IN_MEMO", { payoutId: key });
    }
    const sent = -lines.reduce((sum, line) => sum + sink.signedAvailable(line, link), 0);
    const received = sink.signedAvailable(target, link);
    const tolerance = toleranceFor(sent, Number(rules.toleranceMinor), rules.tolerancePercentBps);
    if (Math.abs(sent - received) > tolerance) {
      const mismatch = reason("SUM_MISMATCH", { expectedMinor: sent, actualMinor: received, differenceMinor: received - sent });
      notes.add(target, "upstream", mismatch);
      for (const line of lines) notes.add(line, "downstream", mismatch);
      continue;
    }
    const explanation = explainTransfer(rules, sent, received, table.role[target] === Role.BANK ? "FEE" : "OTHER");
    sink.commit({
      pass: 2,
      rule: "PAYOUT_ID_GROUP",
      link,
      rows: [...lines, target],
      adjustments: explanation.adjustments,
      reasons: [keyReason, reason("SAME_PAYOUT_ID", { payoutId: key, lines: lines.length }), ...explanation.reasons],
      blockers: explanation.blockers,
      confidence: explanation.blockers.length === 0 ? 98 : 85,
    });
  }
}
