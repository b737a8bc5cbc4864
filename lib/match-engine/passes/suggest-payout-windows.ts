// Pass 4, payout windows: for a platform that pays the bank directly, a receipt from its paying
// entity is suggested with the open orders due to settle since that payer's previous receipt. Sums
// rarely agree (orders of the previous period, refunds deducted later, discounts the export does not
// show), so the gap is an OTHER adjustment and the confidence falls with its size. A window that asks
// for far more than arrived is not suggested.
import { dateOfDay, SECONDS_PER_DAY } from "../engine/local-date";
import { draftOrdersToBank } from "../engine/orders-to-bank";
import { reason } from "../engine/reasons";
import type { RunContext } from "../engine/run-context";
import { Role } from "../engine/row-table";

/** Windows whose orders expect more than this share of the receipt are not suggested. */
const MAX_EXPECTED_SHARE = 1.5;

export function suggestPayoutWindows(context: RunContext): void {
  const { table, sink, notes, payers } = context;
  for (const store of context.directPayoutStores()) {
    // Every receipt of this payer bounds a window, placed or not.
    const allReceipts: number[] = [];
    for (let row = table.bankStart; row < table.size; row++) {
      if (table.role[row] === Role.BANK && table.amount[row]! > 0 && payers.paysFor(table.bankRow(row).counterparty, store.ledger)) allReceipts.push(row);
    }
    allReceipts.sort((a, b) => table.day[a]! - table.day[b]! || a - b);
    let previousDay = Number.NEGATIVE_INFINITY;
    let position = 0;
    for (const receipt of allReceipts) {
      const day = table.day[receipt]!;
      const groups: number[] = [];
      let expected = 0;
      let fromDay = 0;
      let toDay = 0;
      while (position < store.groups.length && Math.floor(store.instants[position]! / SECONDS_PER_DAY) <= day) {
        const settleDay = Math.floor(store.instants[position]! / SECONDS_PER_DAY);
        const group = store.groups[position]!;
        if (settleDay > previousDay && table.down[context.index.firstRow[group]!]! > 0) {
          if (groups.length === 0) fromDay = settleDay;
          toDay = settleDay;
          groups.push(group);
          expected += store.nets[position]!;
        }
        position++;
      }
      previousDay = day;
      if (!(table.up[receipt]! > 0) || groups.length === 0) continue;
      const received = table.up[receipt]!;
      if (expected > received * MAX_EXPECTED_SHARE) {
        notes.add(receipt, "upstream", reason("SUM_MISMATCH", { expectedMinor: expected, actualMinor: received, differenceMinor: received - expected }));
        continue;
      }
      const draft = draftOrdersToBank(context, groups, [receipt], true);
      const gap = Math.abs(received - expected) / received;
      const platform = table.ledgers[store.ledger]!.platform ?? "";
      sink.commit({
        pass: 4,
        rule: "PAYOUT_WINDOW",
        link: "ORDER_BANK",
        rows: draft.rows,
        adjustments: draft.adjustments,
        reasons: [
          reason("COUNTERPARTY_IS_PLATFORM", { counterparty: table.bankRow(receipt).counterparty ?? "", platform }),
          reason("SETTLEMENT_DATES_IN_WINDOW", {
            orders: groups.length,
            fromDate: dateOfDay(fromDay),
            toDate: dateOfDay(toDay),
          }),
          reason("SUM_MISMATCH", { expectedMinor: expected, actualMinor: received, differenceMinor: received - expected }),
          ...draft.notes,
        ],
        blockers: draft.blockers,
        confidence: 10 + 50 * (1 - Math.min(1, gap)),
      });
    }
  }
}
