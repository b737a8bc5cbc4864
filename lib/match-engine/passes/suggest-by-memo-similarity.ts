// Pass 4, memo similarity: banks cut long memos, so a receipt may quote only the end of a withdrawal
// number ("…931328229425"). A token of at least SUFFIX_LENGTH characters that one open withdrawal's
// number ends with (or that ends with the number), with an amount within the tolerance, is suggested.
import { explainTransfer } from "../engine/explain-difference";
import { toleranceFor } from "../engine/money";
import { bankKeys, withdrawalKeys } from "../engine/payout-keys";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";

const SUFFIX_LENGTH = 8;

export function suggestByMemoSimilarity(context: RunContext): void {
  const { table, rules, sink } = context;
  const bySuffix = new Map<string, { row: number; key: string }[]>();
  for (let row = table.settlementStart; row < table.size; row++) {
    if (table.role[row] !== Role.WITHDRAWAL || !(table.down[row]! > 0) || table.amount[row]! >= 0) continue;
    for (const key of withdrawalKeys(table, row)) {
      if (key.length < SUFFIX_LENGTH) continue;
      const suffix = key.slice(-SUFFIX_LENGTH);
      const list = bySuffix.get(suffix) ?? [];
      list.push({ row, key });
      bySuffix.set(suffix, list);
    }
  }
  if (bySuffix.size === 0) return;

  for (let receipt = table.bankStart; receipt < table.size; receipt++) {
    if (table.role[receipt] !== Role.BANK || !(table.up[receipt]! > 0) || table.amount[receipt]! <= 0) continue;
    const amount = table.up[receipt]!;
    const tolerance = toleranceFor(amount, Number(rules.toleranceMinor), rules.tolerancePercentBps);
    const found = new Map<number, { key: string; token: string }>();
    for (const { key: token } of bankKeys(table, receipt)) {
      if (token.length < SUFFIX_LENGTH) continue;
      for (const candidate of bySuffix.get(token.slice(-SUFFIX_LENGTH)) ?? []) {
        const similar = candidate.key.endsWith(token) || token.endsWith(candidate.key);
        if (!similar || !(table.down[candidate.row]! > 0) || Math.abs(table.down[candidate.row]! - amount) > tolerance) continue;
        if (!found.has(candidate.row)) found.set(candidate.row, { key: candidate.key, token });
      }
    }
    if (found.size !== 1) continue;
    const [[withdrawal, { key, token }]] = [...found.entries()] as [[number, { key: string; token: string }]];
    const explanation = explainTransfer(rules, table.down[withdrawal]!, amount);
    sink.commit({
      pass: 4,
      rule: "MEMO_SIMILARITY",
      link: "PAYOUT_BANK",
      rows: [withdrawal, receipt],
      adjustments: explanation.adjustments,
      reasons: [reason("PAYOUT_ID_SUFFIX_IN_MEMO", { payoutId: key, suffix: token }), ...explanation.reasons],
      blockers: explanation.blockers,
      confidence: 70,
    });
  }
}
