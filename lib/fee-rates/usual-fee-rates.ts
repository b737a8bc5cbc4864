// A store's usual rate per fee type, from its confirmed orders: each order's fee of that type over
// its sale, then the median (what to expect: one odd order or a few cannot drag it, where a mean
// would follow them) and the 90th percentile (what to check an inferred fee against: a store that
// sells several categories pays several rates, and the median alone would hold half its orders).
// Pure: the database part is rebuild-store-fee-rates.ts.
import { classifyFee, type FeeType } from "@/lib/fees/fee-types";
import type { SettlementLineType } from "@/lib/import/types";

/** A rate is learned from at least this many orders that carried the fee; fewer say too little. */
export const MIN_ORDERS_TO_LEARN = 20;

/** One bill line or wallet row of a confirmed order group. */
export type OrderLineFact = {
  /** The bill line's type; null for a wallet row (its sign and words say what it is). */
  lineType: SettlementLineType | null;
  /** The platform's words, up to the order number (the memo's shape). */
  text: string;
  amountMinor: bigint;
};

export type UsualFeeRate = { feeType: FeeType; medianBps: number; upperBps: number; orders: number; ofOrders: number };

/** An order's sale (what the platform credited for it) and its fees by type, from its lines. */
export function orderFees(lines: readonly OrderLineFact[], classify: (line: OrderLineFact) => FeeType | null = classifyLine): { sale: bigint; fees: Map<FeeType, bigint> } {
  let sale = 0n;
  const fees = new Map<FeeType, bigint>();
  for (const line of lines) {
    if (line.lineType === "SALE" || (line.lineType === null && line.amountMinor > 0n && !/退款/.test(line.text))) {
      sale += line.amountMinor;
      continue;
    }
    const feeType = classify(line);
    // A fee costs the seller (negative on the balance); a subsidy paid to the seller is no rate to learn.
    if (feeType === null || line.amountMinor >= 0n) continue;
    fees.set(feeType, (fees.get(feeType) ?? 0n) - line.amountMinor);
  }
  return { sale, fees };
}

function classifyLine(line: OrderLineFact): FeeType | null {
  return classifyFee({ lineType: line.lineType, text: line.text });
}

/** Rates of one fee type, one per order, in basis points of the order's sale (two decimals kept). */
export function rateBps(fee: bigint, sale: bigint): number {
  return Number((fee * 1_000_000n) / sale) / 100;
}

/** The value at `share` (0..1) of the sorted values, by nearest rank. */
export function percentile(sorted: readonly number[], share: number): number {
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** The median of sorted values (the lower of the middle two for an even count: a rate that occurred). */
function medianOf(sorted: readonly number[]): number {
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Per fee type, from the store's confirmed orders (each an array of its lines): the usual rate when
 * at least MIN_ORDERS_TO_LEARN orders carried it. Orders without a sale are left out (nothing to
 * take a rate of).
 */
export function usualFeeRates(orders: Iterable<readonly OrderLineFact[]>): UsualFeeRate[] {
  const rates = new Map<FeeType, number[]>();
  let ofOrders = 0;
  for (const lines of orders) {
    const { sale, fees } = orderFees(lines);
    if (sale <= 0n) continue;
    ofOrders++;
    for (const [feeType, fee] of fees) {
      let list = rates.get(feeType);
      if (!list) rates.set(feeType, (list = []));
      list.push(rateBps(fee, sale));
    }
  }
  const usual: UsualFeeRate[] = [];
  for (const [feeType, list] of rates) {
    if (list.length < MIN_ORDERS_TO_LEARN) continue;
    list.sort((a, b) => a - b);
    usual.push({ feeType, medianBps: Math.round(medianOf(list)), upperBps: Math.round(percentile(list, 0.9)), orders: list.length, ofOrders });
  }
  return usual.sort((a, b) => (a.feeType < b.feeType ? -1 : a.feeType > b.feeType ? 1 : 0));
}
