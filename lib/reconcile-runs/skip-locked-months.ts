// A run never books or proposes anything in a locked month (对账期间 closed by a reviewer): a group
// belongs to the month of its latest row, as in the workspace (lib/workspace/periods.ts).
import type pg from "pg";
import type { MatchProposal, ReconcileInput } from "@/lib/reconcile";

export async function lockedMonthsOf(pool: pg.Pool, orgId: string): Promise<Set<string>> {
  const result = await pool.query<{ month: string }>(`SELECT month FROM "Period" WHERE "orgId" = $1 AND status = 'LOCKED'`, [orgId]);
  return new Set(result.rows.map((row) => row.month));
}

/** The proposals whose month is open; the others are dropped (and counted). */
export function skipLockedMonths(input: ReconcileInput, proposals: readonly MatchProposal[], locked: ReadonlySet<string>): { kept: MatchProposal[]; skipped: number } {
  if (locked.size === 0) return { kept: [...proposals], skipped: 0 };
  // Only the rows the proposals use need a date: collect them, then read each table once.
  const wanted = new Set(proposals.flatMap((proposal) => proposal.items.map((item) => `${item.side}:${item.id}`)));
  const day = new Map<string, string>();
  for (const order of input.orders) if (wanted.has(`order:${order.id}`)) day.set(`order:${order.id}`, order.paidOn ?? order.confirmedOn ?? "");
  for (const line of input.settlementLines) if (wanted.has(`settlement:${line.id}`)) day.set(`settlement:${line.id}`, line.occurredOn);
  for (const row of input.bankTransactions) if (wanted.has(`bank:${row.id}`)) day.set(`bank:${row.id}`, row.occurredOn);
  const kept: MatchProposal[] = [];
  for (const proposal of proposals) {
    let latest = "";
    for (const item of proposal.items) {
      const itemDay = day.get(`${item.side}:${item.id}`) ?? "";
      if (itemDay > latest) latest = itemDay;
    }
    if (!latest || !locked.has(latest.slice(0, 7))) kept.push(proposal);
  }
  return { kept, skipped: proposals.length - kept.length };
}
