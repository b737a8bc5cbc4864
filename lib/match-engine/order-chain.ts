// Each order's way to the bank, read off the groups of a run (and confirmed history): what the buyer
// paid, what was refunded, each fee, what the platform credited, what of it was withdrawn and what
// reached the bank, and the rest nobody has explained yet (not settled, or an OTHER difference).
//   gross − refunds − fees − net settled = unexplained
import { compareIds } from "./engine/canonical-order";
import type { Adjustment, AdjustmentType, ConfirmedMatch, MatchItem, MatchLink, ReconcileInput, ReconcileResult } from "./types";

export type ChainFeeType = Exclude<AdjustmentType, "REFUND" | "OTHER">;

export interface OrderChain {
  storeId: string;
  orderNo: string;
  orderIds: string[];
  grossPaidMinor: bigint;
  refundsMinor: bigint;
  /** Commission, service fees, promotion (− for platform-funded discounts), fees, rounding … */
  feesMinor: Partial<Record<ChainFeeType, bigint>>;
  /** What the platform credited for the order (its bill / wallet lines, or its share of a payout). */
  netSettledMinor: bigint;
  /** Part of the net swept into a withdrawal or payout. */
  withdrawnMinor: bigint;
  /** Part of the net whose withdrawal or payout is matched to a bank receipt. */
  inBankMinor: bigint;
  /** gross − refunds − fees − net settled: not settled yet, or differences typed OTHER. */
  unexplainedMinor: bigint;
  status: "IN_BANK" | "WITHDRAWN" | "SETTLED" | "OPEN";
  /** Groups along the chain, in the order they were found. */
  groupKeys: string[];
  /** True when every group on the chain is confirmed or auto-confirmed. */
  certain: boolean;
}

interface ChainGroup {
  key: string;
  link: MatchLink | undefined;
  items: readonly MatchItem[];
  adjustments: readonly Adjustment[];
  certain: boolean;
}

const ref = (side: string, id: string) => `${side}\u0000${id}`;

export function traceOrderChains(input: ReconcileInput, result: ReconcileResult): OrderChain[] {
  const groups: ChainGroup[] = [
    ...(input.confirmed ?? []).map((match: ConfirmedMatch) => ({ key: match.key, link: match.link, items: match.items, adjustments: match.adjustments ?? [], certain: true })),
    ...result.proposals.map((proposal) => ({ key: proposal.key, link: proposal.link, items: proposal.items, adjustments: proposal.adjustments, certain: proposal.autoConfirm })),
  ];
  // Row → the groups it is in, by link.
  const byRow = new Map<string, ChainGroup[]>();
  for (const group of groups) {
    for (const item of group.items) {
      const key = ref(item.side, item.id);
      const list = byRow.get(key);
      if (list) list.push(group);
      else byRow.set(key, [group]);
    }
  }
  const groupOf = (side: string, id: string, links: readonly MatchLink[], except?: ChainGroup) =>
    (byRow.get(ref(side, id)) ?? []).filter((group) => group !== except && (group.link === undefined || links.includes(group.link)));

  const bankAccounts = new Set(input.accounts.filter((account) => account.type === "BANK").map((account) => account.id));
  const bankAccountRows = new Set(input.bankTransactions.filter((row) => bankAccounts.has(row.accountId)).map((row) => row.id));

  const orders = new Map<string, { storeId: string; orderNo: string; ids: string[]; gross: bigint }>();
  for (const order of [...input.orders].sort((a, b) => compareIds(a.id, b.id))) {
    const key = ref(order.storeId, order.orderNo.trim());
    const entry = orders.get(key) ?? { storeId: order.storeId, orderNo: order.orderNo.trim(), ids: [], gross: 0n };
    entry.ids.push(order.id);
    entry.gross += order.paidMinor;
    orders.set(key, entry);
  }

  const chains: OrderChain[] = [];
  for (const order of orders.values()) {
    const ids = new Set(order.ids);
    const fees: Partial<Record<ChainFeeType, bigint>> = {};
    let refunds = 0n;
    let other = 0n;
    let net = 0n;
    let withdrawn = 0n;
    let inBank = 0n;
    let certain = true;
    const keys: string[] = [];
    const seen = new Set<ChainGroup>();
    const follow = (group: ChainGroup) => {
      if (!seen.has(group)) {
        seen.add(group);
        keys.push(group.key);
        certain &&= group.certain;
      }
    };
    for (const id of order.ids) {
      for (const group of groupOf("order", id, ["ORDER_SETTLEMENT", "ORDER_BANK"])) {
        if (seen.has(group)) continue;
        follow(group);
        const orderItems = group.items.filter((item) => item.side === "order");
        const single = orderItems.every((item) => ids.has(item.id));
        for (const adjustment of group.adjustments) {
          const mine = adjustment.about ? adjustment.about.side === "order" && ids.has(adjustment.about.id) : single;
          if (!mine) continue;
          if (adjustment.type === "REFUND") refunds += adjustment.amountMinor;
          else if (adjustment.type === "OTHER") other += adjustment.amountMinor;
          else fees[adjustment.type] = (fees[adjustment.type] ?? 0n) + adjustment.amountMinor;
        }
        if (group.link === "ORDER_BANK") {
          // The order's share of the receipt: what it paid less what was kept back for it.
          const paid = -orderItems.filter((item) => ids.has(item.id)).reduce((sum, item) => sum + item.amountMinor, 0n);
          const kept = group.adjustments
            .filter((adjustment) => (adjustment.about ? adjustment.about.side === "order" && ids.has(adjustment.about.id) : single))
            .reduce((sum, adjustment) => sum + adjustment.amountMinor, 0n);
          net += paid - kept;
          withdrawn += paid - kept;
          inBank += paid - kept;
          continue;
        }
        for (const line of group.items) {
          if (line.side === "order") continue;
          net += line.amountMinor;
          for (const payout of groupOf(line.side, line.id, ["SETTLEMENT_PAYOUT"], group)) {
            follow(payout);
            withdrawn += line.amountMinor;
            // The payout reached the bank when its receiving row is a bank-account row, or is a
            // withdrawal that a withdrawal → bank group took.
            let reached = false;
            for (const item of payout.items) {
              if (item.side === "bank" && bankAccountRows.has(item.id)) reached = true;
              const toBank = groupOf(item.side, item.id, ["PAYOUT_BANK"], payout);
              if (toBank.length > 0) {
                toBank.forEach(follow);
                reached = true;
              }
            }
            if (reached) inBank += line.amountMinor;
          }
        }
      }
    }
    const feeTotal = Object.values(fees).reduce((sum, value) => sum + value, 0n);
    const unexplained = order.gross - refunds - feeTotal - net;
    chains.push({
      storeId: order.storeId,
      orderNo: order.orderNo,
      orderIds: order.ids,
      grossPaidMinor: order.gross,
      refundsMinor: refunds,
      feesMinor: fees,
      netSettledMinor: net,
      withdrawnMinor: withdrawn,
      inBankMinor: inBank,
      unexplainedMinor: unexplained,
      status: keys.length === 0 ? "OPEN" : inBank !== 0n || (net === 0n && withdrawn === 0n && other === 0n && keys.length > 0 && hasBank(seen)) ? "IN_BANK" : withdrawn !== 0n ? "WITHDRAWN" : "SETTLED",
      groupKeys: keys,
      certain: keys.length > 0 && certain,
    });
  }
  return chains;
}

function hasBank(groups: ReadonlySet<ChainGroup>): boolean {
  for (const group of groups) if (group.link === "PAYOUT_BANK" || group.link === "ORDER_BANK") return true;
  return false;
}
