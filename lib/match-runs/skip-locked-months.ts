// A run never books or proposes anything in a locked month (对账期间 closed by a reviewer). Which
// month a group belongs to is the workspace's rule too (lib/ledger/business-day.ts): the month of
// its latest row, an order dated by payment, else order, else confirmation.
import type { Tx } from "@/lib/db/client";
import { groupMonth, orderBusinessDay } from "@/lib/ledger/business-day";
import type { MatchProposal, ReconcileInput } from "@/lib/match-engine";

export async function lockedMonthsOf(db: Tx, orgId: string): Promise<Set<string>> {
  const periods = await db.period.findMany({ where: { orgId, status: "LOCKED" }, select: { month: true } });
  return new Set(periods.map((period) => period.month));
}

/** The proposals whose month is open; the others are dropped (and counted). */
export function skipLockedMonths(input: ReconcileInput, proposals: readonly MatchProposal[], locked: ReadonlySet<string>): { kept: MatchProposal[]; skipped: number } {
  if (locked.size === 0) return { kept: [...proposals], skipped: 0 };
  // Only the rows the proposals use need a date: collect them, then read each table once.
  const wanted = new Set(proposals.flatMap((proposal) => proposal.items.map((item) => `${item.side}:${item.id}`)));
  const day = new Map<string, string | undefined>();
  for (const order of input.orders) if (wanted.has(`order:${order.id}`)) day.set(`order:${order.id}`, orderBusinessDay(order));
  for (const line of input.settlementLines) if (wanted.has(`settlement:${line.id}`)) day.set(`settlement:${line.id}`, line.occurredOn);
  for (const row of input.bankTransactions) if (wanted.has(`bank:${row.id}`)) day.set(`bank:${row.id}`, row.occurredOn);
  const kept: MatchProposal[] = [];
  for (const proposal of proposals) {
    const month = groupMonth(proposal.items.map((item) => day.get(`${item.side}:${item.id}`)));
    if (!month || !locked.has(month)) kept.push(proposal);
  }
  return { kept, skipped: proposals.length - kept.length };
}
