// Fees are a rate times an amount, in integer minor units (fen). Rates are basis points (1 bp =
// 0.01 %, so 60 bp = 0.6 %). The rounding rule, used for every percent fee in the generator:
//   fee = round-half-up(amountMinor × rateBps / 10 000) to the fen (四舍五入 at 0.5 fen),
// computed as floor((amount × bps + 5 000) / 10 000) on non-negative integers only. Amounts stay far
// below 2^53 / 10 000, so the product is exact in a double; the guard says so loudly if not.
export const BPS_PER_UNIT = 10_000;

export function percentOfMinor(amountMinor: number, rateBps: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new Error(`amount must be a non-negative integer: ${amountMinor}`);
  if (!Number.isInteger(rateBps) || rateBps < 0) throw new Error(`rate must be whole basis points: ${rateBps}`);
  const product = amountMinor * rateBps + BPS_PER_UNIT / 2;
  if (!Number.isSafeInteger(product)) throw new Error(`fee computation would lose precision: ${amountMinor} × ${rateBps} bp`);
  return Math.floor(product / BPS_PER_UNIT);
}

/** A whole-percent share of an amount, rounded down to the fen (partial refunds, coupon caps). */
export function percentFloorOfMinor(amountMinor: number, percent: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0 || !Number.isInteger(percent)) {
    throw new Error(`bad share: ${amountMinor} × ${percent} %`);
  }
  return Math.floor((amountMinor * percent) / 100);
}

/** Sums that leave the per-order range (withdrawals, balances) are checked to stay exact. */
export function addMinor(total: number, amountMinor: number): number {
  const sum = total + amountMinor;
  if (!Number.isSafeInteger(sum)) throw new Error(`money total left the safe integer range: ${total} + ${amountMinor}`);
  return sum;
}
